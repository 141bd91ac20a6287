package kensaku.relevance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kensaku.analysis.CompanyGazetteer;
import kensaku.analysis.JapaneseAnalyzers;
import kensaku.index.IndexDirectory;
import kensaku.index.IndexFixtures;
import kensaku.index.Schema;
import kensaku.search.lucene.LiveIndex;
import kensaku.search.lucene.SearchService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The relevance gate: the judged queries are run against the seeds plus the relevance test articles, and a class
 * whose nDCG@10, recall@10 or MRR falls below its floor in {@code floors.tsv} fails the build. Floors sit just
 * under the numbers achieved (docs/RELEVANCE.md); raise them when ranking gets better.
 */
class RelevanceGateTest {
    static final Path RELEVANCE = Path.of("src/test/resources/relevance");
    static final Path JUDGMENTS = RELEVANCE.resolve("judgments.tsv");

    @TempDir
    static Path temp;
    static EvalReport report;
    static JudgedSet judged;
    static Set<String> ids;

    @BeforeAll
    static void evaluate() throws IOException {
        Path corpus = IndexFixtures.corpusOf(temp.resolve("corpus"), IndexFixtures.SEEDS, RELEVANCE.resolve("corpus"));
        try (Stream<Path> files = Files.list(corpus)) {
            ids = files.map(file -> file.getFileName().toString()).collect(Collectors.toSet());
        }
        IndexFixtures.build(corpus, temp.resolve("index"));
        judged = JudgedSet.read(JUDGMENTS);
        CompanyGazetteer gazetteer = CompanyGazetteer.builtIn();
        Schema schema = new Schema(IndexFixtures.TOKYO);
        try (JapaneseAnalyzers analyzers = new JapaneseAnalyzers(gazetteer);
             LiveIndex live = new LiveIndex(new IndexDirectory(temp.resolve("index")), schema, Duration.ofHours(1))) {
            report = new Evaluator(new SearchService(live, schema, analyzers, gazetteer)).evaluate(judged);
        }
    }

    @Test
    void theJudgedSetIsLargeEnoughAndNamesOnlyRealArticles() {
        assertTrue(judged.queries().size() >= 40, "at least 40 judged queries");
        List<String> unknown = judged.queries().stream().flatMap(q -> q.grades().keySet().stream())
                .filter(id -> !ids.contains(id)).distinct().toList();
        assertEquals(List.of(), unknown, "judgments name articles that are not in the corpus");
    }

    @Test
    void noClassFallsBelowItsFloor() throws IOException {
        List<String> failures = new ArrayList<>();
        List<ClassScore> scores = new ArrayList<>(report.classes());
        scores.add(report.overall());
        for (String line : Files.readAllLines(RELEVANCE.resolve("floors.tsv"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] floor = line.split("\t");
            ClassScore score = scores.stream().filter(s -> s.name().equals(floor[0])).findFirst().orElse(null);
            if (score == null) {
                failures.add(floor[0] + ": no such class in the judgments");
                continue;
            }
            check(failures, floor[0] + " nDCG@10", score.ndcg(), Double.parseDouble(floor[1]));
            check(failures, floor[0] + " recall@10", score.recall(), Double.parseDouble(floor[2]));
            check(failures, floor[0] + " MRR", score.mrr(), Double.parseDouble(floor[3]));
        }
        assertEquals(List.of(), failures, "\n" + report.table() + "\n" + report.details());
    }

    @Test
    void everyClassHasAFloor() throws IOException {
        Set<String> floored = Files.readAllLines(RELEVANCE.resolve("floors.tsv"), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).map(line -> line.split("\t")[0])
                .collect(Collectors.toSet());
        List<String> missing = report.classes().stream().map(ClassScore::name).filter(c -> !floored.contains(c)).toList();
        assertEquals(List.of(), missing);
    }

    private static void check(List<String> failures, String what, double actual, double floor) {
        if (actual < floor) {
            failures.add(String.format(Locale.ROOT, "%s is %.3f, below its floor %.3f", what, actual, floor));
        }
    }
}
