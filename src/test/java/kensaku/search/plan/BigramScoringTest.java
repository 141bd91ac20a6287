package kensaku.search.plan;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kensaku.analysis.CompanyGazetteer;
import kensaku.analysis.JapaneseAnalyzers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BigramScoringTest {
    private static JapaneseAnalyzers analyzers;

    @BeforeAll
    static void load() {
        analyzers = new JapaneseAnalyzers(CompanyGazetteer.builtIn());
    }

    @AfterAll
    static void close() {
        analyzers.close();
    }

    @Test
    void oneWordScoresItsBigramsAsAConstant() {
        for (String word : new String[] {"投資", "半導体", "NVIDIA", "ﾃﾞｰﾀ", "スプレッドシート"}) {
            assertTrue(BigramScoring.scoresConstant(analyzers.morphologicalQuery(), word), word);
        }
    }

    @Test
    void aCompanyWithItsSynonymsStackedIsStillOneWord() {
        assertTrue(BigramScoring.scoresConstant(analyzers.morphologicalQuery(), "エヌビディア"));
    }

    @Test
    void severalWordsOrNothingKeepBm25Bigrams() {
        for (String text : new String[] {"データセンタ", "生成AI 投資", "アマゾンの投資", "。"}) {
            assertFalse(BigramScoring.scoresConstant(analyzers.morphologicalQuery(), text), text);
        }
    }
}
