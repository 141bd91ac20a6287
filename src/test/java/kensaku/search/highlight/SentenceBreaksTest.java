package kensaku.search.highlight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The JDK's Japanese sentence iterator is the oracle: every boundary and every answer must be its. */
class SentenceBreaksTest {
    /** Characters each rule turns on: terminators, periods, closing and opening punctuation, spaces, letters. */
    private static final String ALPHABET = "aZ3 \n\t\u3000。、！？!?.．,」「()\"'’“”日カー-・：#x\u0301\u200b\u2029\ud842\udfb7";

    @Test
    void endsSentencesWhereTheJdkDoes() {
        for (String text : List.of("今日は晴れ。明日は雨！本当？はい。", "「こんにちは。」と言った。次", "Node.js 1.5兆円. Hello. World",
                "行1\n行2\n\n行3。 次の文", "これは(注。)です。終わり", "A! B? C.D. e", "文。。続き", "価格は3.5ドル。", "見出し\r\n本文",
                "A. (B", "A.\"B", "A.」 日本", "", "。", " 。 ", "終わり。")) {
            assertSameAsJdk(text);
        }
    }

    @Test
    void agreesWithTheJdkOnRandomTextsOfTheCharactersTheRulesTurnOn() {
        SplittableRandom random = new SplittableRandom(20261202);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(24); n > 0; n--) {
                text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            assertSameAsJdk(text.toString());
        }
    }

    @Test
    void agreesWithTheJdkOnTheSeedArticles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("corpus"))) {
            for (Path file : files.toList()) {
                assertSameAsJdk(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void handsTextsItDoesNotModelToTheJdk() {
        // A surrogate pair, a combining mark, a paragraph separator, a zero-width joiner.
        for (String text : List.of("𠮷野家。次。", "か\u3099き。次。", "段落。\u2029次。", "A.\u200dB。次")) {
            assertSameAsJdk(text);
        }
    }

    @Test
    void aCloneKeepsItsOwnPosition() {
        SentenceBreaks breaks = new SentenceBreaks();
        breaks.setText("一。二。三。");
        breaks.first();
        BreakIterator copy = (BreakIterator) breaks.clone();
        assertEquals(2, breaks.next());
        assertEquals(0, copy.current());
        assertNotEquals(breaks.current(), copy.current());
    }

    @Test
    void refusesAnOffsetOutsideTheText() {
        SentenceBreaks breaks = new SentenceBreaks();
        breaks.setText("一。");
        assertThrows(IllegalArgumentException.class, () -> breaks.following(3));
        assertThrows(IllegalArgumentException.class, () -> breaks.preceding(-1));
    }

    private static void assertSameAsJdk(String text) {
        BreakIterator jdk = BreakIterator.getSentenceInstance(Locale.JAPANESE);
        SentenceBreaks ours = new SentenceBreaks();
        jdk.setText(text);
        ours.setText(text);
        String shown = text.replace("\n", "\\n");
        assertEquals(forward(jdk), forward(ours), () -> "boundaries of \"" + shown + "\"");
        List<Integer> boundaries = forward(jdk);
        for (int offset = 0; offset <= text.length(); offset++) {
            int at = offset;
            assertEquals(jdk.following(offset), ours.following(offset), () -> "following(" + at + ") in \"" + shown + "\"");
            assertEquals(jdk.current(), ours.current(), () -> "current after following(" + at + ") in \"" + shown + "\"");
            // The JDK's backward iteration can answer a position its forward iteration never gives (before a
            // period followed by a symbol: "A .、B"); ours answers the boundary before, as forward iteration has it.
            assertEquals(before(boundaries, offset), ours.preceding(offset), () -> "preceding(" + at + ") in \"" + shown + "\"");
            assertEquals(jdk.isBoundary(offset), ours.isBoundary(offset), () -> "isBoundary(" + at + ") in \"" + shown + "\"");
        }
        assertEquals(jdk.last(), ours.last());
        assertEquals(before(boundaries, text.length()), ours.previous(), () -> "previous() from the end of \"" + shown + "\"");
    }

    private static int before(List<Integer> boundaries, int offset) {
        int result = BreakIterator.DONE;
        for (int b : boundaries) {
            if (b < offset) {
                result = b;
            }
        }
        return result;
    }

    private static List<Integer> forward(BreakIterator breaks) {
        List<Integer> boundaries = new ArrayList<>();
        for (int b = breaks.first(); b != BreakIterator.DONE; b = breaks.next()) {
            boundaries.add(b);
        }
        return boundaries;
    }
}
