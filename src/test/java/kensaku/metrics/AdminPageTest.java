package kensaku.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import kensaku.analysis.CompanyGazetteer;
import kensaku.analysis.JapaneseAnalyzers;
import kensaku.analytics.Analytics;
import kensaku.analytics.StoredEvents;
import kensaku.http.AccessLog;
import kensaku.http.SearchServer;
import kensaku.http.ServerConfig;
import kensaku.index.IndexDirectory;
import kensaku.index.IndexFixtures;
import kensaku.index.Schema;
import kensaku.search.lucene.LiveIndex;
import kensaku.search.lucene.SearchService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analytics admin page: only on the admin listener, behind the token when one is set, escaped, in Japanese. */
class AdminPageTest {
    private static final String TOKEN = "correct horse battery staple";
    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void theAdminPageIsOnlyOnTheAdminListenerAndRefusesAWrongToken(@TempDir Path temp) throws Exception {
        Path corpus = IndexFixtures.corpusOf(temp.resolve("corpus"), IndexFixtures.SEEDS);
        Path index = temp.resolve("index");
        IndexFixtures.build(corpus, index);
        CompanyGazetteer gazetteer = CompanyGazetteer.builtIn();
        Schema schema = new Schema(IndexFixtures.TOKYO);
        try (ServerMetrics metrics = new ServerMetrics();
             JapaneseAnalyzers analyzers = new JapaneseAnalyzers(gazetteer);
             LiveIndex live = new LiveIndex(new IndexDirectory(index), schema, Duration.ofHours(1));
             Analytics analytics = Analytics.open(temp.resolve("state"), Duration.ofDays(90))) {
            metrics.watch(analytics.recorder());
            SearchService service = new SearchService(live, schema, analyzers, gazetteer);
            try (SearchServer server = new SearchServer(analytics.wrap(new MeteredBackend(service, metrics)),
                         ServerConfig.localhost(0), List.of(AccessLog.text(), metrics), analytics).start();
                 AdminServer admin = new AdminServer(metrics, "127.0.0.1", 0, analytics, TOKEN, IndexFixtures.TOKYO).start()) {
                String site = "http://127.0.0.1:" + server.port();
                String adminPage = "http://127.0.0.1:" + admin.port() + "/admin/";
                for (String q : List.of("NVIDIA", "ｎｖｉｄｉａ", "<script>alert(1)</script>")) {
                    assertEquals(200, get(site + "/api/search?commit=1&q=" + java.net.URLEncoder.encode(q, StandardCharsets.UTF_8)).statusCode());
                }
                StoredEvents.awaitAtLeast(() -> analytics.recorder().written(), 3, Duration.ofSeconds(5));

                assertEquals(404, get(site + "/admin/").statusCode(), "never on the public port");
                assertEquals(401, get(adminPage).statusCode(), "no token");
                assertEquals(401, get(adminPage, "Authorization", "Bearer wrong").statusCode());
                assertEquals(401, get(adminPage, "Authorization", "Bearer " + TOKEN + "x").statusCode());
                assertEquals(401, get(adminPage, "Authorization", basic("wrong")).statusCode());
                HttpResponse<String> refused = get(adminPage.replace("/admin/", "/metrics"), "Authorization", "Bearer nope");
                assertEquals(401, refused.statusCode(), "metrics are behind the token too");
                assertTrue(refused.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));

                HttpResponse<String> page = get(adminPage + "?since=7d", "Authorization", basic(TOKEN));
                assertEquals(200, page.statusCode());
                String html = page.body();
                assertTrue(html.contains("<html lang=\"ja\">") && html.contains("検索アナリティクス"), html);
                assertTrue(html.contains("<svg class=\"chart\""), "a chart per day");
                assertTrue(html.contains("nvidia <span class=\"typed\">（NVIDIA、ｎｖｉｄｉａ）</span></td><td class=\"n\">2</td>"), html);
                assertFalse(html.contains("<script>"), "queries are escaped");
                assertTrue(html.contains("&lt;script&gt;"), html);
                assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").startsWith("default-src 'none'"));
                assertEquals(200, get(adminPage.replace("/admin/", "/admin/admin.css"), "Authorization", "Bearer " + TOKEN).statusCode());

                String scraped = get(adminPage.replace("/admin/", "/metrics"), "Authorization", "Bearer " + TOKEN).body();
                assertTrue(scraped.contains("kensaku_analytics_events_dropped_total 0.0"), scraped);
                assertTrue(scraped.contains("kensaku_analytics_events_written_total 3.0"), scraped);
            }
        }
    }

    @Test
    void anAdminListenerOffLoopbackNeedsAToken() {
        ServerMetrics metrics = new ServerMetrics();
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new AdminServer(metrics, "0.0.0.0", 0, null, null, IndexFixtures.TOKYO));
        assertTrue(refused.getMessage().contains("admin token"), refused.getMessage());
        assertTrue(AdminServer.allows("0.0.0.0", "t"));
        assertTrue(AdminServer.allows("127.0.0.1", null));
        assertFalse(AdminServer.allows("192.0.2.1", " "));
        metrics.close();
        if (System.getenv("KENSAKU_ADMIN_TOKEN") == null) {
            assertEquals(2, kensaku.cli.Main.run("serve", "--corpus", "no-such-corpus", "--admin-host", "0.0.0.0",
                    "--admin-port", "0", "--port", "0"), "serve stops before anything else");
        }
    }

    private static String basic(String password) {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String url, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
