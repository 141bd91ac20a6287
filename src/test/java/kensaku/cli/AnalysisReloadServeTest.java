package kensaku.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import kensaku.analysis.AnalysisFolder;
import kensaku.index.IndexFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code bin/kensaku serve --analysis DIR} on a random port while an operator edits the folder: a new synonym
 * works within 5 s without a failed request, a bad line is reported by file and line while the previous synonyms
 * keep working, and a changed user dictionary makes /api/health and the log say 「再インデックスが必要」 until
 * {@code index} rebuilds in full.
 */
class AnalysisReloadServeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration RELOAD_LIMIT = Duration.ofSeconds(5);

    @TempDir
    Path temp;

    private final HttpClient client = HttpClient.newHttpClient();
    private int port;

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private int total(String query) throws Exception {
        return json("/api/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)).get("total").asInt();
    }

    /** Polls until the answer passes, at most {@code limit}; returns how long it took, or fails. */
    private long await(String what, Duration limit, Predicate<JsonNode> passes, String path) throws Exception {
        long start = System.nanoTime();
        JsonNode last = null;
        while (System.nanoTime() - start < limit.toNanos()) {
            last = json(path);
            if (passes.test(last)) {
                return (System.nanoTime() - start) / 1_000_000;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(what + " not within " + limit + "; last answer: " + last);
    }

    @Test
    void editsToTheAnalysisFolderReachARunningServer() throws Exception {
        Path corpus = IndexFixtures.corpusOf(temp.resolve("corpus"), IndexFixtures.SEEDS);
        Path index = temp.resolve("index");
        Path analysis = Files.createDirectories(temp.resolve("analysis"));
        Path synonyms = analysis.resolve(AnalysisFolder.SYNONYMS);
        Files.writeString(synonyms, "# 同義語\n", StandardCharsets.UTF_8);
        try (LaunchedProcess serve = LaunchedProcess.start(temp.resolve("logs"), "serve", null,
                List.of("bin/kensaku", "serve", "--corpus", corpus.toString(), "--index", index.toString(),
                        "--analysis", analysis.toString(), "--no-analytics", "--port", "0"))) {
            port = serve.ports(Duration.ofMinutes(2))[0];
            int semiconductor = total("半導体");
            assertTrue(semiconductor > 0);
            assertEquals(0, total("セミコンダクター"));
            JsonNode health = json("/api/health");
            assertFalse(health.get("reindex_required").asBoolean(), health.toString());
            assertEquals(analysis.toString(), health.at("/analysis/source").asText());

            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger answered = new AtomicInteger();
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            Thread load = new Thread(() -> {
                while (running.get()) {
                    for (String q : List.of("半導体", "セミコンダクター", "投資")) {
                        try {
                            HttpResponse<String> response = get("/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
                            if (response.statusCode() != 200) {
                                failures.add(response.statusCode() + " " + response.body());
                            }
                            answered.incrementAndGet();
                        } catch (Exception e) {
                            failures.add(e.toString());
                        }
                    }
                }
            });
            load.start();
            try {
                Files.writeString(synonyms, "# 同義語\nセミコンダクター, 半導体\n", StandardCharsets.UTF_8);
                long tookMillis = await("the new synonym", RELOAD_LIMIT,
                        answer -> answer.get("total").asInt() == semiconductor,
                        "/api/search?q=" + URLEncoder.encode("セミコンダクター", StandardCharsets.UTF_8));
                System.out.println("synonym served " + tookMillis + " ms after saving the file");

                // A bad line: named by file and line, and the previous synonyms keep serving.
                Files.writeString(synonyms, "# 同義語\nセミコンダクター, 半導体\nA => B => C\n", StandardCharsets.UTF_8);
                JsonNode refused = json("/api/health");
                long until = System.nanoTime() + RELOAD_LIMIT.toNanos();
                while (refused.at("/analysis/error").isNull() && System.nanoTime() < until) {
                    Thread.sleep(50);
                    refused = json("/api/health");
                }
                assertEquals(synonyms.toString(), refused.at("/analysis/error/file").asText(), refused.toString());
                assertEquals(3, refused.at("/analysis/error/line").asInt(), refused.toString());
                assertEquals(semiconductor, total("セミコンダクター"), "the previous configuration keeps serving");
                String log = serve.stderr();
                assertTrue(log.contains(synonyms + ":3: "), log);

                // The bad line fixed, and an index-time file changed: queries keep the dictionary the index was
                // built with until a reindex.
                Files.writeString(synonyms, "# 同義語\nセミコンダクター, 半導体\n", StandardCharsets.UTF_8);
                Files.writeString(analysis.resolve(AnalysisFolder.USER_DICTIONARY),
                        "半導体,半 導体,ハン ドウタイ,カスタム名詞\n", StandardCharsets.UTF_8);
                JsonNode required = json("/api/health");
                until = System.nanoTime() + RELOAD_LIMIT.toNanos();
                while (!required.get("reindex_required").asBoolean() && System.nanoTime() < until) {
                    Thread.sleep(50);
                    required = json("/api/health");
                }
                assertTrue(required.get("reindex_required").asBoolean(), required.toString());
                assertEquals(List.of(AnalysisFolder.USER_DICTIONARY),
                        JSON.convertValue(required.at("/analysis/reindex_changes"), List.class));
                assertTrue(required.at("/analysis/message").asText().contains("再インデックスが必要"), required.toString());
                assertTrue(required.at("/analysis/error").isNull(), "the fixed synonyms loaded: " + required);
                assertEquals(semiconductor, total("半導体"), "queries still match the index's terms");
                assertTrue(serve.stderr().contains("再インデックスが必要"), serve.stderr());

                ByteArrayOutputStream out = new ByteArrayOutputStream();
                assertEquals(0, IndexCommand.run(corpus, options(index, analysis), 2, false, false, false,
                        new PrintStream(out, true, StandardCharsets.UTF_8), System.err));
                assertTrue(out.toString(StandardCharsets.UTF_8).contains("full (analysis changed: userdict.txt)"),
                        out.toString(StandardCharsets.UTF_8));
                await("the rebuilt index", Duration.ofSeconds(10),
                        answer -> !answer.get("reindex_required").asBoolean(), "/api/health");
                assertEquals(semiconductor, total("半導体"), "the new dictionary on both sides finds the same articles");
            } finally {
                running.set(false);
                load.join();
            }
            assertTrue(answered.get() > 0);
            assertEquals(List.of(), List.copyOf(failures), "no request failed during the switches");
        }
    }

    private static CommonOptions options(Path index, Path analysis) {
        CommonOptions common = new CommonOptions();
        common.index = index;
        common.zone = IndexFixtures.TOKYO;
        common.analysis = analysis;
        common.companiesMode = "extend";
        return common;
    }
}
