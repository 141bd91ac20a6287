package kensaku.analysis;

import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;

/**
 * The analyzer chains under Lucene's own token stream checks: exact terms with offsets and positions, and random
 * strings (random Unicode, random lengths, random readers) that every TokenStream must survive with consistent
 * offsets, positions and reset/close. A Lucene or Kuromoji upgrade that changes what a filter emits fails here.
 */
public class JapaneseAnalyzersTokenStreamTest extends BaseTokenStreamTestCase {
    private static final JapaneseAnalyzers ANALYZERS = new JapaneseAnalyzers(CompanyGazetteer.builtIn());

    public void testBigramViewKeepsOffsetsOfEachPair() throws Exception {
        assertAnalyzesTo(ANALYZERS.bigram(), "検索エンジン",
                new String[] {"検索", "索エ", "エン", "ンジ", "ジン"},
                new int[] {0, 1, 2, 3, 4}, new int[] {2, 3, 4, 5, 6});
    }

    public void testMorphologicalChainSplitsWordsAtTheirOffsets() throws Exception {
        assertAnalyzesTo(ANALYZERS.morphological(), "関西国際空港",
                new String[] {"関西", "国際", "空港"}, new int[] {0, 2, 4}, new int[] {2, 4, 6});
    }

    public void testMorphologicalChainSurvivesRandomText() throws Exception {
        checkRandomData(random(), ANALYZERS.morphological(), 200 * RANDOM_MULTIPLIER);
    }

    public void testQueryChainSurvivesRandomText() throws Exception {
        checkRandomData(random(), ANALYZERS.morphologicalQuery(), 200 * RANDOM_MULTIPLIER);
    }

    public void testBigramViewSurvivesRandomText() throws Exception {
        checkRandomData(random(), ANALYZERS.bigram(), 200 * RANDOM_MULTIPLIER);
    }
}
