package kensaku.relevance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The measures on hand-computed rankings. */
class RelevanceMetricsTest {
    private final JudgedQuery judged = new JudgedQuery("test", "q", Map.of("a", 3, "b", 1, "c", 2));

    @Test
    void theIdealRankingScoresOne() {
        List<String> ideal = List.of("a", "c", "b");
        assertEquals(1.0, RankingMetrics.ndcg(judged, ideal), 1e-9);
        assertEquals(1.0, RankingMetrics.recall(judged, ideal), 1e-9);
        assertEquals(1.0, RankingMetrics.reciprocalRank(judged, ideal), 1e-9);
    }

    @Test
    void aPassingMentionFirstCostsRankAndGain() {
        List<String> ranked = List.of("b", "x", "c");
        // DCG = 1/log2(2) + 3/log2(4) = 2.5; ideal = 7 + 3/log2(3) + 1/log2(4) = 9.3928
        assertEquals(2.5 / (7 + 3 / (Math.log(3) / Math.log(2)) + 0.5), RankingMetrics.ndcg(judged, ranked), 1e-9);
        assertEquals(2.0 / 3, RankingMetrics.recall(judged, ranked), 1e-9);
        assertEquals(1.0 / 3, RankingMetrics.reciprocalRank(judged, ranked), 1e-9, "c (grade 2) is the first useful hit");
    }

    @Test
    void nothingFoundScoresZero() {
        assertEquals(0, RankingMetrics.ndcg(judged, List.of()));
        assertEquals(0, RankingMetrics.recall(judged, List.of()));
        assertEquals(0, RankingMetrics.reciprocalRank(judged, List.of()));
    }
}
