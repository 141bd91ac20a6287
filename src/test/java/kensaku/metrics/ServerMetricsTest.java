package kensaku.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kensaku.analysis.CompanyGazetteer;
import kensaku.analysis.JapaneseAnalyzers;
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

/** A real index served by a real server, its admin listener scraped over HTTP as Prometheus would. */
class ServerMetricsTest {
    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void theAdminListenerCountsRequestsSearchesTheIndexAndTheJvm(@TempDir Path temp) throws Exception {
        Path corpus = IndexFixtures.corpusOf(temp.resolve("corpus"), IndexFixtures.SEEDS);
        Path index = temp.resolve("index");
        IndexFixtures.build(corpus, index);
        CompanyGazetteer gazetteer = CompanyGazetteer.builtIn();
        Schema schema = new Schema(IndexFixtures.TOKYO);
        try (ServerMetrics metrics = new ServerMetrics();
             JapaneseAnalyzers analyzers = new JapaneseAnalyzers(gazetteer);
             LiveIndex live = new LiveIndex(new IndexDirectory(index), schema, Duration.ofMillis(100), gazetteer, metrics)) {
            SearchService service = new SearchService(live, schema, analyzers, gazetteer);
            metrics.watch(service, service.load());
            try (SearchServer server = new SearchServer(new MeteredBackend(service, metrics),
                         ServerConfig.localhost(0), List.of(AccessLog.text(), metrics)).start();
                 AdminServer admin = new AdminServer(metrics, "127.0.0.1", 0).start()) {
                String site = "http://127.0.0.1:" + server.port();
                String scrapeUrl = "http://127.0.0.1:" + admin.port() + "/metrics";
                assertNotEquals(server.port(), admin.port());
                assertEquals(200, get(site + "/api/search?q=NVIDIA").statusCode());
                assertEquals(200, get(site + "/api/search?q=NVIDIA").statusCode());
                assertEquals(400, get(site + "/api/search?size=0").statusCode());
                assertEquals(404, get(site + "/api/articles/no-such-article").statusCode());
                assertEquals(404, get(site + "/metrics").statusCode(), "never on the public port");

                HttpResponse<String> scraped = get(scrapeUrl);
                assertEquals(200, scraped.statusCode());
                assertTrue(scraped.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
                String text = scraped.body();
                assertEquals(2, value(text, "kensaku_http_requests_seconds_count{method=\"GET\",route=\"/api/search\",status=\"200\"}"));
                assertEquals(2, value(text, "kensaku_http_requests_seconds_bucket{method=\"GET\",route=\"/api/search\",status=\"200\",le=\"+Inf\"}"));
                assertTrue(text.contains("kensaku_http_requests_seconds_bucket{method=\"GET\",route=\"/api/search\",status=\"200\",le=\"0.1\"}"), text);
                assertEquals(1, value(text, "kensaku_http_requests_seconds_count{method=\"GET\",route=\"/api/search\",status=\"400\"}"));
                assertEquals(1, value(text, "kensaku_http_requests_seconds_count{method=\"GET\",route=\"/api/articles/<id>\",status=\"404\"}"));
                assertEquals(1, value(text, "kensaku_http_requests_seconds_count{method=\"GET\",route=\"unmatched\",status=\"404\"}"),
                        "an unknown path is one series, not one per URL");
                assertEquals(2, value(text, "kensaku_searches_seconds_count{outcome=\"answered\"}"));
                assertEquals(0, value(text, "kensaku_searches_timed_out_total"));
                assertEquals(0, value(text, "kensaku_searches_running"));
                assertEquals(0, value(text, "kensaku_searches_waiting"));
                assertEquals(5, value(text, "kensaku_index_documents"));
                double age = value(text, "kensaku_index_age_seconds");
                assertTrue(age >= 0 && age < 600, "age " + age);
                String firstGeneration = generation(text);
                assertEquals(0, value(text, "kensaku_index_switches_total"));
                assertTrue(value(text, "jvm_memory_used_bytes{area=\"heap\",id=\"G1 Eden Space\"}") > 0
                        || text.contains("jvm_memory_used_bytes{area=\"heap\""), "JVM memory");
                assertTrue(text.contains("jvm_gc_memory_allocated_bytes_total"), "GC meters");
                assertTrue(text.contains("jvm_threads_live_threads"), "thread meters");

                // The index command builds a new generation with one more folder of articles: the server switches.
                Path bigger = IndexFixtures.corpusOf(temp.resolve("corpus2"), IndexFixtures.SEEDS,
                        Path.of("src/test/resources/http/articles"));
                IndexFixtures.build(bigger, index);
                String after = waitFor(scrapeUrl, "kensaku_index_switches_total 1.0");
                assertNotEquals(firstGeneration, generation(after));
                assertTrue(value(after, "kensaku_index_documents") > 5);

                // A generation that cannot be opened: counted as a failed switch, the previous one keeps serving.
                Files.createDirectories(index.resolve("gen-29991231T000000000"));
                Files.writeString(index.resolve("CURRENT"), "gen-29991231T000000000");
                String failed = waitFor(scrapeUrl, "kensaku_index_switch_failures_total 1.0");
                assertEquals(generation(after), generation(failed));
                assertEquals(200, get(site + "/api/search?q=NVIDIA").statusCode());
            }
        }
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String waitFor(String url, String line) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String text = get(url).body();
        while (!text.contains(line) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            text = get(url).body();
        }
        assertTrue(text.contains(line), "waited for " + line + " in\n" + text);
        return text;
    }

    /** The value of one series in the Prometheus text format. */
    private static double value(String text, String series) {
        for (String line : text.split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).strip());
            }
        }
        throw new AssertionError("no series " + series + " in\n" + text);
    }

    private static String generation(String text) {
        Matcher m = Pattern.compile("(?m)^kensaku_index_generation\\{generation=\"(gen-[0-9T]+)\"} 1\\.0$").matcher(text);
        assertTrue(m.find(), "the generation served is labelled:\n" + text);
        String found = m.group(1);
        assertTrue(!m.find(), "exactly one generation is shown");
        return found;
    }
}
