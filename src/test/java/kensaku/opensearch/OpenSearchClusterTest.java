package kensaku.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import kensaku.analysis.AnalysisConfig;
import kensaku.analysis.AnalysisFolder;
import kensaku.analysis.CompanyGazetteer;
import kensaku.analysis.JapaneseAnalyzers;
import kensaku.cli.Main;
import kensaku.corpus.ArticleReader;
import kensaku.http.ApiContract;
import kensaku.http.SearchServer;
import kensaku.http.ServerConfig;
import kensaku.index.IndexDirectory;
import kensaku.index.IndexFixtures;
import kensaku.index.IndexProgress;
import kensaku.index.Schema;
import kensaku.search.FacetCount;
import kensaku.search.Hit;
import kensaku.search.lucene.LiveIndex;
import kensaku.search.SearchRequest;
import kensaku.search.SearchResponse;
import kensaku.search.lucene.SearchService;
import kensaku.search.SortOrder;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.opensearch.common.settings.Settings;
import org.opensearch.plugins.Plugin;
import org.opensearch.test.InternalTestCluster;
import org.opensearch.test.OpenSearchIntegTestCase;
import org.opensearch.test.OpenSearchIntegTestCase.ClusterScope;
import org.opensearch.test.OpenSearchIntegTestCase.Scope;
import org.opensearch.transport.Netty4ModulePlugin;

/**
 * kensaku on a real 3-node OpenSearch 3.8.0 cluster (in this JVM, real HTTP on every node), the index in 2 shards
 * with 1 replica: the analyzers give the cluster the same tokens as the embedded index; the API contract holds;
 * answers equal the embedded index's; searches go on while a node is down; the alias switch of a reindex under
 * concurrent queries fails no request.
 *
 * <p>Runs in its own surefire execution whose JVM drops root (OpenSearch refuses to run as root); see pom.xml.
 * Tests that need the 7 test articles reindex them when they find no index (the framework may wipe indexes).
 */
@ClusterScope(scope = Scope.SUITE, numDataNodes = 3, numClientNodes = 0, supportsDedicatedMasters = false)
public class OpenSearchClusterTest extends OpenSearchIntegTestCase {
    private static final String ALIAS = "kensaku";
    private static final Path TEST_ARTICLES = Path.of("src/test/resources/http/articles");
    /** Strings of JapaneseAnalyzersTest: each normalisation and regression of the chains. */
    private static final List<String> ANALYSIS_STRINGS = List.of("AI", "ＡＩ", "サーバー", "ｻｰﾊﾞｰ", "サーバ",
            "コンピューター", "サ－バ－", "サ―バ―", "A－B", "1250億ドル", "1,250億ドル", "１，２５０億ドル", "12,34",
            "投資した", "発表しました", "走った", "アマゾンがデータセンターに投資する", "生成AI", "基盤モデル",
            "機械学習", "Trainium", "Bedrock", "関西国際空港", "エヌビディア", "アマゾン", "Anthropic",
            "クラウドコンピューティングリソース", "NVIDIA H100", "トヨタとエヌビディアが自動運転で提携、1,000億円を投資。",
            "「罠」<script>alert(1)</script>の後にも文章が続きます😀", "さーばー", "あんそろぴっく", "米半導体大手",
            "はんどうたい", "ハンドウタイ");

    /**
     * The operator's analysis folder both backends are built with: a company of its own (which the built-in gazetteer
     * lacks: a facet value and a query-time alias) and a synonym.
     */
    private static final String OWN_COMPANIES = "Home Robotics\t家庭用ロボティクス|ホームロボ\tホームロボティクス\n";
    private static final String OWN_SYNONYMS = "セミコンダクター, 半導体\n";

    private static Path temp;
    private static Path corpus;
    private static Path analysisFolder;
    private static Schema schema;
    private static JapaneseAnalyzers analyzers;
    private static CompanyGazetteer gazetteer;
    private static ClusterClient client;
    private static OpenSearchBackend backend;
    private static SearchServer server;
    private static LiveIndex embeddedIndex;
    private static SearchService embedded;

    @Override
    protected Collection<Class<? extends Plugin>> nodePlugins() {
        return List.of(Netty4ModulePlugin.class, KensakuAnalysisPlugin.class);
    }

