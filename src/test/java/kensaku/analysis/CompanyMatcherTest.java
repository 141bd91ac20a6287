package kensaku.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The scanning matcher finds exactly what the single regular expression it replaced found (the expression is kept
 * here as the oracle): on the seed corpus, the benchmark text when present, and random strings made of alias
 * pieces and boundary characters.
 */
class CompanyMatcherTest {
    private static final CompanyGazetteer GAZETTEER = CompanyGazetteer.builtIn();
    private static final CompanyMatcher MATCHER = new CompanyMatcher(GAZETTEER.aliases());
    private static final Oracle ORACLE = new Oracle(GAZETTEER.aliases());

    @Test
    void findsWhatTheRegularExpressionFoundInTheSeedCorpus() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("corpus"))) {
            for (Path file : files.toList()) {
                String text = CompanyGazetteer.normalize(Files.readString(file, StandardCharsets.UTF_8));
                assertEquals(ORACLE.companiesIn(text), MATCHER.companiesIn(text), file.toString());
            }
        }
    }

    @Test
    void findsWhatTheRegularExpressionFoundInTheBenchmarkText() throws IOException {
        Path text = Path.of("../shared/bench-text/libreoffice-help-ja.paragraphs.txt.gz");
        if (!Files.exists(text)) {
            return; // test data outside the repository; the other cases still run
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(text))) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String normalized = CompanyGazetteer.normalize(line);
                assertEquals(ORACLE.companiesIn(normalized), MATCHER.companiesIn(normalized), line);
            }
        }
    }

    @Test
    void findsWhatTheRegularExpressionFoundInRandomStrings() {
        List<String> pieces = new ArrayList<>();
        GAZETTEER.aliases().forEach(a -> {
            pieces.add(a.name());
            pieces.add(a.name().toUpperCase(Locale.ROOT));
            pieces.add(a.name().toLowerCase(Locale.ROOT));
            pieces.add(a.name().substring(0, Math.max(1, a.name().length() / 2)));
        });
        pieces.addAll(List.of("a", "Z", "1", "ー", "ｰ", "ア", "ン", "の", "、", " ", "-", "漢", "データ", "ing", "s", "😀", "é"));
        Random random = new Random(20261201);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(8); k >= 0; k--) {
                text.append(pieces.get(random.nextInt(pieces.size())));
            }
            String s = text.toString();
            assertEquals(ORACLE.companiesIn(s), MATCHER.companiesIn(s), s);
        }
    }

    /** The previous implementation: one alternation of every alias, longest first, with lookaround boundaries. */
    private static final class Oracle {
        private static final String LATIN = "[\\p{IsLatin}\\p{Nd}]";
        private static final String KATAKANA = "[\\p{IsKatakana}ーｰ]";
        private final Pattern pattern;
        private final Map<String, String> exact = new java.util.HashMap<>();
        private final Map<String, String> folded = new java.util.HashMap<>();

        Oracle(List<CompanyMatcher.Alias> aliases) {
            for (CompanyMatcher.Alias alias : aliases) {
                if (alias.exactCase()) {
                    exact.putIfAbsent(alias.name(), alias.canonical());
                } else {
                    folded.putIfAbsent(alias.name().toLowerCase(Locale.ROOT), alias.canonical());
                }
            }
            pattern = Pattern.compile(aliases.stream()
                    .sorted(Comparator.comparingInt((CompanyMatcher.Alias a) -> a.name().length()).reversed())
                    .map(Oracle::regex).distinct().collect(Collectors.joining("|")));
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

        private static String regex(CompanyMatcher.Alias alias) {
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
}
