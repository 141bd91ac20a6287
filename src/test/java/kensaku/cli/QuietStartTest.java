package kensaku.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import kensaku.index.IndexFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/kensaku as a user runs it: index and search print what they are for and nothing else on stderr (no JVM or
 * library warning, no INFO line); serve's log has no warning either.
 */
class QuietStartTest {
    @Test
    void indexSearchAndServeStartQuietly(@TempDir Path temp) throws Exception {
        Path corpus = IndexFixtures.corpusOf(temp.resolve("corpus"), IndexFixtures.SEEDS);
        String index = temp.resolve("index").toString();
        Path logs = temp.resolve("logs");

        LaunchedProcess indexing = LaunchedProcess.start(logs, "index", null,
                List.of("bin/kensaku", "index", "--corpus", corpus.toString(), "--index", index));
        assertEquals(0, indexing.exitStatus(Duration.ofMinutes(3)), indexing.stderr());
        assertTrue(indexing.stdout().contains("files read   5"), indexing.stdout());
        assertQuiet(indexing.stderr());
        assertFalse(indexing.stderr().contains("INFO"), indexing.stderr());

        LaunchedProcess search = LaunchedProcess.start(logs, "search", null,
                List.of("bin/kensaku", "search", "--index", index, "NVIDIA"));
        assertEquals(0, search.exitStatus(Duration.ofMinutes(2)), search.stderr());
        assertTrue(search.stdout().contains("5 hits"), search.stdout());
        assertEquals("", search.stderr(), "search writes nothing to stderr");

        try (LaunchedProcess serve = LaunchedProcess.start(logs, "serve", null,
                List.of("bin/kensaku", "serve", "--corpus", corpus.toString(), "--index", index, "--port", "0",
                        "--admin-port", "0"))) {
            int port = serve.ports(Duration.ofMinutes(2))[0];
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            serve.stop();
            assertQuiet(serve.stderr());
        }
    }

    static void assertQuiet(String stderr) {
        assertFalse(stderr.contains("WARNING"), "no JVM or library warning:\n" + stderr);
        assertFalse(stderr.contains("Exception"), stderr);
    }
}
