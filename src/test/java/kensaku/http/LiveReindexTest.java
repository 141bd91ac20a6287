package kensaku.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import kensaku.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline index command switches the index under a running server, which keeps answering throughout. */
class LiveReindexTest {
    @TempDir
    Path temp;

    @Test
    void theServerServesTheNewIndexWithinSecondsWithoutAFailedRequest() throws Exception {
        try (ServerFixture fixture = new ServerFixture(temp, Duration.ofMillis(200))) {
            assertEquals(0, fixture.getJson("/api/search?q=" + ServerFixture.enc("量子暗号通信")).get("total").asInt());
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger answered = new AtomicInteger();
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            Thread load = new Thread(() -> {
                while (running.get() && answered.get() < 20_000) {
                    try {
                        HttpResponse<String> response = fixture.get("/api/search?q=" + ServerFixture.enc("投資"));
                        if (response.statusCode() != 200) {
                            failures.add(response.statusCode() + " " + response.body());
                        }
                        answered.incrementAndGet();
                    } catch (Exception e) {
                        failures.add(e.toString());
                    }
                }
            });
            load.start();
            Files.writeString(fixture.corpus.resolve("quantum.md"),
                    "---\ntitle: 量子暗号通信の実証実験\ndate: 2026-03-01\n---\n\n量子暗号通信の新しい実証実験が始まった。\n",
                    StandardCharsets.UTF_8);
            assertEquals(0, Main.run("index", "--corpus", fixture.corpus.toString(), "--index", fixture.index.toString()));

            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            int found = 0;
            while (found == 0 && System.nanoTime() < deadline) {
                found = fixture.getJson("/api/search?q=" + ServerFixture.enc("量子暗号通信")).get("total").asInt();
                Thread.sleep(100);
            }
            running.set(false);
            load.join();

            assertEquals(1, found, "the new article is served within seconds, without a restart");
            assertEquals(8, fixture.getJson("/api/health").get("documents").asInt());
            assertTrue(answered.get() > 0);
            assertEquals(0, failures.size(), failures.toString());
        }
    }
}