    @Override
    protected boolean addMockHttpTransport() {
        return false; // real Netty HTTP on every node, which is what kensaku talks to
    }

    @Override
    public void setUp() throws Exception {
        super.setUp();
        if (client == null) {
            // The default file system: Lucene's test file systems (createTempDir) refuse copies from the real one.
            temp = java.nio.file.Files.createTempDirectory("kensaku-cluster-test");
            corpus = IndexFixtures.corpusOf(temp.resolve("corpus"), IndexFixtures.SEEDS, TEST_ARTICLES);
            schema = new Schema(IndexFixtures.TOKYO);
            analysisFolder = java.nio.file.Files.createDirectories(temp.resolve("analysis"));
            java.nio.file.Files.writeString(analysisFolder.resolve(AnalysisFolder.COMPANIES), OWN_COMPANIES);
            java.nio.file.Files.writeString(analysisFolder.resolve(AnalysisFolder.SYNONYMS), OWN_SYNONYMS);
            AnalysisConfig analysis = new AnalysisFolder(analysisFolder, null, false).load();
            gazetteer = analysis.gazetteer();
            analyzers = new JapaneseAnalyzers(analysis);
            List<URI> nodes = new ArrayList<>();
            getRestClient().getNodes().forEach(node -> nodes.add(URI.create(node.getHost().toURI())));
            assertEquals(3, nodes.size());
            client = new ClusterClient(nodes, Duration.ofSeconds(30));
            backend = new OpenSearchBackend(client, ALIAS, schema, analyzers, gazetteer,
                    kensaku.http.ApiContract.siteUrls(IndexFixtures.TOKYO));
            server = new SearchServer(backend, new ServerConfig("127.0.0.1", 0, List.of())).start();
            Path index = temp.resolve("index");
            assertEquals(0, Main.run("index", "--corpus", corpus.toString(), "--index", index.toString(),
                    "--analysis", analysisFolder.toString()));
            embeddedIndex = new LiveIndex(new IndexDirectory(index), schema, Duration.ofHours(1));
            embedded = new SearchService(embeddedIndex, schema, analyzers, gazetteer);
        }
    }

    /** The 7 test articles under the alias; the test framework may wipe indexes between tests. */
    private static void fixtureIndex() throws IOException {
        if (client.getOrNull("/_alias/" + ALIAS) == null) {
            reindex();
        }
    }

