package kensaku.bench.jmh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kensaku.analysis.CompanyGazetteer;
import kensaku.analysis.JapaneseAnalyzers;
import kensaku.bench.QueryCpu;
import kensaku.bench.QueryMix;
import kensaku.index.IndexDirectory;
import kensaku.index.Schema;
import kensaku.search.lucene.LiveIndex;
import kensaku.search.SearchRequest;
import kensaku.search.SearchResponse;
import kensaku.search.lucene.SearchService;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One search of the benchmark mix, in-process, under JMH: what {@code query-cpu} measures, with JMH's forks,
 * warm-up and error bars, for an A/B of two builds of the search path on one index. Each operation is the next
 * search of the mix (or of one category), round robin. Run it with {@code bin/kensaku bench-micro}
 * (docs/BENCHMARKS.md), on an index built by {@code bench}: {@code -p index=/tmp/bench-10k/kensaku-index}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
// The JVM serve runs in (bin/kensaku): the vectorised postings decoder and the parallel collector; these replace the
// launching JVM's options (bin/kensaku gives the benchmark tools G1, and a JVM refuses two collectors).
@Fork(value = 2, jvmArgs = {"--enable-native-access=ALL-UNNAMED", "--add-modules", "jdk.incubator.vector",
        "-XX:+UseParallelGC", "-Xmx1g"})
public class SearchBenchmark {
    /** An index folder, as {@code index} or {@code bench} writes it. */
    @Param("/tmp/bench-10k/kensaku-index")
    public String index;

    /** A category of the mix ({@code one-word}, {@code facets}, …), or {@code all}. */
    @Param("all")
    public String category;

    private JapaneseAnalyzers analyzers;
    private LiveIndex live;
    private SearchService search;
    private SearchRequest[] requests;
    private int next;

    @Setup(Level.Trial)
    public void open() throws IOException {
        Path folder = Path.of(index);
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("no index at " + folder + "; build one (bin/kensaku bench or index) and pass -p index=DIR");
        }
        CompanyGazetteer gazetteer = CompanyGazetteer.builtIn();
        Schema schema = new Schema(ZoneId.of("Asia/Tokyo"));
        analyzers = new JapaneseAnalyzers(gazetteer);
        live = new LiveIndex(new IndexDirectory(folder), schema, Duration.ofDays(1));
        search = new SearchService(live, schema, analyzers, gazetteer);
        List<QueryMix.Query> queries = QueryMix.builtIn().queries().stream().filter(q -> !q.isSuggest())
                .filter(q -> category.equals("all") || q.category().equals(category)).toList();
        if (queries.isEmpty()) {
            throw new IllegalArgumentException("no search of category " + category + " in the mix");
        }
        requests = queries.stream().map(QueryCpu::request).toArray(SearchRequest[]::new);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        live.close();
        analyzers.close();
    }

    @Benchmark
    public SearchResponse search() throws IOException {
        SearchRequest request = requests[next];
        next = next + 1 == requests.length ? 0 : next + 1;
        return search.search(request);
    }
}
