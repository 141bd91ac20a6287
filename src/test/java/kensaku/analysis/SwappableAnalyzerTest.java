package kensaku.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A cluster node's query chain, swapped in place; and the gazetteer it is given, in its file format. */
class SwappableAnalyzerTest {
    private static AnalysisConfig withSynonyms(String rules) {
        AnalysisConfig builtIn = AnalysisConfig.builtIn(CompanyGazetteer.builtIn());
        return new AnalysisConfig("test", builtIn.userDictionary(), builtIn.stopWords(),
                new AnalysisConfig.Text("test synonyms", rules), builtIn.gazetteer());
    }

    @Test
    void theNextTokenStreamUsesTheNewChainOnTheSameThread() {
        try (JapaneseAnalyzers before = new JapaneseAnalyzers(withSynonyms(""));
             JapaneseAnalyzers after = new JapaneseAnalyzers(withSynonyms("チップメーカー => 半導体\n"))) {
            SwappableAnalyzer query = new SwappableAnalyzer(before.morphologicalQuery());
            List<String> old = JapaneseAnalyzers.terms(query, "body", "チップメーカー");
            assertEquals(old, JapaneseAnalyzers.terms(query, "body", "チップメーカー"), "reused components");
            query.swap(after.morphologicalQuery());
            assertEquals(List.of("半導体"), JapaneseAnalyzers.terms(query, "body", "チップメーカー"),
                    "components built before the swap are not reused after it");
            query.swap(before.morphologicalQuery());
            assertEquals(old, JapaneseAnalyzers.terms(query, "body", "チップメーカー"));
        }
    }

    @Test
    void theGazetteerSurvivesItsFileFormat() {
        CompanyGazetteer builtIn = CompanyGazetteer.builtIn();
        CompanyGazetteer again = CompanyGazetteer.fromTsv(builtIn.toTsv(), "round trip");
        assertEquals(builtIn.aliases(), again.aliases());
        assertEquals("トヨタ", again.labelOf("Toyota"));
        AnalysisConfig config = AnalysisConfig.builtIn(builtIn);
        assertEquals(config.fingerprint(), AnalysisConfig.builtIn(again).fingerprint());
        assertTrue(again.companiesIn("Metaの発表").contains("Meta") && !again.companiesIn("metadata").contains("Meta"));
    }
}
