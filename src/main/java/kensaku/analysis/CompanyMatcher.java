package kensaku.analysis;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds company aliases in (NFKC-normalised) text with one compiled pattern, longest alias first.
 *
 * <p>Word boundaries, by the script at each end of the alias: a Latin letter or digit may not touch a Latin end
 * ("Metadata" is not Meta, "Intelligence" is not Intel); a katakana character or the long-vowel mark may not
 * touch a katakana end (メタデータ and メタバース are not Meta, サンフランシスコ is not Cisco). Kanji ends have
 * no boundary, since Japanese runs kanji words together (富士通の, 日立製作所).
 */
final class CompanyMatcher {
    /** One name of a company; {@code exactCase} names match only with that exact case. */
    record Alias(String canonical, String name, boolean exactCase) {}

    private static final String LATIN = "[\\p{IsLatin}\\p{Nd}]";
    private static final String KATAKANA = "[\\p{IsKatakana}ーｰ]";

    private final Pattern pattern;
    private final Map<String, String> exact = new HashMap<>();
    private final Map<String, String> folded = new HashMap<>();

    CompanyMatcher(List<Alias> aliases) {
        for (Alias alias : aliases) {
            if (alias.exactCase()) {
                exact.putIfAbsent(alias.name(), alias.canonical());
            } else {
                folded.putIfAbsent(alias.name().toLowerCase(Locale.ROOT), alias.canonical());
            }
        }
        this.pattern = Pattern.compile(aliases.stream()
                .sorted(Comparator.comparingInt((Alias a) -> a.name().length()).reversed())
                .map(CompanyMatcher::regex)
                .distinct()
                .collect(Collectors.joining("|")));
    }

    Set<String> companiesIn(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            String name = matcher.group();
            String canonical = exact.get(name);
            if (canonical == null) {
                canonical = folded.get(name.toLowerCase(Locale.ROOT));
            }
            if (canonical != null) {
                found.add(canonical);
            }
        }
        return found;
    }

    private static String regex(Alias alias) {
        String name = alias.name();
        String body = Pattern.quote(name);
        if (!alias.exactCase()) {
            body = "(?iu:" + body + ")";
        }
        return before(name.codePointAt(0)) + body + after(name.codePointBefore(name.length()));
    }

    private static String before(int codePoint) {
        if (isLatin(codePoint)) {
            return "(?<!" + LATIN + ")";
        }
        return isKatakana(codePoint) ? "(?<!" + KATAKANA + ")" : "";
    }

    private static String after(int codePoint) {
        if (isLatin(codePoint)) {
            return "(?!" + LATIN + ")";
        }
        return isKatakana(codePoint) ? "(?!" + KATAKANA + ")" : "";
    }

    private static boolean isLatin(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.LATIN || Character.isDigit(codePoint);
    }

    private static boolean isKatakana(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.KATAKANA || codePoint == 'ー';
    }
}
