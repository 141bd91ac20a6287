package kensaku.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import kensaku.http.SearchParams;
import kensaku.search.SearchBackend;
import kensaku.search.SearchRequest;
import kensaku.search.SearchResponse;

/**
 * The CPU one thread spends on each search of the mix, in-process (no HTTP, no load generator), for comparing
 * two builds of the search path on a noisy machine: the figure is the best of several passes over the whole mix,
 * each timed with the thread's CPU clock, which a neighbour's load disturbs far less than wall time.
 */
public final class QueryCpu {
    private final SearchBackend search;
    private final List<QueryMix.Query> queries;

    public QueryCpu(SearchBackend search, QueryMix mix) {
        this.search = search;
        this.queries = mix.queries().stream().filter(q -> !q.isSuggest()).toList();
    }

    /** Per-category mean and the best pass's mean, in ms of CPU per search, after {@code warmUp} untimed passes. */
    public Result run(int warmUp, int passes) throws IOException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<SearchRequest> requests = queries.stream().map(QueryCpu::request).toList();
        Map<String, long[]> byCategory = new LinkedHashMap<>();
        long[] byQuery = new long[requests.size()];
        long[] answers = new long[requests.size()];
        int changed = 0;
        int timedOut = 0;
        long best = Long.MAX_VALUE;
        long allocatedBefore = -1;
        for (int pass = -warmUp; pass < passes; pass++) {
            if (pass == 0) {
                allocatedBefore = allocatedBytes(threads);
            }
            long passStart = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < requests.size(); i++) {
                long start = threads.getCurrentThreadCpuTime();
                SearchResponse response = search.search(requests.get(i));
                long used = threads.getCurrentThreadCpuTime() - start;
                long answer = checksum(response);
                // Cold passes may run out of the search's time budget on a busy machine (a different, timed-out
                // answer); the checksum is of the last pass, and timed passes are compared with each other.
                if (pass > 0 && answers[i] != answer) {
                    changed++;
                }
                if (pass >= 0 && response.timedOut()) {
                    timedOut++;
                }
                answers[i] = answer;
                if (pass >= 0) {
                    byQuery[i] += used;
                    long[] sum = byCategory.computeIfAbsent(queries.get(i).category(), k -> new long[2]);
                    sum[0] += used;
                    sum[1]++;
                }
            }
            if (pass >= 0) {
                best = Math.min(best, threads.getCurrentThreadCpuTime() - passStart);
            }
        }
        Map<String, Double> means = new LinkedHashMap<>();
        byCategory.forEach((category, sum) -> means.put(category, sum[0] / 1e6 / sum[1]));
        List<QueryCost> costs = new ArrayList<>();
        for (int i = 0; i < byQuery.length; i++) {
            costs.add(new QueryCost(queries.get(i).toString(), byQuery[i] / 1e6 / Math.max(1, passes), answers[i]));
        }
        costs.sort(Comparator.comparingDouble(QueryCost::meanMillis).reversed());
        long allocated = allocatedBefore < 0 ? -1 : allocatedBytes(threads) - allocatedBefore;
        double allocatedPerSearch = allocated < 0 || passes == 0 ? -1 : (double) allocated / passes / requests.size();
        CRC32 all = new CRC32();
        for (long answer : answers) {
            all.update(Long.toString(answer).getBytes(StandardCharsets.US_ASCII));
        }
        return new Result(best / 1e6 / requests.size(), means, costs, allocatedPerSearch, passes, all.getValue(),
                changed, timedOut);
    }

    /**
     * CRC-32 of everything an answer says but the time it took: total, page, every hit's fields (score and
     * highlighted markup included), facets, did-you-mean, ignored words, the reading or romaji searched. Two builds that answer alike print the same
     * sum, so an A/B of the search path proves its answers did not change while it measures the CPU.
     */
    static long checksum(SearchResponse response) {
        SearchResponse untimed = new SearchResponse(response.total(), 0, response.timedOut(), response.page(),
                response.size(), response.hits(), response.facets(), response.didYouMean(), response.ignoredWords(),
                response.interpretedAs());
        CRC32 crc = new CRC32();
        crc.update(untimed.toString().getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    /** Heap bytes this thread has allocated so far, or -1 where the JVM does not say. */
    private static long allocatedBytes(ThreadMXBean threads) {
        return threads instanceof com.sun.management.ThreadMXBean counting
                ? counting.getCurrentThreadAllocatedBytes() : -1;
    }

    /** One search of the mix, its mean CPU over the timed passes and its answer's checksum. */
    public record QueryCost(String query, double meanMillis, long answerChecksum) {}

    /** The heaviest searches first, since they are what a latency tail is made of. */
    /**
     * @param answersChecksum CRC-32 over every search's answer checksum in mix order, from the last pass
     * @param answersChanged  answers of a timed pass that differed from the pass before (0 on a stable index)
     * @param answersTimedOut answers of the timed passes that ran out of the search's time budget (they differ)
     */
    public record Result(double bestPassMillis, Map<String, Double> categoryMeanMillis, List<QueryCost> byQuery,
                         double allocatedBytesPerSearch, int passes, long answersChecksum, int answersChanged,
                         int answersTimedOut) {
        public void print(PrintStream out, boolean perQuery) {
            out.printf(Locale.ROOT, "CPU per search, best of %d passes over the mix: %.2f ms%n", passes, bestPassMillis);
            out.printf(Locale.ROOT, "Answers checksum (CRC-32, every field but took_ms): %08x; %d answers changed between "
                    + "timed passes, %d timed out%n", answersChecksum, answersChanged, answersTimedOut);
            if (allocatedBytesPerSearch >= 0) {
                out.printf(Locale.ROOT, "Heap allocated per search (mean): %.0f KB%n", allocatedBytesPerSearch / 1024);
            }
            categoryMeanMillis.forEach((category, millis) ->
                    out.printf(Locale.ROOT, "  %-18s %6.2f ms (mean)%n", category, millis));
            if (perQuery) {
                out.println("Each search, heaviest first (mean over the timed passes, answer checksum):");
                byQuery.forEach(cost -> out.printf(Locale.ROOT, "  %6.2f ms  %08x  %s%n", cost.meanMillis(),
                        cost.answerChecksum(), cost.query()));
            }
        }
    }

    /** A search of the mix as the HTTP API would read it. */
    public static SearchRequest request(QueryMix.Query query) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        query.params().forEach(e -> params.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return SearchParams.read(params);
    }
}
