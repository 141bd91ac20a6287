package kensaku.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import kensaku.analytics.Analytics;
import kensaku.analytics.Report;
import kensaku.analytics.ReportFormat;
import kensaku.analytics.StoredEvents;
import kensaku.corpus.SiteUrls;
import kensaku.index.IndexFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Analytics over real HTTP on a real index: what is recorded, what is not, and the report grouping queries. */
class AnalyticsApiTest {
    @TempDir
    static Path temp;
    static Analytics analytics;
    static ServerFixture server;
    static StoredEvents stored;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        analytics = Analytics.open(temp.resolve("state"), Duration.ofDays(90));
        server = new ServerFixture(temp, Duration.ofHours(1), List.of(), SiteUrls.none(IndexFixtures.TOKYO),
                List.of(AccessLog.text()), analytics, IndexFixtures.SEEDS, ServerFixture.TEST_ARTICLES);
        stored = new StoredEvents(temp.resolve("state"));
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        analytics.close();
    }

    private static HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.base() + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.base() + "/api/events"))
                .header("Content-Type", "text/plain;charset=UTF-8").POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Waits until the writer has stored everything queued so far. */
    private static void flushed() throws InterruptedException {
        Thread.sleep(100);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (analytics.recorder().queued() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(700);
    }

    @Test
    void aSearchIsRecordedOnlyWhenCommittedAndNeverUnderGpcOrDnt() throws Exception {
        String q = ServerFixture.enc("Trainium");
        assertEquals(200, get("/api/search?q=" + q).statusCode());
        assertEquals(200, get("/api/search?q=" + q + "&commit=1", "Sec-GPC", "1").statusCode());
        assertEquals(200, get("/api/search?q=" + q + "&commit=1", "DNT", "1").statusCode());
        assertEquals(204, post("{\"type\":\"search\",\"url\":\"/api/search?q=" + q + "\"}", "Sec-GPC", "1").statusCode());
        flushed();
        assertEquals(0, stored.count("searches", "normalized = ?", "trainium"), "keystrokes and opted-out requests");
        assertEquals(200, get("/api/search?q=" + q + "&commit=1").statusCode());
        flushed();
        List<List<String>> rows = stored.rows("SELECT query, normalized, total, source, sort, page FROM searches WHERE normalized = ?",
                "trainium");
        assertEquals(1, rows.size());
        assertEquals("Trainium", rows.get(0).get(0));
        assertTrue(Long.parseLong(rows.get(0).get(2)) > 0, rows.toString());
        assertEquals(List.of("api", "relevance", "1"), rows.get(0).subList(3, 6));
    }

    @Test
    void aClickIsRecordedWithTheArticleAndRankTheServerAnswered() throws Exception {
        String q = ServerFixture.enc("AI");
        JsonNode page2 = new ObjectMapper().readTree(get("/api/search?q=" + q + "&size=2&page=2").body());
        String fourth = page2.path("hits").get(1).path("id").asText();
        assertEquals(204, post("{\"type\":\"click\",\"url\":\"/api/search?q=" + q + "&size=2&page=2\",\"position\":2}").statusCode());
        assertEquals(204, post("{\"type\":\"click\",\"url\":\"/api/search?q=" + q + "&size=2&page=2\",\"position\":2}",
                "DNT", "1").statusCode());
        flushed();
        assertEquals(List.of(List.of("AI", fourth, "4")), stored.rows("SELECT query, article, rank FROM clicks WHERE normalized = ?", "ai"));
    }

    @Test
    void theReportGroupsFullWidthAndLowerCaseFormsOfOneQuery() throws Exception {
        for (String typed : List.of("ＮＶＩＤＩＡ", "nvidia", "NVIDIA", "ＮＶＩＤＩＡ")) {
            assertEquals(200, get("/api/search?commit=1&q=" + ServerFixture.enc(typed)).statusCode());
        }
        assertEquals(200, get("/api/search?commit=1&q=" + ServerFixture.enc("存在しない語ｘｙｚｚｙ")).statusCode());
        flushed();
        Report report = analytics.report(Instant.now().minus(Duration.ofDays(1)), IndexFixtures.TOKYO);
        Report.QueryRow nvidia = report.topQueries().stream().filter(r -> r.normalized().equals("nvidia")).findFirst().orElseThrow();
        assertEquals(4, nvidia.searches());
        assertEquals(List.of("ＮＶＩＤＩＡ", "NVIDIA", "nvidia"), nvidia.typed(), "most typed first, then by text");
        assertEquals(0, nvidia.zeroResults());
        assertTrue(report.zeroResults().stream().anyMatch(r -> r.normalized().equals("存在シナイ語xyzzy")), report.zeroResults().toString());
        assertFalse(report.days().isEmpty());
        assertTrue(report.days().get(report.days().size() - 1).latencyP95Millis() > 0);
        String csv = ReportFormat.CSV.render(report);
        assertTrue(csv.contains("top,nvidia,ＮＶＩＤＩＡ / NVIDIA / nvidia,4,0,"), csv);
        assertTrue(ReportFormat.TABLE.render(report).contains("nvidia  (ＮＶＩＤＩＡ / NVIDIA / nvidia)"));
    }

    @Test
    void badEventsAreRefusedWithJsonErrorsAndTheAdminPageIsNotOnThePublicPort() throws Exception {
        HttpResponse<String> bad = post("not json");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("\"invalid_json\""), bad.body());
        assertEquals(400, post("{\"type\":\"search\",\"url\":\"/elsewhere?q=x\"}").statusCode());
        assertEquals(405, get("/api/events").statusCode());
        assertEquals(404, get("/admin/").statusCode());
        assertEquals(404, get("/admin").statusCode());
        assertEquals(404, get("/metrics").statusCode());
    }
}
