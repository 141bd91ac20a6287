package kensaku.relevance;

import java.util.List;

/**
 * How one judged query fared.
 *
 * @param ranked the article ids of the first result page, best first
 */
public record QueryScore(JudgedQuery judged, List<String> ranked, double ndcg, double recall,
                         double reciprocalRank) {
    public QueryScore {
        ranked = List.copyOf(ranked);
    }

    static QueryScore of(JudgedQuery judged, List<String> ranked) {
        return new QueryScore(judged, ranked, RankingMetrics.ndcg(judged, ranked),
                RankingMetrics.recall(judged, ranked), RankingMetrics.reciprocalRank(judged, ranked));
    }
}
