package kensaku.relevance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The scores of every judged query, their means per class (in file order) and overall. */
public record EvalReport(List<QueryScore> queries, List<ClassScore> classes, ClassScore overall) {
    public static final String OVERALL = "overall";

    public EvalReport {
        queries = List.copyOf(queries);
        classes = List.copyOf(classes);
    }

    static EvalReport of(List<QueryScore> scores) {
        Map<String, List<QueryScore>> byClass = new LinkedHashMap<>();
        for (QueryScore score : scores) {
            byClass.computeIfAbsent(score.judged().queryClass(), name -> new ArrayList<>()).add(score);
        }
        List<ClassScore> classes = byClass.entrySet().stream()
                .map(entry -> ClassScore.mean(entry.getKey(), entry.getValue())).toList();
        return new EvalReport(scores, classes, ClassScore.mean(OVERALL, scores));
    }

    /** A Markdown table: one row a class, then overall; pastes straight into docs/RELEVANCE.md. */
    public String table() {
        StringBuilder out = new StringBuilder("| class | queries | nDCG@10 | recall@10 | MRR |\n|---|---:|---:|---:|---:|\n");
        for (ClassScore row : classes) {
            out.append(row(row));
        }
        return out.append(row(overall)).toString();
    }

    /** One line a query: its scores and the ids it ranked, for finding what to fix. */
    public String details() {
        StringBuilder out = new StringBuilder();
        for (QueryScore score : queries) {
            out.append(String.format(Locale.ROOT, "%-13s %.3f %.3f %.3f  %s  →", score.judged().queryClass(),
                    score.ndcg(), score.recall(), score.reciprocalRank(), score.judged().query()));
            for (String id : score.ranked()) {
                out.append(' ').append(id).append('[').append(score.judged().gradeOf(id)).append(']');
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String row(ClassScore score) {
        return String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f |%n", score.name(), score.queries(),
                score.ndcg(), score.recall(), score.mrr());
    }
}
