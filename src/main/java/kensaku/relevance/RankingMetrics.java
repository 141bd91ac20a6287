package kensaku.relevance;

import java.util.List;

/**
 * The three measures, for one ranked list against one judged query. nDCG uses the exponential gain 2^grade − 1
 * (a grade-3 article is worth far more than a passing mention) and the log2 discount; recall counts articles of
 * grade 1 or more; the reciprocal rank is that of the first article graded {@link JudgedQuery#USEFUL_GRADE} or
 * more, since a passing mention at the top does not answer the query.
 */
public final class RankingMetrics {
    public static final int DEPTH = 10;

    private RankingMetrics() {}

    public static double ndcg(JudgedQuery judged, List<String> ranked) {
        double ideal = dcg(judged.grades().values().stream().sorted((a, b) -> b - a).toList());
        return ideal == 0 ? 0 : dcg(ranked.stream().limit(DEPTH).map(judged::gradeOf).toList()) / ideal;
    }

    public static double recall(JudgedQuery judged, List<String> ranked) {
        long found = ranked.stream().limit(DEPTH).filter(id -> judged.gradeOf(id) > 0).count();
        return (double) found / judged.relevantCount();
    }

    public static double reciprocalRank(JudgedQuery judged, List<String> ranked) {
        for (int i = 0; i < Math.min(DEPTH, ranked.size()); i++) {
            if (judged.gradeOf(ranked.get(i)) >= JudgedQuery.USEFUL_GRADE) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    private static double dcg(List<Integer> grades) {
        double sum = 0;
        for (int i = 0; i < Math.min(DEPTH, grades.size()); i++) {
            sum += (Math.pow(2, grades.get(i)) - 1) / (Math.log(i + 2) / Math.log(2));
        }
        return sum;
    }
}
