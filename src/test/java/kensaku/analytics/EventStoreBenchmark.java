package kensaku.analytics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The analytics store's write rate and size (docs/OPERATIONS.md): a million committed searches of realistic
 * queries written in the writer's batches, then the file's bytes per search and a report's time over them.
 * Run: {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) kensaku.analytics.EventStoreBenchmark /tmp/dir [events]}
 */
public final class EventStoreBenchmark {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/store-bench");
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve(EventStore.FILE));
        Random random = new Random(42);
        String[] words = {"生成AI", "NVIDIA", "半導体", "トヨタ 決算", "ＡＩ 投資", "量子コンピュータ", "データセンター", "EV 電池",
            "クラウド", "サーバー", "自動運転", "ロボティクス", "Trainium", "円安", "金利"};
        Instant start = Instant.now().minus(Duration.ofDays(30));
        try (EventStore store = EventStore.open(dir)) {
            long t0 = System.nanoTime();
            List<Event> batch = new ArrayList<>();
            for (int i = 0; i < events; i++) {
                String query = words[random.nextInt(words.length)] + (random.nextInt(4) == 0 ? " " + random.nextInt(1000) : "");
                Instant at = start.plusMillis(i * 2_500L);
                batch.add(i % 5 == 4
                        ? new Event.Click(at, query, QueryForm.normalize(query), "2025/01/article-" + random.nextInt(10_000), 1 + random.nextInt(10))
                        : new Event.Search(at, query, QueryForm.normalize(query), random.nextInt(8) == 0 ? "company=NVIDIA" : "",
                                "relevance", 1, random.nextInt(500), null, 5 + random.nextDouble() * 40, "page"));
                if (batch.size() == 500) {
                    store.write(batch);
                    batch.clear();
                }
            }
            store.write(batch);
            double seconds = (System.nanoTime() - t0) / 1e9;
            long bytes = Files.size(dir.resolve(EventStore.FILE)) + sizeOrZero(dir.resolve(EventStore.FILE + "-wal"));
            System.out.printf(Locale.ROOT, "%,d events in %.1f s: %,.0f events/s in batches of 500; %,d bytes = %.0f bytes per event%n",
                    events, seconds, events / seconds, bytes, (double) bytes / events);
            long t1 = System.nanoTime();
            Report report = Report.read(store.file(), start, java.time.ZoneId.of("Asia/Tokyo"));
            System.out.printf(Locale.ROOT, "report over 30 days (%,d searches): %.2f s%n", report.searches(),
                    (System.nanoTime() - t1) / 1e9);
        }
    }

    private static long sizeOrZero(Path file) throws java.io.IOException {
        return Files.exists(file) ? Files.size(file) : 0;
    }
}