    @org.junit.AfterClass
    public static void closeKensaku() throws IOException {
        if (server != null) {
            server.close();
        }
        if (embeddedIndex != null) {
            embeddedIndex.close();
        }
        if (client != null) {
            client.close();
        }
        if (analyzers != null) {
            analyzers.close();
        }
        if (temp != null) {
            try (var files = java.nio.file.Files.walk(temp)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    java.nio.file.Files.deleteIfExists(file);
                }
            }
        }
        temp = null;
        server = null;
        embeddedIndex = null;
        client = null;
        analyzers = null;
    }

    private static ClusterIndexReport reindex() throws IOException {
        ClusterIndexer indexer = new ClusterIndexer(client, new ClusterSchema(schema, analyzers.config()), gazetteer,
                new ArticleReader(IndexFixtures.TOKYO));
        ClusterIndexReport report = indexer.build(corpus, new ClusterIndexer.Layout(ALIAS, 2, 1), IndexProgress.SILENT);
        assertEquals(List.of(), report.failed());
        assertEquals("the 7 published test articles and the scheduled one (hidden until 2099)", 8, report.documents());
        assertEquals("2 drafts, 3 opted out, 1 expired, 1 scheduled", 7, report.withheld().size());
        return report;
    }

    private static String base() {
        return "http://127.0.0.1:" + server.port();
    }

    /**
     * The index is 2 shards with a replica each over 3 nodes, and every analysis test string gives the same terms,
     * offsets, positions and lengths in the cluster.
     */
    public void testTheClusterAnalysesExactlyAsTheEmbeddedIndex() throws Exception {
        fixtureIndex();
        JsonNode health = client.get("/_cluster/health/" + ALIAS + "?wait_for_status=green&timeout=30s");
        assertEquals("green", health.path("status").asText());
        assertEquals(3, health.path("number_of_nodes").asInt());
        assertEquals(2, health.path("active_primary_shards").asInt());
        assertEquals(4, health.path("active_shards").asInt());

        Map<String, Analyzer> chains = Map.of(ClusterSchema.MORPHOLOGICAL, analyzers.morphological(),
                ClusterSchema.MORPHOLOGICAL_QUERY, analyzers.morphologicalQuery(), ClusterSchema.BIGRAM, analyzers.bigram());
        ObjectMapper json = new ObjectMapper();
        int compared = 0;
        for (Map.Entry<String, Analyzer> chain : chains.entrySet()) {
            for (String text : ANALYSIS_STRINGS) {
                ObjectNode request = json.createObjectNode().put("analyzer", chain.getKey()).put("text", text);
                List<String> cluster = new ArrayList<>();
                for (JsonNode token : client.post("/" + ALIAS + "/_analyze", request).path("tokens")) {
                    cluster.add(token.path("token").asText() + "@" + token.path("start_offset").asInt() + "-"
                            + token.path("end_offset").asInt() + "#" + token.path("position").asInt() + "/"
                            + token.path("positionLength").asInt(1));
                }
                assertEquals(chain.getKey() + " on " + text, local(chain.getValue(), text), cluster);
                compared++;
            }
        }
        assertEquals(3 * ANALYSIS_STRINGS.size(), compared);
    }

    public void testTheApiContractHoldsOnTheCluster() throws Exception {
        fixtureIndex();
        List<String> failures = new ArrayList<>();
        try (ApiContract contract = new ApiContract(base())) {
            for (Map.Entry<String, ApiContract.Check> check : contract.checks().entrySet()) {
                try {
                    check.getValue().run();
                } catch (AssertionError | Exception e) {
                    failures.add(check.getKey() + ": " + e);
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    /** Analytics sit above the backend seam: commits, clicks and the report work the same when serving from the cluster. */
    public void testAnalyticsRecordSearchesAndClicksServedByTheCluster() throws Exception {
        fixtureIndex();
        Path state = temp.resolve("analytics-state");
        try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
             kensaku.analytics.Analytics analytics = kensaku.analytics.Analytics.open(state, Duration.ofDays(90));
             SearchServer recorded = new SearchServer(analytics.wrap(backend), new ServerConfig("127.0.0.1", 0, List.of()),
                     List.of(kensaku.http.AccessLog.text()), analytics).start()) {
            String site = "http://127.0.0.1:" + recorded.port();
            java.net.http.HttpResponse<String> answer = http.send(java.net.http.HttpRequest.newBuilder(
                    URI.create(site + "/api/search?commit=1&q=NVIDIA")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode());
            String first = new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer.body()).path("hits").get(0).path("id").asText();
            assertEquals(200, http.send(java.net.http.HttpRequest.newBuilder(URI.create(site + "/?q=%EF%BC%AE%EF%BC%B6%EF%BC%A9%EF%BC%A4%EF%BC%A9%EF%BC%A1"))
                    .header("Sec-Fetch-Mode", "navigate").build(), java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode());
            assertEquals(204, http.send(java.net.http.HttpRequest.newBuilder(URI.create(site + "/api/events"))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"type\":\"click\",\"url\":\"/api/search?commit=1&q=NVIDIA\",\"position\":1}"))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode());
            kensaku.analytics.StoredEvents.awaitAtLeast(() -> analytics.recorder().written(), 3, Duration.ofSeconds(10));
            kensaku.analytics.Report report = analytics.report(java.time.Instant.now().minus(Duration.ofDays(1)), IndexFixtures.TOKYO);
            assertEquals(1, report.topQueries().size());
            assertEquals("nvidia", report.topQueries().get(0).normalized());
            assertEquals(2, report.topQueries().get(0).searches());
            assertEquals(1, report.clicks());
            assertEquals(1.0, report.meanClickedRank(), 0.0);
            assertEquals(List.of(List.of(first, "1")), new kensaku.analytics.StoredEvents(state).rows("SELECT article, rank FROM clicks"));
        }
    }

    /** Totals, every facet count, the hits, their highlights and did-you-mean equal the embedded index's. */
    public void testTheClusterAnswersAsTheEmbeddedIndex() throws Exception {
        fixtureIndex();
        List<SearchRequest> requests = new ArrayList<>();
        for (String q : List.of("", "エヌビディア", "生成AI", "アマゾンの投資", "\"基盤モデル\"", "AWS OR Toyota",
                "投資 -Amazon", "サーバー", "罠", "1,250億ドル", "Bedrok", "エヌビデア", "マイクロソフド",
                "ホームロボ", "セミコンダクター")) {
            requests.add(new SearchRequest(q, List.of(), List.of(), List.of(), null, null, SortOrder.RELEVANCE, 1, 100));
            requests.add(new SearchRequest(q, List.of("Amazon"), List.of(), List.of(), null, null, SortOrder.DATE, 1, 100));
            requests.add(new SearchRequest(q, List.of("Toyota", "NVIDIA"), List.of("GenAI"), List.of(), null, null,
                    SortOrder.DATE, 1, 100));
            requests.add(new SearchRequest(q, List.of(), List.of(), List.of(), java.time.LocalDate.of(2025, 1, 1),
                    java.time.LocalDate.of(2026, 12, 31), SortOrder.DATE_ASC, 1, 100));
        }
        for (SearchRequest request : requests) {
            SearchResponse mine = embedded.search(request);
            SearchResponse theirs = backend.search(request);
            String what = request.toString();
            assertEquals(what, mine.total(), theirs.total());
            assertEquals(what, mine.didYouMean(), theirs.didYouMean());
            for (String dim : List.of(Schema.FACET_COMPANY, Schema.FACET_TAG, Schema.FACET_CATEGORY, Schema.FACET_MONTH)) {
                assertEquals(what + " " + dim, mine.facets().get(dim), theirs.facets().get(dim));
            }
            if (request.sort() == SortOrder.RELEVANCE && request.hasQuery()) {
                assertEquals(what, sortedIds(mine.hits()), sortedIds(theirs.hits()));
            } else {
                assertEquals(what, ids(mine.hits()), ids(theirs.hits()));
            }
            Map<String, Hit> byId = new java.util.HashMap<>();
            theirs.hits().forEach(hit -> byId.put(hit.id(), hit));
            for (Hit hit : mine.hits()) {
                Hit other = byId.get(hit.id());
                assertEquals(what, hit.titleHtml(), other.titleHtml());
                assertEquals(what, hit.snippetHtml(), other.snippetHtml());
                assertEquals(what, hit.date(), other.date());
                assertEquals(what, hit.companies(), other.companies());
                assertEquals(what, hit.tags(), other.tags());
            }
        }
        assertTrue(requests.size() >= 40);
        // The folder's own company and synonym work on both, as they could not on the cluster before.
        assertEquals(1, backend.search(SearchRequest.of("ホームロボ")).total());
        assertEquals(backend.search(SearchRequest.of("半導体")).total(),
                backend.search(SearchRequest.of("セミコンダクター")).total());
        assertTrue(backend.search(SearchRequest.of("")).facets().get(Schema.FACET_COMPANY).stream()
                .anyMatch(company -> company.value().equals("Home Robotics")));
    }

    /**
     * A synonym added while the cluster index serves reaches every node's query analyzer through the index's dynamic
     * settings within seconds, with no failed search meanwhile, and is taken back the same way.
     */
    public void testQueryTimeSynonymsChangeOnTheLiveClusterIndex() throws Exception {
        fixtureIndex();
        SearchRequest chip = SearchRequest.of("チップメーカー");
        long semiconductor = backend.search(SearchRequest.of("半導体")).total();
        assertTrue(semiconductor > 0);
        assertEquals(0, backend.search(chip).total());
        AnalysisConfig before = analyzers.config();
        AnalysisConfig added = new AnalysisConfig(before.source(), before.userDictionary(), before.stopWords(),
                new AnalysisConfig.Text("edited", before.synonyms().content() + "チップメーカー => 半導体\n"),
                before.gazetteer());
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger answered = new AtomicInteger();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread load = new Thread(() -> {
            while (running.get()) {
                try {
                    backend.search(SearchRequest.of("半導体"));
                    answered.incrementAndGet();
                } catch (Exception e) {
                    failures.add(e.toString());
                }
            }
        });
        load.start();
        try {
            long start = System.nanoTime();
            ClusterAnalysis.push(client, ALIAS, added);
            long found = 0;
            while (found == 0 && System.nanoTime() - start < Duration.ofSeconds(5).toNanos()) {
                found = backend.search(chip).total();
            }
            assertEquals(semiconductor, found);
            ObjectNode request = new ObjectMapper().createObjectNode().put("analyzer", ClusterSchema.MORPHOLOGICAL_QUERY)
                    .put("text", "チップメーカー");
            assertEquals("半導体", client.post("/" + ALIAS + "/_analyze", request).path("tokens").get(0).path("token").asText());
            ClusterAnalysis.push(client, ALIAS, before);
            long start2 = System.nanoTime();
            while (found != 0 && System.nanoTime() - start2 < Duration.ofSeconds(5).toNanos()) {
                found = backend.search(chip).total();
            }
            assertEquals(0, found);
        } finally {
            running.set(false);
            load.join();
        }
        assertTrue(answered.get() > 0);
        assertEquals(List.of(), failures);
    }

    /** One node stops: every search is still answered in full from the other copies, then the node comes back. */
    public void testSearchesAreAnsweredWhileANodeIsDown() throws Exception {
        fixtureIndex();
        SearchRequest request = SearchRequest.of("エヌビディア");
        SearchResponse before = backend.search(request);
        AtomicInteger answered = new AtomicInteger();
        internalCluster().restartRandomDataNode(new InternalTestCluster.RestartCallback() {
            @Override
            public Settings onNodeStopped(String nodeName) throws Exception {
                try (ApiContract http = new ApiContract(base())) {
                    for (int i = 0; i < 30; i++) {
                        JsonNode body = http.getJson("/api/search?q=" + ApiContract.enc("エヌビディア") + "&company=NVIDIA");
                        assertEquals(before.total(), body.get("total").asLong());
                        assertEquals(facetList(before.facets().get(Schema.FACET_COMPANY)),
                                ApiContract.counts(body.get("facets").get("company")));
                        answered.incrementAndGet();
                    }
                }
                // The node's own view: if the stopped node was the cluster manager, an election may still be running.
                JsonNode health = client.get("/_cluster/health/" + ALIAS + "?local=true");
                assertNotEquals("every shard keeps a copy", "red", health.path("status").asText());
                return Settings.EMPTY;
            }
        });
        assertEquals(30, answered.get());
        ensureGreen(ALIAS);
        assertEquals(before.total(), backend.search(request).total());
    }

    /** Reindexing twice while three clients search: the alias moves, no request fails, every answer is complete. */
    public void testTheAliasSwitchFailsNoConcurrentRequest() throws Exception {
        fixtureIndex();
        String first = backend.info().generation();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger requests = new AtomicInteger();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try (ApiContract http = new ApiContract(base())) {
            List<Future<?>> clients = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                clients.add(pool.submit(() -> {
                    while (running.get()) {
                        try {
                            var response = http.get("/api/search?q=" + ApiContract.enc("投資") + "&size=3");
                            JsonNode body = new ObjectMapper().readTree(response.body());
                            if (response.statusCode() != 200 || body.get("facets").get("company").isEmpty()) {
                                failures.add(response.statusCode() + " " + response.body());
                            }
                            requests.incrementAndGet();
                            Thread.sleep(10);
                        } catch (IOException e) {
                            failures.add(e.toString());
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }));
            }
            ClusterIndexReport second = reindex();
            ClusterIndexReport third = reindex();
            Thread.sleep(200);
            running.set(false);
            for (Future<?> future : clients) {
                future.get(30, TimeUnit.SECONDS);
            }
            assertEquals(first, second.previous());
            assertEquals(second.index(), third.previous());
            assertTrue(third.removed().toString(), third.removed().contains(first));
            List<String> left = new ArrayList<>();
            client.get("/_cat/indices/" + ALIAS + "-*?format=json&h=index").forEach(row -> left.add(row.path("index").asText()));
            assertEquals("the live generation and the one before it, for a rollback",
                    java.util.Set.of(second.index(), third.index()), java.util.Set.copyOf(left));
            assertEquals(third.index(), backend.info().generation());
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
        assertEquals(List.of(), failures);
        assertTrue("requests during the switches: " + requests.get(), requests.get() > 20);
    }

    /** The command line: a reindex into the cluster reports the file it could not read; serve refuses a missing index. */
    public void testTheIndexCommandWritesTheClusterAndReportsFailedArticles() throws Exception {
        Path withBroken = IndexFixtures.corpusOf(temp.resolve("broken-" + randomAlphaOfLength(6).toLowerCase(java.util.Locale.ROOT)),
                corpus);
        java.nio.file.Files.writeString(withBroken.resolve("empty.md"), "");
        String urls = String.join(",", client.nodes().stream().map(URI::toString).toList());
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        java.io.PrintStream original = System.out;
        int status;
        System.setOut(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            status = Main.run("index", "--target", "opensearch", "--url", urls, "--alias", "cli", "--corpus",
                    withBroken.toString(), "--shards", "2", "--replicas", "1", "--analysis", analysisFolder.toString());
        } finally {
            System.setOut(original);
        }
        String report = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(report, 1, status);
        assertTrue(report, report.contains("FAILED  empty.md: "));
        assertTrue(report, report.contains("articles     8 in cli-"));
        assertTrue(report, report.contains("drafts       1 (not indexed)"));
        assertTrue(report, report.contains("scheduled    1 (indexed, hidden until their publish time; the next goes live 2099-01-01"));
        OpenSearchBackend cli = new OpenSearchBackend(client, "cli", schema, analyzers, gazetteer);
        assertEquals(7, cli.checkCompatible().documents());
        assertEquals(6, cli.search(SearchRequest.of("エヌビディア")).total());
        assertEquals("the folder's own company reached the cluster", 1, cli.search(SearchRequest.of("ホームロボ")).total());
        assertEquals(analyzers.config().fingerprint(), ClusterSchema.indexedAnalysis(client, cli.checkCompatible().generation()));
        assertEquals(2, Main.run("serve", "--backend", "opensearch", "--url", urls, "--alias", "nothing-here"));
    }

    /**
     * Real time on the cluster: a scheduled article appears and an expiring one goes at their time with no reindex;
     * a preview build's drafts are shown, with their badge, only by a preview backend.
     */
    public void testScheduledArticlesGoLiveAndPreviewsShowDraftsOnTheCluster() throws Exception {
        Path dated = IndexFixtures.corpusOf(temp.resolve("schedule-" + randomAlphaOfLength(6).toLowerCase(java.util.Locale.ROOT)),
                corpus);
        Instant at = Instant.now().plusSeconds(10).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        java.nio.file.Files.writeString(dated.resolve("soon.md"), "---\ntitle: フクロウカフェ開店のお知らせ\ndate: 2026-06-01\n"
                + "publishDate: " + at + "\n---\n\nフクロウカフェが開店する。\n", java.nio.charset.StandardCharsets.UTF_8);
        java.nio.file.Files.writeString(dated.resolve("ending.md"), "+++\ntitle = \"カピバラ温泉の期間限定公開\"\n"
                + "expiryDate = " + at + "\n+++\n\nカピバラ温泉は期間限定で公開される。\n", java.nio.charset.StandardCharsets.UTF_8);
        ClusterIndexReport report = new ClusterIndexer(client, new ClusterSchema(schema), gazetteer,
                new ArticleReader(IndexFixtures.TOKYO), true).build(dated, new ClusterIndexer.Layout("schedule", 2, 1),
                IndexProgress.SILENT);
        assertEquals(12, report.documents()); // 7 published, 2 drafts (preview build), scheduled, soon, ending
        OpenSearchBackend published = new OpenSearchBackend(client, "schedule", schema, analyzers, gazetteer);
        OpenSearchBackend preview = new OpenSearchBackend(client, "schedule", schema, analyzers, gazetteer,
                new kensaku.search.Visibility(java.time.Clock.systemUTC(), true, true));
        assertScheduled(published, false, true);
        assertEquals(8, published.info().documents());
        for (String[] expected : new String[][] {{"ゼブラフィッシュ", "draft.md", "draft"}, {"Quokkatron", "scheduled.md", "scheduled"}}) {
            List<Hit> hits = preview.search(SearchRequest.of(expected[0])).hits();
            assertEquals(List.of(expected[1]), ids(hits));
            assertEquals(expected[2], hits.get(0).preview());
            assertEquals(0, published.search(SearchRequest.of(expected[0])).total());
            assertTrue(published.article(expected[1]).isEmpty());
        }
        assertTrue(preview.search(SearchRequest.of("罠")).hits().get(0).preview() == null);
        assertTrue("the checks before the time ran before it", Instant.now().isBefore(at));
        while (!Instant.now().isAfter(at)) {
            Thread.sleep(Math.max(1, Duration.between(Instant.now(), at).toMillis() + 1));
        }
        assertScheduled(published, true, false);
        assertEquals(8, published.info().documents());
    }

    private static void assertScheduled(OpenSearchBackend backend, boolean soon, boolean ending) throws IOException {
        assertEquals(soon ? 1 : 0, backend.search(SearchRequest.of("フクロウカフェ")).total());
        assertEquals(soon, backend.article("soon.md").isPresent());
        assertEquals(soon, backend.suggest("ふくろう", 10).stream().anyMatch(s -> s.text().contains("フクロウカフェ")));
        assertEquals(soon ? 1L : 0L, backend.search(SearchRequest.browse(100)).facets().get(Schema.FACET_MONTH).stream()
                .filter(c -> c.value().equals("2026-06")).mapToLong(FacetCount::count).sum());
        assertEquals(ending ? 1 : 0, backend.search(SearchRequest.of("カピバラ温泉")).total());
        assertEquals(ending, backend.article("ending.md").isPresent());
        assertEquals(ending, backend.related("ending.md", 5).isPresent());
        assertEquals(ending, backend.suggest("かぴばら", 10).stream().anyMatch(s -> s.text().contains("カピバラ温泉")));
    }

    /** The cluster passes the relevance gate of the embedded index: every class at or above its floor. */
    public void testTheClusterPassesTheRelevanceGate() throws Exception {
        Path relevance = Path.of("src/test/resources/relevance");
        Path judgedCorpus = IndexFixtures.corpusOf(temp.resolve("relevance-" + randomAlphaOfLength(6).toLowerCase(java.util.Locale.ROOT)),
                IndexFixtures.SEEDS, relevance.resolve("corpus"));
        new ClusterIndexer(client, new ClusterSchema(schema), gazetteer, new ArticleReader(IndexFixtures.TOKYO))
                .build(judgedCorpus, new ClusterIndexer.Layout("relevance", 2, 1), IndexProgress.SILENT);
        kensaku.relevance.EvalReport report = new kensaku.relevance.Evaluator(
                new OpenSearchBackend(client, "relevance", schema, analyzers, gazetteer))
                .evaluate(kensaku.relevance.JudgedSet.read(relevance.resolve("judgments.tsv")));
        List<kensaku.relevance.ClassScore> scores = new ArrayList<>(report.classes());
        scores.add(report.overall());
        List<String> failures = new ArrayList<>();
        for (String line : java.nio.file.Files.readAllLines(relevance.resolve("floors.tsv"), java.nio.charset.StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] floor = line.split("\t");
            kensaku.relevance.ClassScore score = scores.stream().filter(c -> c.name().equals(floor[0])).findFirst().orElseThrow();
            if (score.ndcg() < Double.parseDouble(floor[1]) || score.recall() < Double.parseDouble(floor[2])
                    || score.mrr() < Double.parseDouble(floor[3])) {
                failures.add(line + " not met: " + score);
            }
        }
        logger.info("relevance on the cluster:\n{}", report.table());
        assertEquals(report.table(), List.of(), failures);
    }

    private static List<String> local(Analyzer analyzer, String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("body", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            PositionLengthAttribute length = stream.addAttribute(PositionLengthAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                tokens.add(term + "@" + offset.startOffset() + "-" + offset.endOffset() + "#" + position + "/"
                        + length.getPositionLength());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    private static Map<String, Integer> facetList(List<FacetCount> counts) {
        Map<String, Integer> map = new java.util.LinkedHashMap<>();
        counts.forEach(count -> map.put(count.value(), (int) count.count()));
        return map;
    }

    private static List<String> ids(List<Hit> hits) {
        return hits.stream().map(Hit::id).toList();
    }

    private static List<String> sortedIds(List<Hit> hits) {
        return hits.stream().map(Hit::id).sorted().toList();
    }
}
