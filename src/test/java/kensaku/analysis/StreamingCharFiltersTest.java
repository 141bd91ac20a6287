package kensaku.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.SplittableRandom;
import org.apache.lucene.analysis.CharFilter;
import org.apache.lucene.analysis.cjk.CJKWidthCharFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.junit.jupiter.api.Test;

/**
 * The streaming normalizing filters against the pattern filters they replace: the same characters out and the
 * same corrected offset for every position, on random text built from the characters the rules look at, read in
 * chunks of every size (so a rule's look-ahead and look-behind cross read and buffer boundaries).
 */
class StreamingCharFiltersTest {
    private static final String ALPHABET = "サバあいーｰ－—―─━-1234,，１２A漢 ｶﾞﾊﾟ";
    private static final String SUPPLEMENTARY = "\uD82C\uDC00"; // U+1B000, a kana of the Kana Supplement block

    @Test
    void shortRandomTextsNormalizeAsThePatternsDo() throws IOException {
        SplittableRandom random = new SplittableRandom(27);
        for (int i = 0; i < 20_000; i++) {
            String sample = randomText(random, random.nextInt(0, 16));
            assertSame(sample, 1 + random.nextInt(8));
        }
    }

    @Test
    void longTextsAcrossBufferBoundariesNormalizeAsThePatternsDo() throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 40; i++) {
            String sample = randomText(random, random.nextInt(4_000, 20_000));
            assertSame(sample, 1 + random.nextInt(5_000));
        }
    }

    @Test
    void numbersAndDashesAtTheEdges() throws IOException {
        for (String sample : new String[] {"", ",", "1,", "1,000", "1,0000", "1,000,000円", ",123", "12,34",
                "１，２５０億ドル", "サ－バ－", "－サ", "a－－", "ｻｰﾊﾞｰ", SUPPLEMENTARY + "－", "1,234" + SUPPLEMENTARY}) {
            for (int chunk = 1; chunk <= 6; chunk++) {
                assertSame(sample, chunk);
            }
        }
    }

    private static String randomText(SplittableRandom random, int length) {
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            if (random.nextInt(40) == 0) {
                text.append(SUPPLEMENTARY);
            } else {
                text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
        }
        return text.toString();
    }

    private static void assertSame(String sample, int chunk) throws IOException {
        CharFilter expected = new PatternReplaceCharFilter(JapaneseAnalyzers.THOUSANDS_SEPARATOR, "",
                new CJKWidthCharFilter(new PatternReplaceCharFilter(JapaneseAnalyzers.DASH_AFTER_KANA, "ー",
                        new StringReader(sample))));
        CharFilter actual = (CharFilter) JapaneseAnalyzers.normalizingReader(new StringReader(sample));
        String want = readAll(expected, chunk);
        String got = readAll(actual, chunk);
        if (!want.equals(got)) { // name the first difference, not two pages of text
            int at = 0;
            while (at < Math.min(want.length(), got.length()) && want.charAt(at) == got.charAt(at)) {
                at++;
            }
            assertEquals(around(want, at), around(got, at), "at " + at + " of " + around(sample, at));
        }
        for (int offset = 0; offset <= want.length(); offset++) {
            assertEquals(expected.correctOffset(offset), actual.correctOffset(offset),
                    "offset " + offset + " of " + around(sample, offset));
        }
    }

    private static String around(String text, int at) {
        return text.substring(Math.max(0, at - 8), Math.min(text.length(), at + 8));
    }

    private static String readAll(Reader reader, int chunk) throws IOException {
        StringBuilder out = new StringBuilder();
        char[] buffer = new char[chunk];
        for (int read = reader.read(buffer); read >= 0; read = reader.read(buffer)) {
            out.append(buffer, 0, read);
        }
        return out.toString();
    }
}
