package kensaku.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds company aliases in (NFKC-normalised) text, longest alias first at each position.
 *
 * <p>Word boundaries, by the script at each end of the alias: a Latin letter or digit may not touch a Latin end
 * ("Metadata" is not Meta, "Intelligence" is not Intel); a katakana character or the long-vowel mark may not
 * touch a katakana end (メタデータ and メタバース are not Meta, サンフランシスコ is not Cisco). Kanji ends have
 * no boundary, since Japanese runs kanji words together (富士通の, 日立製作所).
 */
final class CompanyMatcher {
    /** One name of a company; {@code exactCase} names match only with that exact case. */
    record Alias(String canonical, String name, boolean exactCase) {}

    /** An alias ready to be tried at a position: which boundary each end needs. */
    private record Candidate(String name, boolean exactCase, Boundary start, Boundary end) {}

    private enum Boundary { NONE, LATIN, KATAKANA }

    /**
     * Candidates by the case-folded first character of their name, longest name first (then gazetteer order),
     * which is the order in which a regular-expression alternation of the names would try them. Scanning the text
     * once and trying only the names that start with the character at hand finds the same matches as that
     * alternation did, an order of magnitude faster (it was most of the indexing time).
     */
    private final Map<Character, List<Candidate>> byFirstChar = new HashMap<>();
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
        Set<Candidate> distinct = new LinkedHashSet<>();
        aliases.stream()
                .filter(a -> !a.name().isEmpty())
                .sorted(Comparator.comparingInt((Alias a) -> a.name().length()).reversed())
                .forEach(a -> distinct.add(new Candidate(a.name(), a.exactCase(),
                        boundary(a.name().codePointAt(0)), boundary(a.name().codePointBefore(a.name().length())))));
        for (Candidate candidate : distinct) {
            byFirstChar.computeIfAbsent(fold(candidate.name().charAt(0)), k -> new ArrayList<>()).add(candidate);
        }
    }

    Set<String> companiesIn(String text) {
        Set<String> found = new LinkedHashSet<>();
        int length = text.length();
        for (int i = 0; i < length; i++) {
            List<Candidate> candidates = byFirstChar.get(fold(text.charAt(i)));
            if (candidates == null) {
                continue;
            }
            for (Candidate candidate : candidates) {
                int end = i + candidate.name().length();
                if (end <= length && text.regionMatches(!candidate.exactCase(), i, candidate.name(), 0,
                        candidate.name().length())
                        && (i == 0 || !touches(candidate.start(), text.codePointBefore(i)))
                        && (end == length || !touches(candidate.end(), text.codePointAt(end)))) {
                    String name = text.substring(i, end);
                    String canonical = exact.get(name);
                    if (canonical == null) {
                        canonical = folded.get(name.toLowerCase(Locale.ROOT));
                    }
                    if (canonical != null) {
                        found.add(canonical);
                    }
                    i = end - 1;
                    break;
                }
            }
        }
        return found;
    }

    private static char fold(char c) {
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    private static Boundary boundary(int codePoint) {
        if (isLatin(codePoint)) {
            return Boundary.LATIN;
        }
        return isKatakana(codePoint) ? Boundary.KATAKANA : Boundary.NONE;
    }

    /** Whether a neighbouring character joins the alias into a longer word of its script. */
    private static boolean touches(Boundary boundary, int neighbour) {
        return switch (boundary) {
            case NONE -> false;
            case LATIN -> isLatin(neighbour);
            case KATAKANA -> Character.UnicodeScript.of(neighbour) == Character.UnicodeScript.KATAKANA
                    || neighbour == 'ー' || neighbour == 'ｰ';
        };
    }

    private static boolean isLatin(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.LATIN || Character.isDigit(codePoint);
    }

    private static boolean isKatakana(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.KATAKANA || codePoint == 'ー';
    }
}
