package kensaku.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import kensaku.analytics.StoredEvents;
import kensaku.index.IndexFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code bin/kensaku serve} records committed searches while it is killed with SIGKILL (no shutdown hook, no
 * last flush): reopening its state folder finds every search answered more than a second before the kill, the store
 * is intact, and {@code kensaku analytics} reports from it.
 */
class AnalyticsCrashTest {
    @TempDir
    Path temp;

    @Test
    void killMinusNineLosesAtMostTheLastSecond() throws Exception {
        Path corpus = IndexFixtures.corpusOf(temp.resolve("corpus"), IndexFixtures.SEEDS);
        Path state = temp.resolve("state");
        HttpClient client = HttpClient.newHttpClient();
        TreeMap<Long, String> answeredAt = new TreeMap<>();
        long killedAt;
        try (LaunchedProcess serve = LaunchedProcess.start(temp.resolve("logs"), "serve", null,
                List.of("bin/kensaku", "serve", "--corpus", corpus.toString(), "--index", temp.resolve("index").toString(),
                        "--state", state.toString(), "--port", "0"))) {
            int port = serve.ports(Duration.ofMinutes(2))[0];
            long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            // At least 3 s and 300 searches: a cold JVM on a busy machine answers slowly at first.
            for (int i = 0; System.nanoTime() < until || i < 300; i++) {
                String query = "crash" + i;
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/search?commit=1&q=" + query)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, response.statusCode(), response.body());
                answeredAt.put(System.nanoTime(), query);
            }
            killedAt = System.nanoTime();
            serve.kill();
        }
        StoredEvents stored = new StoredEvents(state);
        assertEquals(List.of(List.of("ok")), stored.rows("PRAGMA integrity_check"));
        Set<String> kept = new HashSet<>();
        stored.rows("SELECT query FROM searches").forEach(row -> kept.add(row.get(0)));
        List<String> mustBeKept = List.copyOf(answeredAt.headMap(killedAt - Duration.ofSeconds(1).toNanos()).values());
        assertTrue(mustBeKept.size() > 50, "searches answered more than a second before the kill: " + mustBeKept.size());
        List<String> lost = mustBeKept.stream().filter(q -> !kept.contains(q)).toList();
        assertEquals(List.of(), lost, "answered more than 1 s before kill -9, yet lost (" + kept.size() + " of "
                + answeredAt.size() + " kept)");

        LaunchedProcess report = LaunchedProcess.start(temp.resolve("logs"), "analytics", null,
                List.of("bin/kensaku", "analytics", "--state", state.toString(), "--since", "1d", "--format", "csv"));
        assertEquals(0, report.exitStatus(Duration.ofMinutes(1)), report.stderr());
        assertTrue(report.stdout().contains("\nzero_results,crash0,crash0,1,1,0\n"), report.stdout());
    }
}
