package kensaku.opensearch;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import kensaku.analysis.CompanyGazetteer;
import kensaku.analysis.JapaneseAnalyzers;
import kensaku.corpus.ArticleReader;
import kensaku.http.SearchServer;
import kensaku.http.ServerConfig;
import kensaku.index.IndexDirectory;
import kensaku.index.IndexFixtures;
import kensaku.index.IndexProgress;
import kensaku.index.IndexReport;
import kensaku.index.Indexer;
import kensaku.index.Schema;
import kensaku.search.lucene.LiveIndex;
import kensaku.search.SearchBackend;
import kensaku.search.lucene.SearchService;
import org.opensearch.plugins.Plugin;
import org.opensearch.test.OpenSearchIntegTestCase;
import org.opensearch.test.OpenSearchIntegTestCase.ClusterScope;
import org.opensearch.test.OpenSearchIntegTestCase.Scope;
import org.opensearch.transport.Netty4ModulePlugin;

/**
 * Not a test (surefire never picks it up): the same corpus and the same judged queries through the HTTP API of
 * both backends on this machine, the cluster being 3 nodes in one JVM with 2 shards and 1 replica.
 * Run: {@code mvn test -Dkensaku.skipEmbeddedTests=true -Dtest=OpenSearchComparisonBench -Dbench.copies=30}.
 * Each query's total is compared between the backends, so a faster run with other answers is caught.
 */
@ClusterScope(scope = Scope.SUITE, numDataNodes = 3, numClientNodes = 0, supportsDedicatedMasters = false)
public class OpenSearchComparisonBench extends OpenSearchIntegTestCase {
    @Override
    protected Collection<Class<? extends Plugin>> nodePlugins() {
        return List.of(Netty4ModulePlugin.class, KensakuAnalysisPlugin.class);
    }

    @Override
    protected boolean addMockHttpTransport() {
        return false;
    }

