package kensaku.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import kensaku.analysis.CompanyGazetteer;
import kensaku.analysis.JapaneseAnalyzers;
import kensaku.cli.Main;
import kensaku.corpus.ArticleReader;
import kensaku.index.IndexDirectory;
import kensaku.index.IndexFixtures;
import kensaku.index.IndexProgress;
import kensaku.index.IndexReport;
import kensaku.index.Indexer;
import kensaku.index.Schema;
import kensaku.search.Hit;
import kensaku.search.lucene.LiveIndex;
import kensaku.search.SearchRequest;
import kensaku.search.SearchResponse;
import kensaku.search.lucene.SearchService;
import kensaku.search.Suggestion;
import kensaku.search.Visibility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scheduled and expiring articles switch at their time with no reindex, on a real server over real HTTP; preview
 * servers show drafts and scheduled articles with their badge, and only on a loopback address; the index summary
 * says what was left out.
 */
class UnpublishedArticlesTest {
    private static final Schema SCHEMA = new Schema(IndexFixtures.TOKYO);

    @TempDir
    Path temp;

    /** Real time: a YAML article goes live and a TOML one expires a few seconds after the server starts. */
    @Test
    void aScheduledArticleAppearsAndAnExpiringOneGoesAtTheirTimeWithoutAReindex() throws Exception {
        Path corpus = IndexFixtures.corpusOf(temp.resolve("corpus"), IndexFixtures.SEEDS);
        Path index = temp.resolve("index");
        CompanyGazetteer gazetteer = CompanyGazetteer.builtIn();
        try (JapaneseAnalyzers analyzers = new JapaneseAnalyzers(gazetteer)) {
            // The dictionaries are loaded: from here, the build and the checks take well under the lead time.
            Instant at = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.MILLIS);
            Files.writeString(corpus.resolve("soon.md"), "---\ntitle: フクロウカフェ開店のお知らせ\ndate: 2026-06-01\n"
                    + "publishDate: " + at.atZone(ZoneId.of("Asia/Tokyo")).toOffsetDateTime() + "\ntags: [フクロウ]\n---\n\n"
                    + "トヨタの近くにフクロウカフェが開店する。\n", StandardCharsets.UTF_8);
            Files.writeString(corpus.resolve("ending.md"), "+++\ntitle = \"カピバラ温泉の期間限定公開\"\ndate = 2026-07-01\n"
                    + "expiryDate = " + at + "\n+++\n\nカピバラ温泉は期間限定で公開される。\n", StandardCharsets.UTF_8);
            IndexReport report = new Indexer(SCHEMA, analyzers, gazetteer, new ArticleReader(IndexFixtures.TOKYO), 2)
                    .build(corpus, new IndexDirectory(index), IndexProgress.SILENT);
            assertEquals(7, report.documents(), "both are indexed: one to appear, one to disappear at its time");
            try (LiveIndex live = new LiveIndex(new IndexDirectory(index), SCHEMA, Duration.ofMillis(200), gazetteer);
                 SearchServer server = new SearchServer(new SearchService(live, SCHEMA, analyzers, gazetteer),
                         ServerConfig.localhost(0)).start();
                 ApiContract http = new ApiContract("http://127.0.0.1:" + server.port())) {
                assertShown(http, false, true);
                assertTrue(Instant.now().isBefore(at), "the checks before the time ran before it");

                sleepUntilPast(at);
                assertShown(http, true, false);
            }
        }
    }

    private static void assertShown(ApiContract http, boolean soon, boolean ending) throws Exception {
        assertEquals(soon ? 1 : 0, http.getJson("/api/search?q=" + ApiContract.enc("フクロウカフェ")).get("total").asInt());
        assertEquals(soon ? 200 : 404, http.get("/api/articles/soon.md").statusCode());
        assertEquals(soon ? 200 : 404, http.get("/articles/soon.md").statusCode());
        assertEquals(soon, http.get("/api/suggest?q=" + ApiContract.enc("ふくろう")).body().contains("フクロウカフェ開店"),
                "suggestions follow the clock too");
        assertEquals(soon ? 1 : 0, ApiContract.counts(http.getJson("/api/search").get("facets").get("month"))
                .getOrDefault("2026-06", 0));
        assertEquals(ending ? 1 : 0, http.getJson("/api/search?q=" + ApiContract.enc("カピバラ温泉")).get("total").asInt());
        assertEquals(ending ? 200 : 404, http.get("/api/articles/ending.md").statusCode());
        assertEquals(ending, http.get("/api/suggest?q=" + ApiContract.enc("かぴばら")).body().contains("カピバラ温泉"));
        assertEquals(5 + (soon ? 1 : 0) + (ending ? 1 : 0), http.getJson("/api/health").get("documents").asInt());
    }

    /** A clock the test moves: every answer of the search service changes at the publish and expiry times. */
    @Test
    void everyAnswerFollowsTheClock() throws Exception {
        Path corpus = IndexFixtures.corpusOf(temp.resolve("corpus"), IndexFixtures.SEEDS);
        Files.writeString(corpus.resolve("launch.md"), "---\ntitle: ペンギン号の打ち上げ\ndate: 2025-12-01\n"
                + "publishDate: 2030-01-01T00:00:00+09:00\nexpiryDate: 2031-01-01T00:00:00+09:00\ntags: [ペンギン宇宙]\n---\n\n"
                + "エヌビディアのGPUを積んだペンギン号が打ち上げられる。制御は Pengutron が担う。\n", StandardCharsets.UTF_8);
        Path index = temp.resolve("index");
        IndexFixtures.build(corpus, index);
        MovableClock clock = new MovableClock(Instant.parse("2029-12-31T14:59:59Z"));
        CompanyGazetteer gazetteer = CompanyGazetteer.builtIn();
        try (JapaneseAnalyzers analyzers = new JapaneseAnalyzers(gazetteer);
             LiveIndex live = new LiveIndex(new IndexDirectory(index), SCHEMA, Duration.ofHours(1))) {
            SearchService service = new SearchService(live, SCHEMA, analyzers, gazetteer,
                    new Visibility(clock, false, false));
            SearchResponse before = service.search(SearchRequest.browse(100));
            assertHidden(service, before);

            clock.set(Instant.parse("2029-12-31T15:00:00Z")); // 2030-01-01 00:00 in Tokyo: live from this instant
            SearchResponse during = service.search(SearchRequest.browse(100));
            assertEquals(before.total() + 1, during.total());
            assertEquals(1, service.search(SearchRequest.of("ペンギン号")).total());
            assertTrue(service.article("launch.md").isPresent());
            assertTrue(service.related("launch.md", 5).isPresent());
            assertEquals(List.of("ペンギン号の打ち上げ"), service.suggest("ぺんぎん", 10).stream()
                    .filter(s -> s.kind().equals("title")).map(Suggestion::text).toList());
            assertEquals(List.of("ペンギン宇宙"), service.suggest("ぺんぎん", 10).stream()
                    .filter(s -> s.kind().equals("tag")).map(Suggestion::text).toList());
            assertEquals("Pengutron", service.search(SearchRequest.of("Pengutrom")).didYouMean(),
                    "did-you-mean may now use its words");
            assertEquals(count(before, "company", "NVIDIA") + 1, count(during, "company", "NVIDIA"));
            assertEquals(1, count(during, "month", "2025-12"));
            assertEquals(before.total() + 1, service.info().documents());

            clock.set(Instant.parse("2030-12-31T15:00:00Z")); // expired from this instant
            assertHidden(service, service.search(SearchRequest.browse(100)));
            assertEquals(before.facets(), service.search(SearchRequest.browse(100)).facets());
        }
    }

    private static void assertHidden(SearchService service, SearchResponse browse) throws Exception {
        assertFalse(browse.hits().stream().map(Hit::id).toList().contains("launch.md"));
        assertEquals(0, count(browse, "tag", "ペンギン宇宙"));
        assertEquals(0, count(browse, "month", "2025-12"));
        assertEquals(0, service.search(SearchRequest.of("ペンギン号")).total());
        assertEquals(null, service.search(SearchRequest.of("Pengutrom")).didYouMean(), "no correction to a hidden word");
        assertTrue(service.article("launch.md").isEmpty());
        assertTrue(service.related("launch.md", 5).isEmpty());
        for (String seed : List.of("000_9474e8312006595c.txt", "003_8829784a73951244.txt")) {
            assertFalse(service.related(seed, 20).orElseThrow().stream().anyMatch(h -> h.id().equals("launch.md")));
        }
        assertEquals(List.of(), service.suggest("ぺんぎん", 10));
        assertEquals(browse.total(), service.info().documents());
    }

    private static long count(SearchResponse response, String dim, String value) {
        return response.facets().get(dim).stream().filter(c -> c.value().equals(value)).mapToLong(c -> c.count())
                .findFirst().orElse(0);
    }

    /** A preview build and server: drafts and scheduled articles are found, with their badge; a public server on
     * the same index still hides them. */
    @Test
    void aPreviewServerShowsDraftsAndScheduledArticlesWithABadge() throws Exception {
        Path corpus = IndexFixtures.corpusOf(temp.resolve("corpus"), IndexFixtures.SEEDS, ServerFixture.TEST_ARTICLES);
        Path index = temp.resolve("index");
        assertEquals(0, Main.run("index", "--include-drafts", "--include-future", "--corpus", corpus.toString(),
                "--index", index.toString()));
        CompanyGazetteer gazetteer = CompanyGazetteer.builtIn();
        try (JapaneseAnalyzers analyzers = new JapaneseAnalyzers(gazetteer);
             LiveIndex live = new LiveIndex(new IndexDirectory(index), SCHEMA, Duration.ofHours(1));
             SearchServer preview = new SearchServer(new SearchService(live, SCHEMA, analyzers, gazetteer,
                     new Visibility(Clock.systemUTC(), true, true)), ServerConfig.localhost(0)).start();
             SearchServer published = new SearchServer(new SearchService(live, SCHEMA, analyzers, gazetteer),
                     ServerConfig.localhost(0)).start();
             ApiContract previewHttp = new ApiContract("http://127.0.0.1:" + preview.port());
             ApiContract publicHttp = new ApiContract("http://127.0.0.1:" + published.port())) {
            for (String[] expected : new String[][] {{"ゼブラフィッシュ", "draft.md", "draft", "下書き"},
                    {"カモノハシ", "unpublished.md", "draft", "下書き"}, {"Quokkatron", "scheduled.md", "scheduled", "予約"}}) {
                JsonNode hits = previewHttp.getJson("/api/search?q=" + ApiContract.enc(expected[0])).get("hits");
                assertEquals(1, hits.size(), expected[0]);
                assertEquals(expected[1], hits.get(0).get("id").asText());
                assertEquals(expected[2], hits.get(0).get("preview").asText());
                String page = previewHttp.get("/?q=" + ApiContract.enc(expected[0])).body();
                assertTrue(page.contains("<span class=\"badge " + expected[2] + "\">" + expected[3] + "</span>"), page);
                assertEquals(200, previewHttp.get("/api/articles/" + expected[1]).statusCode());
                assertEquals(0, publicHttp.getJson("/api/search?q=" + ApiContract.enc(expected[0])).get("total").asInt());
                assertEquals(404, publicHttp.get("/api/articles/" + expected[1]).statusCode());
            }
            for (String left : List.of("ウミウシ", "センザンコウ", "ハシビロコウ")) {
                assertEquals(0, previewHttp.getJson("/api/search?q=" + ApiContract.enc(left)).get("total").asInt(),
                        "opt-outs and expired articles stay out of a preview too");
            }
            JsonNode published1 = previewHttp.getJson("/api/search?q=" + ApiContract.enc("罠")).get("hits").get(0);
            assertTrue(published1.get("preview").isNull(), "a published article carries no badge");
            assertFalse(previewHttp.get("/?q=" + ApiContract.enc("罠")).body().contains("class=\"badge"));
        }
    }

    @Test
    void previewFlagsAreRefusedOnANonLoopbackHostUnlessAllowed() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        int drafts;
        int future;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            drafts = Main.run("serve", "--host", "0.0.0.0", "--include-drafts", "--index", temp.resolve("none").toString());
            future = Main.run("serve", "--host", "192.0.2.1", "--include-future", "--index", temp.resolve("none").toString());
        } finally {
            System.setErr(original);
        }
        assertEquals(2, drafts);
        assertEquals(2, future);
        String message = captured.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("refusing to show them on 0.0.0.0") && message.contains("--allow-preview-on-public-host"),
                message);
        assertFalse(Files.exists(temp.resolve("none")), "refused before anything was indexed");
    }

    /** The index command's summary: counts by reason, the nearest go-live time, the files on --verbose; exit 0. */
    @Test
    void theIndexSummarySaysWhatWasLeftOutAndWhy() throws Exception {
        Path corpus = IndexFixtures.corpusOf(temp.resolve("corpus"), IndexFixtures.SEEDS, ServerFixture.TEST_ARTICLES);
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int status;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            status = Main.run("index", "--verbose", "--corpus", corpus.toString(), "--index", temp.resolve("index").toString());
        } finally {
            System.setOut(original);
        }
        String report = captured.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, report);
        for (String line : List.of("drafts       1 (not indexed)", "unpublished  1 (published: false; not indexed)",
                "opted out    3 (", "expired      1 (not indexed)",
                "scheduled    1 (indexed, hidden until their publish time; the next goes live 2099-01-01 00:00:00 +09:00)",
                "DRAFT       draft.md", "UNPUBLISHED unpublished.md", "OPTED-OUT   noindex.md (noindex: true)",
                "OPTED-OUT   opted-out.md (_build: {list: never})", "OPTED-OUT   search-false.md (search: false)",
                "EXPIRED     expired.md (expired 2020-01-01 00:00:00 +09:00)",
                "SCHEDULED   scheduled.md (goes live 2099-01-01 00:00:00 +09:00)", "failed       0",
                "articles     8 in the live index")) {
            assertTrue(report.contains(line), line + " in\n" + report);
        }
    }

    /** A clock a test sets. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** Sleeps until an instant has passed, and no longer. */
    private static void sleepUntilPast(Instant instant) throws InterruptedException {
        while (!Instant.now().isAfter(instant)) {
            Thread.sleep(Math.max(1, Duration.between(Instant.now(), instant).toMillis() + 1));
        }
    }
}
