package kensaku.search.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kensaku.search.SearchRequest;
import org.junit.jupiter.api.Test;

/**
 * A search is planned once: the query is parsed in one place, each backend plans a request in one place, and what
 * comes after (the renderers, the highlighter, the pipeline) can only take the plan. Read from the sources and the
 * classes themselves, so a new call that parses or plans again fails here, whatever the test data.
 */
class OnePlanTest {
    private static final Path MAIN = Path.of("src/main/java/kensaku");

    @Test
    void theQueryIsParsedOnlyByThePlanner() throws IOException {
        // The article page (http) marks the words of the search a reader came from: not a search, no plan. The
        // planner parses a query's words, and a fallback's text to convert its kana parts (SearchPlanner.converted).
        assertEquals(Map.of("http/ArticleMarks.java", 1, "search/plan/SearchPlanner.java", 2),
                callSites(Pattern.compile("UserQuery\\.parse\\(")));
    }

    @Test
    void eachBackendPlansARequestOnceInOnePlace() throws IOException {
        assertEquals(Map.of("opensearch/OpenSearchBackend.java", 1, "search/lucene/SearchService.java", 1),
                callSites(Pattern.compile("pipeline\\.plan\\(")));
        assertEquals(Map.of("search/plan/SearchPipeline.java", 1), callSites(Pattern.compile("planner\\.plan\\(")));
        assertEquals(Map.of("search/plan/SearchPipeline.java", 1), callSites(Pattern.compile("new SearchPlanner\\(")));
    }

    /** In {@link SearchPlanner#plan}, the words are planned once unless the query is over the limit. */
    @Test
    void thePlannerPlansTheWordsOnceUnlessTheLimitCutsThem() throws IOException {
        String planner = Files.readString(MAIN.resolve("search/plan/SearchPlanner.java"), StandardCharsets.UTF_8);
        String plan = planner.substring(planner.indexOf("public SearchPlan plan("), planner.indexOf("public Optional<SearchPlan> corrected("));
        assertEquals(2, count(plan, "words("), "once for the query, once more only for what the limit kept:\n" + plan);
        assertEquals(1, count(plan, "if (!limited.kept().equals(typed))"), plan);
    }

    @Test
    void afterThePlanNothingTakesTheQueryText() {
        List<String> taking = new ArrayList<>();
        for (Class<?> renderer : List.of(LuceneQueries.class, SearchPipeline.class, SearchPipeline.Found.class,
                kensaku.search.highlight.PageHighlighter.class)) {
            for (Method method : renderer.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers()) && Arrays.stream(method.getParameterTypes())
                        .anyMatch(type -> type == SearchRequest.class || type == UserQuery.class)) {
                    taking.add(renderer.getSimpleName() + "." + method.getName());
                }
            }
        }
        // The pipeline's first step is the planner's: the only method that takes the request.
        assertEquals(List.of("SearchPipeline.plan"), taking);
        for (Method method : LuceneQueries.class.getDeclaredMethods()) {
            if (Modifier.isPublic(method.getModifiers())) {
                assertEquals(SearchPlan.class, method.getParameterTypes()[0], method.getName() + " renders a plan");
            }
        }
    }

    private static Map<String, Integer> callSites(Pattern call) throws IOException {
        Map<String, Integer> sites = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher matcher = call.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (matcher.find()) {
                    sites.merge(MAIN.relativize(file).toString().replace('\\', '/'), 1, Integer::sum);
                }
            }
        }
        return sites;
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            count++;
        }
        return count;
    }
}
