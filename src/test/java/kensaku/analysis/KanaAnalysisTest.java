package kensaku.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Hiragana and katakana as one script, and the reading view, on the real chains. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KanaAnalysisTest {
    private final JapaneseAnalyzers analyzers = new JapaneseAnalyzers(CompanyGazetteer.builtIn());

    @AfterAll
    void close() {
        analyzers.close();
    }

    private static List<String> terms(Analyzer analyzer, String text) {
        return JapaneseAnalyzers.terms(analyzer, "f", text);
    }

    @Test
    void theBigramViewFindsAWordTypedInEitherKana() {
        assertEquals(terms(analyzers.bigram(), "サーバー"), terms(analyzers.bigram(), "さーばー"));
        assertEquals(terms(analyzers.bigram(), "アンソロピック"), terms(analyzers.bigram(), "あんそろぴっく"));
        assertEquals(terms(analyzers.bigram(), "すし"), terms(analyzers.bigram(), "スシ"));
    }

    @Test
    void theMorphologicalViewFoldsTermsAfterKuromojiSoParticlesStillGo() {
        assertEquals(terms(analyzers.morphological(), "スシ"), terms(analyzers.morphological(), "すし"));
        assertEquals(List.of("アマゾン", "投資"), terms(analyzers.morphological(), "アマゾンの投資"),
                "の is still a particle Kuromoji drops, not a katakana ノ");
        assertEquals(List.of("投資"), terms(analyzers.morphological(), "投資した"), "base forms and okurigana as before");
    }

    @Test
    void foldingKeepsOffsetsOnTheTextAsWritten() throws IOException {
        // The highlighter marks by these offsets: each folded character stands where the typed one did.
        assertEquals(offsets(analyzers.bigram(), "これはサーバーです"), List.of(
                "コレ 0-2", "レハ 1-3", "ハサ 2-4", "サー 3-5", "ーバ 4-6", "バー 5-7", "ーデ 6-8", "デス 7-9"));
    }

    @Test
    void kanaHelpers() {
        assertEquals("アンソロピック", Kana.katakana("あんそろぴっく"));
        assertEquals("ぐーぐる", Kana.hiragana("グーグル"));
        assertTrue(Kana.isKanaOnly("さーばー"));
        assertFalse(Kana.isKanaOnly("アマゾンの投資"));
        assertFalse(Kana.isKanaOnly(""));
    }

    private static List<String> offsets(Analyzer analyzer, String text) throws IOException {
        List<String> found = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                found.add(term + " " + offset.startOffset() + "-" + offset.endOffset());
            }
            stream.end();
        }
        return found;
    }
}
