package kensaku.relevance;

import java.util.List;

/** Means over the queries of one class (or of all queries: each query weighs the same). */
public record ClassScore(String name, int queries, double ndcg, double recall, double mrr) {
    static ClassScore mean(String name, List<QueryScore> scores) {
        return new ClassScore(name, scores.size(),
                scores.stream().mapToDouble(QueryScore::ndcg).average().orElse(0),
                scores.stream().mapToDouble(QueryScore::recall).average().orElse(0),
                scores.stream().mapToDouble(QueryScore::reciprocalRank).average().orElse(0));
    }
}
