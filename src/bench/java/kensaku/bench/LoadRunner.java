package kensaku.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

/**
 * Sends the query mix to an engine from N client threads, each with its own HTTP/1.1 connection, and measures
 * every request end to end (send to last body byte). Loops are bounded by a request count and a time limit.
 * Each query's answer ids are checksummed; an answer that differs from the first one seen for that query is
 * counted as a mismatch.
 */
final class LoadRunner {
    private final Engine engine;
    private final QueryMix mix;
    private final List<java.net.URI> uris;
    private final Map<Integer, Long> checksums = new ConcurrentHashMap<>();
    private final AtomicLong mismatches = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final Map<Integer, String> firstError = new ConcurrentHashMap<>();

    LoadRunner(Engine engine, QueryMix mix) {
        this.engine = engine;
        this.mix = mix;
        this.uris = mix.queries().stream().map(engine::uri).toList();
    }

    /**
     * The outcome of one level of concurrency. The CPU figures are the server process's and this process's (the
     * load generator's) over the level, or -1 when not measured: per query, they compare engines with far less
     * noise from a neighbour than throughput does, and show what the load generator takes from the shared cores.
     * The server's JIT compiler CPU (-1 for a server that has none) says whether the level ran compiled code.
     */
    record Level(int clients, long requests, double seconds, long errors, long mismatches,
                 long[] latencyNanos, Map<String, long[]> latencyNanosByCategory,
                 long serverCpuNanos, long clientCpuNanos, long compilerCpuNanos) {
        double throughput() {
            return requests / seconds;
        }

        Level withCpu(long serverCpu, long clientCpu, long compilerCpu) {
            return new Level(clients, requests, seconds, errors, mismatches, latencyNanos, latencyNanosByCategory,
                    serverCpu, clientCpu, compilerCpu);
        }

        /** The JIT compiler's part of the server's CPU over the level, in percent; NaN when not measured. */
        double compilerPercentOfServerCpu() {
            return compilerCpuNanos < 0 || serverCpuNanos <= 0 ? Double.NaN : 100.0 * compilerCpuNanos / serverCpuNanos;
        }

        double serverCpuMillisPerQuery() {
            return serverCpuNanos < 0 || requests == 0 ? Double.NaN : serverCpuNanos / 1e6 / requests;
        }

        double clientCpuMillisPerQuery() {
            return clientCpuNanos < 0 || requests == 0 ? Double.NaN : clientCpuNanos / 1e6 / requests;
        }

        /** Several rounds of one level as one: requests and time added, latencies pooled. */
        static Level combine(List<Level> rounds) {
            long requests = 0;
            double seconds = 0;
            long errors = 0;
            long mismatches = 0;
            long serverCpu = 0;
            long clientCpu = 0;
            long compilerCpu = 0;
            List<long[]> all = new ArrayList<>();
            Map<String, List<long[]>> byCategory = new HashMap<>();
            for (Level level : rounds) {
                requests += level.requests();
                seconds += level.seconds();
                errors += level.errors();
                mismatches += level.mismatches();
                serverCpu = serverCpu < 0 || level.serverCpuNanos() < 0 ? -1 : serverCpu + level.serverCpuNanos();
                clientCpu = clientCpu < 0 || level.clientCpuNanos() < 0 ? -1 : clientCpu + level.clientCpuNanos();
                compilerCpu = compilerCpu < 0 || level.compilerCpuNanos() < 0 ? -1 : compilerCpu + level.compilerCpuNanos();
                all.add(level.latencyNanos());
                level.latencyNanosByCategory().forEach((c, v) -> byCategory.computeIfAbsent(c, k -> new ArrayList<>()).add(v));
            }
            Map<String, long[]> pooled = new HashMap<>();
            byCategory.forEach((c, parts) -> pooled.put(c, pool(parts)));
            return new Level(rounds.get(0).clients(), requests, seconds, errors, mismatches, pool(all), pooled,
                    serverCpu, clientCpu, compilerCpu);
        }

        private static long[] pool(List<long[]> parts) {
            long[] values = parts.stream().flatMapToLong(Arrays::stream).toArray();
            Arrays.sort(values);
            return values;
        }

        double percentileMillis(double p) {
            return percentile(latencyNanos, p);
        }

        static double percentile(long[] sorted, double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
        }
    }

    /** Every query once per client, answers checksummed, nothing measured. */
    void warmUp(int clients, Duration atMost) throws Exception {
        run(clients, Integer.MAX_VALUE, atMost, false);
    }

    Level measure(int clients, int maxRequests, Duration atMost) throws Exception {
        return run(clients, maxRequests, atMost, true);
    }