    public void testCompareBackends() throws Exception {
        int copies = Integer.getInteger("bench.copies", 30);
        Path temp = Files.createTempDirectory("kensaku-bench");
        Path corpus = temp.resolve("corpus");
        for (int copy = 0; copy < copies; copy++) {
            IndexFixtures.corpusOf(corpus.resolve(String.format(Locale.ROOT, "c%03d", copy)), IndexFixtures.SEEDS,
                    Path.of("src/test/resources/relevance/corpus"));
        }
        List<String> queries = new ArrayList<>();
        try (Stream<String> lines = Files.lines(Path.of("src/test/resources/relevance/judgments.tsv"))) {
            lines.filter(line -> !line.startsWith("#") && !line.isBlank()).forEach(line -> queries.add(line.split("\t")[1]));
        }
        List<String> urls = new ArrayList<>();
        for (String q : queries) {
            urls.add("/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        }
        for (String q : List.of("エヌビディア", "データセンター", "")) {
            urls.add("/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&company=Amazon&company=NVIDIA&from=2025-01");
        }
        Schema schema = new Schema(IndexFixtures.TOKYO);
        CompanyGazetteer gazetteer = CompanyGazetteer.builtIn();
        StringBuilder table = new StringBuilder();
        try (JapaneseAnalyzers analyzers = new JapaneseAnalyzers(gazetteer)) {
            long t0 = System.nanoTime();
            IndexReport report = new Indexer(schema, analyzers, gazetteer, new ArticleReader(IndexFixtures.TOKYO), 2)
                    .build(corpus, new IndexDirectory(temp.resolve("index")), IndexProgress.SILENT, true);
            double embeddedIndexSeconds = (System.nanoTime() - t0) / 1e9;
            List<URI> nodes = new ArrayList<>();
            getRestClient().getNodes().forEach(node -> nodes.add(URI.create(node.getHost().toURI())));
            try (ClusterClient client = new ClusterClient(nodes, Duration.ofSeconds(60));
                 LiveIndex live = new LiveIndex(new IndexDirectory(temp.resolve("index")), schema, Duration.ofHours(1))) {
                t0 = System.nanoTime();
                ClusterIndexReport clusterReport = new ClusterIndexer(client, new ClusterSchema(schema), gazetteer,
                        new ArticleReader(IndexFixtures.TOKYO)).build(corpus, new ClusterIndexer.Layout("kensaku", 2, 1),
                        IndexProgress.SILENT);
                double clusterIndexSeconds = (System.nanoTime() - t0) / 1e9;
                assertEquals(report.documents(), clusterReport.documents());
                table.append(String.format(Locale.ROOT, "articles %d (%.1f MB); index: embedded %.1f s, cluster %.1f s%n",
                        report.documents(), report.corpusBytes() / 1e6, embeddedIndexSeconds, clusterIndexSeconds));
                SearchBackend embedded = new SearchService(live, schema, analyzers, gazetteer);
                SearchBackend cluster = new OpenSearchBackend(client, "kensaku", schema, analyzers, gazetteer);
                long[] embeddedTotals = run("embedded", embedded, urls, table);
                long[] clusterTotals = run("opensearch", cluster, urls, table);
                highlightCost(queries, embedded, new kensaku.search.highlight.PageHighlighter(schema, analyzers),
                        new kensaku.search.plan.SearchPlanner(analyzers, schema), table);
                assertTrue("both backends find the same number of articles for every query",
                        Arrays.equals(embeddedTotals, clusterTotals));
            }
        } finally {
            try (Stream<Path> files = Files.walk(temp)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
        System.out.println("BENCH\n" + table);
    }

    /** Warm-up pass, then 3 timed passes with one client, then 4 clients for throughput; returns each query's total. */
    private static long[] run(String name, SearchBackend backend, List<String> urls, StringBuilder table) throws Exception {
        try (SearchServer server = new SearchServer(backend, new ServerConfig("127.0.0.1", 0, List.of())).start();
             HttpClient http = HttpClient.newHttpClient()) {
            String base = "http://127.0.0.1:" + server.port();
            long[] totals = new long[urls.size()];
            for (int i = 0; i < urls.size(); i++) {
                String body = get(http, base + urls.get(i));
                totals[i] = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).get("total").asLong();
            }
            List<Long> micros = new ArrayList<>();
            long start = System.nanoTime();
            for (int pass = 0; pass < 3; pass++) {
                for (String url : urls) {
                    long t = System.nanoTime();
                    get(http, base + url);
                    micros.add((System.nanoTime() - t) / 1_000);
                }
            }
            double serialSeconds = (System.nanoTime() - start) / 1e9;
            micros.sort(null);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            int requests = 4 * 2 * urls.size();
            start = System.nanoTime();
            List<Future<?>> work = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                work.add(pool.submit(() -> {
                    for (int pass = 0; pass < 2; pass++) {
                        for (String url : urls) {
                            get(http, base + url);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
            double parallelSeconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            table.append(String.format(Locale.ROOT, "%-10s p50 %6.1f ms  p99 %6.1f ms  1 client %6.1f q/s  4 clients %6.1f q/s%n",
                    name, micros.get(micros.size() / 2) / 1000.0, micros.get((int) (micros.size() * 0.99)) / 1000.0,
                    micros.size() / serialSeconds, requests / parallelSeconds));
            return totals;
        }
    }

    /** What the cluster backend spends highlighting a page of 10 hits in kensaku (part of its latency above). */
    private static void highlightCost(List<String> queries, SearchBackend backend, kensaku.search.highlight.PageHighlighter highlighter,
                                      kensaku.search.plan.SearchPlanner planner,
                                      StringBuilder table) throws Exception {
        List<Long> micros = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {
            for (String q : queries) {
                List<kensaku.search.highlight.PageHighlighter.Text> texts = new ArrayList<>();
                for (kensaku.search.Hit hit : backend.search(kensaku.search.SearchRequest.of(q)).hits()) {
                    kensaku.search.ArticleView article = backend.article(hit.id()).orElseThrow();
                    texts.add(new kensaku.search.highlight.PageHighlighter.Text(article.title(), article.excerpt(), article.bodyText()));
                }
                long t = System.nanoTime();
                highlighter.highlight(planner.plan(kensaku.search.SearchRequest.of(q)), texts);
                if (pass == 1) {
                    micros.add((System.nanoTime() - t) / 1_000);
                }
            }
        }
        micros.sort(null);
        table.append(String.format(Locale.ROOT, "kensaku-side highlighting of a 10-hit page: p50 %.1f ms, p99 %.1f ms%n",
                micros.get(micros.size() / 2) / 1000.0, micros.get((int) (micros.size() * 0.99)) / 1000.0));
    }

    private static String get(HttpClient http, String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " → " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }
}
