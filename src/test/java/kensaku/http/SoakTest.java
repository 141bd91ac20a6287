package kensaku.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import kensaku.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients search without pause while the offline index command rebuilds the index: no request fails, and no
 * response mixes two generations (its total, its hits and its month counts all describe one index).
 *
 * <p>Half the requests browse every article (checked for mixing), the others are a mix of searches, filters,
 * suggestions and article reads (checked for a 200 and JSON).
 *
 * <p>In the suite: 4 clients, one reindex, about 30 s. The full soak of docs/RELIABILITY.md runs the same test
 * with {@code -Dkensaku.soak.clients=16 -Dkensaku.soak.seconds=300 -Dkensaku.soak.reindexes=2}.
 */
class SoakTest {
    private static final int CLIENTS = Integer.getInteger("kensaku.soak.clients", 4);
    private static final int SECONDS = Integer.getInteger("kensaku.soak.seconds", 30);
    private static final int REINDEXES = Integer.getInteger("kensaku.soak.reindexes", 1);
    private static final int MAX_REQUESTS_PER_CLIENT = 2_000_000;
    /** Every hit on one page, so its total, hits and month counts can be checked against each other. */
    private static final String BROWSE_ALL = "/api/search?size=100&sort=date";
    private static final List<String> MIX = List.of("/api/search?q=%E3%82%A8%E3%83%8C%E3%83%93%E3%83%87%E3%82%A3%E3%82%A2",
            "/api/search?q=AI+%E6%8A%95%E8%B3%87&company=Amazon", "/api/search?q=%22%E7%94%9F%E6%88%90AI%22&sort=date",
            "/api/suggest?q=%E3%81%82%E3%81%BE", "/api/search?tag=%E6%8A%95%E8%B3%87&from=2025-10&to=2026-01",
            "/api/articles/003_8829784a73951244.txt", "/api/health");

    @TempDir
    Path temp;

    @Test
    void searchesNeverFailOrMixIndexesWhileTheIndexIsRebuilt() throws Exception {
        try (ServerFixture fixture = new ServerFixture(temp, Duration.ofMillis(500))) {
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicLong answered = new AtomicLong();
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                Thread client = new Thread(() -> searchUntilStopped(fixture, running, answered, failures));
                client.start();
                clients.add(client);
            }
            long heapBefore = usedHeap();
            long end = System.nanoTime() + Duration.ofSeconds(SECONDS).toNanos();
            for (int r = 1; r <= REINDEXES; r++) {
                Thread.sleep(Duration.ofSeconds(SECONDS).toMillis() / (REINDEXES + 1));
                Files.writeString(fixture.corpus.resolve("added-" + r + ".md"),
                        "---\ntitle: 追加記事" + r + "\ndate: 2026-0" + r + "-15\n---\n\n再索引中に追加された記事。\n",
                        StandardCharsets.UTF_8);
                assertEquals(0, Main.run("index", "--corpus", fixture.corpus.toString(), "--index",
                        fixture.index.toString(), "--full"));
            }
            while (System.nanoTime() < end) {
                Thread.sleep(200);
            }
            running.set(false);
            for (Thread client : clients) {
                client.join();
            }
            long heapAfter = usedHeap();

            assertEquals(List.of(), List.copyOf(failures).subList(0, Math.min(10, failures.size())),
                    failures.size() + " failures");
            assertTrue(answered.get() > CLIENTS, "answered " + answered.get());
            assertEquals(7 + REINDEXES, fixture.getJson("/api/health").get("documents").asInt());
            System.out.printf("soak: %d clients, %d s, %d reindexes, %,d requests, 0 failed; heap %d MB → %d MB%n",
                    CLIENTS, SECONDS, REINDEXES, answered.get(), heapBefore >> 20, heapAfter >> 20);
        }
    }

    private static void searchUntilStopped(ServerFixture fixture, AtomicBoolean running, AtomicLong answered,
                                           ConcurrentLinkedQueue<String> failures) {
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; running.get() && i < MAX_REQUESTS_PER_CLIENT; i++) {
            try {
                String target = i % 2 == 0 ? BROWSE_ALL : MIX.get((i / 2) % MIX.size());
                HttpResponse<String> response = fixture.get(target);
                if (response.statusCode() != 200) {
                    failures.add(target + " → " + response.statusCode() + " " + response.body());
                    continue;
                }
                JsonNode body = json.readTree(response.body());
                answered.incrementAndGet();
                if (!target.equals(BROWSE_ALL)) {
                    continue;
                }
                int total = body.get("total").asInt();
                long months = 0;
                for (JsonNode month : body.get("facets").get("month")) {
                    months += month.get("count").asLong();
                }
                if (body.get("hits").size() != total || months != total) {
                    failures.add("mixed answer: total " + total + ", hits " + body.get("hits").size() + ", months " + months);
                }
            } catch (Exception e) {
                failures.add(e.toString());
            }
        }
    }

    private static long usedHeap() {
        System.gc();
        return Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    }
}