    private Level run(int clients, int maxRequests, Duration atMost, boolean timed) throws Exception {
        long errorsBefore = errors.get();
        long mismatchesBefore = mismatches.get();
        int perClient = timed ? Math.max(1, maxRequests / clients) : mix.queries().size() * 2;
        long deadline = System.nanoTime() + atMost.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Sample>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int offset = c * mix.queries().size() / clients;
            futures.add(pool.submit(() -> client(offset, perClient, deadline)));
        }
        List<Sample> samples = new ArrayList<>();
        for (Future<Sample> future : futures) {
            samples.add(future.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        int total = samples.stream().mapToInt(s -> s.count).sum();
        long[] all = new long[total];
        Map<String, List<Long>> byCategory = new HashMap<>();
        int at = 0;
        for (Sample sample : samples) {
            for (int i = 0; i < sample.count; i++) {
                all[at++] = sample.nanos[i];
                byCategory.computeIfAbsent(mix.queries().get(sample.query[i]).category(), k -> new ArrayList<>())
                        .add(sample.nanos[i]);
            }
        }
        Arrays.sort(all);
        Map<String, long[]> sortedByCategory = new HashMap<>();
        byCategory.forEach((category, list) -> {
            long[] values = list.stream().mapToLong(Long::longValue).sorted().toArray();
            sortedByCategory.put(category, values);
        });
        return new Level(clients, total, seconds, errors.get() - errorsBefore, mismatches.get() - mismatchesBefore,
                all, sortedByCategory, -1, -1, -1);
    }

    private static final class Sample {
        final long[] nanos;
        final int[] query;
        int count;

        Sample(int capacity) {
            nanos = new long[capacity];
            query = new int[capacity];
        }
    }

    private Sample client(int offset, int requests, long deadline) throws IOException {
        Sample sample = new Sample(Math.min(requests, 1_000_000));
        try (CloseableHttpClient http = oneConnectionClient()) {
            for (int i = 0; i < sample.nanos.length && System.nanoTime() < deadline; i++) {
                int q = (offset + i) % uris.size();
                long t0 = System.nanoTime();
                Answer answer = http.execute(new HttpGet(uris.get(q)),
                        response -> new Answer(response.getCode(), EntityUtils.toByteArray(response.getEntity())));
                long nanos = System.nanoTime() - t0;
                sample.nanos[sample.count] = nanos;
                sample.query[sample.count] = q;
                sample.count++;
                check(q, answer);
            }
        }
        return sample;
    }

    /**
     * A blocking client on one kept-alive connection, nothing added to the request (no compression, cookies,
     * redirects or retries). Blocking, because the load generator shares the cores with the servers: the JDK's
     * asynchronous client cost about 1.4 ms of CPU per request here, charged to whichever engine answered fastest.
     */
    private static CloseableHttpClient oneConnectionClient() {
        ConnectionConfig connection = ConnectionConfig.custom().setConnectTimeout(Timeout.ofSeconds(5))
                .setSocketTimeout(Timeout.ofSeconds(30)).build();
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(1).setMaxConnPerRoute(1).setDefaultConnectionConfig(connection).build())
                .disableContentCompression().disableCookieManagement().disableRedirectHandling()
                .disableAutomaticRetries().build();
    }

    private record Answer(int status, byte[] body) {}

    private void check(int q, Answer answer) {
        if (answer.status() != 200) {
            errors.incrementAndGet();
            String body = new String(answer.body(), StandardCharsets.UTF_8);
            firstError.putIfAbsent(q, answer.status() + " " + body.substring(0, Math.min(300, body.length())));
            return;
        }
        try {
            long sum = checksum(engine.ids(mix.queries().get(q), answer.body()));
            Long first = checksums.putIfAbsent(q, sum);
            if (first != null && first != sum) {
                mismatches.incrementAndGet();
            }
        } catch (IOException | RuntimeException e) {
            errors.incrementAndGet();
            firstError.putIfAbsent(q, e.getMessage());
        }
    }

    static long checksum(List<String> ids) {
        CRC32 crc = new CRC32();
        for (String id : ids) {
            crc.update(id.getBytes(StandardCharsets.UTF_8));
            crc.update('\n');
        }
        return crc.getValue();
    }

    /** The checksum of each query's answer, in mix order (0 when it never answered). */
    long[] checksums() {
        long[] sums = new long[mix.queries().size()];
        for (int i = 0; i < sums.length; i++) {
            sums[i] = checksums.getOrDefault(i, 0L);
        }
        return sums;
    }

    Map<Integer, String> firstErrors() {
        return Map.copyOf(firstError);
    }
}
