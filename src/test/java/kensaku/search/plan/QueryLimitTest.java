package kensaku.search.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import kensaku.analysis.CompanyGazetteer;
import kensaku.analysis.JapaneseAnalyzers;
import kensaku.index.IndexFixtures;
import kensaku.index.Schema;
import kensaku.search.SearchRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Long queries are cut to {@link QueryLimit#MAX_WORDS} words and never build more clauses than Lucene allows. */
class QueryLimitTest {
    static JapaneseAnalyzers analyzers;
    static QueryLimit limit;
    static SearchPlanner planner;
    static LuceneQueries queries;

    @BeforeAll
    static void setUp() {
        analyzers = new JapaneseAnalyzers(CompanyGazetteer.builtIn());
        Schema schema = new Schema(IndexFixtures.TOKYO);
        planner = new SearchPlanner(analyzers, schema);
        queries = new LuceneQueries(analyzers, schema);
        limit = planner.limit();
    }

    @AfterAll
    static void close() {
        analyzers.close();
    }

    private static String repeat(String word, int times, String separator) {
        return IntStream.range(0, times).mapToObj(i -> word).collect(Collectors.joining(separator));
    }

    /** The worst shapes a query of at most 1,000 characters can take. */
    static List<String> hostile() {
        return List.of(
                repeat("設定", 330, " "),
                repeat("a", 500, " "),
                repeat("日", 500, " "),
                repeat("a", 250, " OR "),
                repeat("設定", 200, " OR "),
                repeat("エヌビディア", 140, " "),
                repeat("エヌビディアの", 125, ""),
                repeat("NVIDIA OR Google OR アマゾン", 35, " "),
                "\"" + repeat("エヌビディアとグーグル", 80, "") + "\"",
                repeat("-x", 330, " "),
                repeat("アマゾンの投資", 140, " "),
                repeat("アマゾン", 240, ""));
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void theSearchedPartStaysFarBelowTheClauseLimit(String query) {
        QueryLimit.Limited limited = limit.apply(query);
        // The planner cuts as the limit does (a longer query is refused before: plan what was kept).
        boolean askable = query.length() <= SearchRequest.MAX_QUERY_CHARS;
        SearchPlan plan = planner.plan(SearchRequest.of(askable ? query : limited.kept()));
        assertEquals(limited.kept(), plan.query(), "the planner searches what the limit keeps");
        assertEquals(askable ? limited.ignored() : List.of(), plan.ignoredWords());
        int clauses = QueryLimit.countClauses(queries.textQuery(plan));
        assertTrue(clauses <= QueryLimit.MAX_CLAUSES, clauses + " clauses for " + limited.kept());
        assertTrue(query.startsWith(limited.kept().replaceAll("\"$", "")), limited.kept());
    }

    @Test
    void wordsBeyondTheLimitAreIgnoredAndNamed() {
        String query = IntStream.rangeClosed(1, 40).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));
        QueryLimit.Limited limited = limit.apply(query);
        assertEquals(IntStream.rangeClosed(1, 32).mapToObj(i -> "w" + i).collect(Collectors.joining(" ")), limited.kept());
        assertEquals(IntStream.rangeClosed(33, 40).mapToObj(i -> "w" + i).toList(), limited.ignored());
    }

    @Test
    void orIsNotAWordAndShortQueriesAreUntouched() {
        String query = repeat("設定", 32, " OR ");
        assertEquals(query, limit.apply(query).kept());
        assertEquals(List.of(), limit.apply("生成AI 投資").ignored());
        assertEquals("生成AI 投資", limit.apply("生成AI 投資").kept());
    }

    @Test
    void particlesSplitWordsSoACutFallsBetweenRuns() {
        QueryLimit.Limited limited = limit.apply(repeat("アマゾンの", 40, ""));
        assertTrue(limited.kept().length() < 40 * 5, limited.kept());
        assertTrue(!limited.ignored().isEmpty());
    }

    @Test
    void aCutInsideAQuotedPhraseKeepsItAPhrase() {
        String query = repeat("w", 31, " ") + " \"alpha beta gamma\"";
        QueryLimit.Limited limited = limit.apply(query);
        assertEquals(repeat("w", 31, " ") + " \"alpha\"", limited.kept());
        assertEquals(List.of("beta", "gamma"), limited.ignored());
    }
}
