package kensaku.relevance;

import java.util.Map;
import java.util.Objects;

/**
 * One query with graded judgments.
 *
 * @param queryClass what the query tests (company, width, typo…), for per-class averages
 * @param grades     article id → grade 1–3; every article not listed is grade 0
 */
public record JudgedQuery(String queryClass, String query, Map<String, Integer> grades) {
    /** An article at least this good is a useful answer: the first one sets the reciprocal rank. */
    public static final int USEFUL_GRADE = 2;

    public JudgedQuery {
        Objects.requireNonNull(queryClass, "queryClass");
        Objects.requireNonNull(query, "query");
        grades = Map.copyOf(grades);
        if (grades.values().stream().anyMatch(grade -> grade < 0 || grade > 3)) {
            throw new IllegalArgumentException("grades are 0–3: " + query);
        }
        if (grades.values().stream().noneMatch(grade -> grade >= USEFUL_GRADE)) {
            throw new IllegalArgumentException("a judged query needs an article graded 2 or 3: " + query);
        }
    }

    public int gradeOf(String id) {
        return grades.getOrDefault(id, 0);
    }

    public long relevantCount() {
        return grades.values().stream().filter(grade -> grade > 0).count();
    }
}
