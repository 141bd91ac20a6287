package kensaku.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The worst requests we could construct, sent without pause over several connections, while one client measures
 * an ordinary search: what a reader sees while someone attacks the server. Each hostile query stays within the
 * request limits (q ≤ 1,000 characters): long runs of unknown katakana words (did-you-mean on each), hundreds of
 * single kanji (prefix queries over the bigram fields), hundreds of ORs, company names that expand to synonyms,
 * 100 highlighted hits of a word every article holds, a date-sorted search with 50 tag values.
 */
public final class HostileLoad {
    /** The ordinary search measured: two common words, as a reader types them. */
    public static final String ORDINARY = "/api/search?q=" + enc("設定 変更");

    private final URI base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public HostileLoad(URI base) {
        this.base = base;
    }

    /**
     * @param ordinaryMedianMs    median of the ordinary search under the hostile load
     * @param baselineMedianMs    median of the ordinary search alone, measured first
     * @param hostileFailures     hostile answers with a status of 500 or more, or no answer
     */
    public record Result(int connections, double seconds, double baselineMedianMs, double ordinaryMedianMs,
                         double ordinaryP95Ms, long ordinaryRequests, long ordinaryFailures, long hostileRequests,
                         long hostileFailures, long hostileTimedOut, double hostileMedianMs) {
        public String markdown() {
            return String.format(java.util.Locale.ROOT,
                    "| %d | %.0f s | %.1f ms | %.1f ms | %.1f ms | %d (%d failed) | %d (%d failed, %d timed out) | %.0f ms |",
                    connections, seconds, baselineMedianMs, ordinaryMedianMs, ordinaryP95Ms, ordinaryRequests,
                    ordinaryFailures, hostileRequests, hostileFailures, hostileTimedOut, hostileMedianMs);
        }
    }

    /** The hostile requests, each a path with its query string. */
    public static List<String> hostileRequests() {
        Random random = new Random(29);
        List<String> requests = new ArrayList<>();
        requests.add("/api/search?q=" + enc(fill(() -> katakanaWord(random), " ")));
        requests.add("/api/search?q=" + enc(fill(() -> katakanaWord(random) + "の" + katakanaWord(random), " ")));
        requests.add("/api/search?q=" + enc(fill(() -> String.valueOf((char) ('一' + random.nextInt(2000))), " ")));
        requests.add("/api/search?size=100&q=" + enc(fill(() -> List.of("設定", "変更", "表示", "ファイル", "使用")
                .get(random.nextInt(5)), " OR ")));
        requests.add("/api/search?q=" + enc(fill(() -> List.of("アマゾン", "エヌビディア", "グーグル", "マイクロソフト")
                .get(random.nextInt(4)), "")));
        requests.add("/api/search?size=100&q=" + enc("の する"));
        requests.add("/api/search?sort=date&size=100&q=" + enc(fill(() -> String.valueOf((char) ('あ' + random.nextInt(80))), " "))
                + IntStream.range(0, 50).mapToObj(i -> "&tag=t" + i).collect(Collectors.joining()));
        return requests;
    }

    /** Runs the ordinary search alone for a while, then again beside the hostile connections. */
    public Result run(int connections, Duration duration) throws InterruptedException {
        List<Double> baseline = ordinaryFor(duration.dividedBy(3), new AtomicLong());
        List<String> hostile = hostileRequests();
        AtomicLong hostileCount = new AtomicLong();
        AtomicLong hostileFailures = new AtomicLong();
        AtomicLong hostileTimedOut = new AtomicLong();
        List<Double> hostileLatencies = Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> attackers = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            int first = c;
            Thread attacker = Thread.ofPlatform().daemon().start(() -> {
                for (int i = first; System.nanoTime() < end; i++) {
                    long start = System.nanoTime();
                    HttpResponse<String> response = get(hostile.get(i % hostile.size()));
                    hostileLatencies.add((System.nanoTime() - start) / 1e6);
                    hostileCount.incrementAndGet();
                    if (response == null || response.statusCode() >= 500) {
                        hostileFailures.incrementAndGet();
                    } else if (response.body().contains("\"timed_out\":true")) {
                        hostileTimedOut.incrementAndGet();
                    }
                }
            });
            attackers.add(attacker);
        }
        Thread.sleep(Math.min(2_000, duration.toMillis() / 10)); // the attack is under way before measuring
        AtomicLong ordinaryFailures = new AtomicLong();
        List<Double> ordinary = ordinaryFor(Duration.ofNanos(Math.max(0, end - System.nanoTime())), ordinaryFailures);
        for (Thread attacker : attackers) {
            attacker.join();
        }
        return new Result(connections, duration.toMillis() / 1000.0, percentile(baseline, 50),
                percentile(ordinary, 50), percentile(ordinary, 95), ordinary.size(), ordinaryFailures.get(),
                hostileCount.get(), hostileFailures.get(), hostileTimedOut.get(), percentile(hostileLatencies, 50));
    }

    private List<Double> ordinaryFor(Duration duration, AtomicLong failures) {
        List<Double> latencies = new ArrayList<>();
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            long start = System.nanoTime();
            HttpResponse<String> response = get(ORDINARY);
            latencies.add((System.nanoTime() - start) / 1e6);
            if (response == null || response.statusCode() != 200) {
                failures.incrementAndGet();
            }
        }
        return latencies;
    }

    private HttpResponse<String> get(String path) {
        try {
            return client.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    static double percentile(List<Double> values, int percent) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }

    /** Words joined by the separator up to the 1,000-character limit of q. */
    private static String fill(java.util.function.Supplier<String> word, String separator) {
        StringBuilder query = new StringBuilder(word.get());
        while (true) {
            String next = separator + word.get();
            if (query.length() + next.length() > 1_000) {
                return query.toString();
            }
            query.append(next);
        }
    }

    /** A katakana word no article holds, so that did-you-mean looks each one up. */
    private static String katakanaWord(Random random) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < 4 + random.nextInt(3); i++) {
            word.append((char) ('ァ' + random.nextInt(86)));
        }
        return word.toString();
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
