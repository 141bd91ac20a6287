package kensaku.bench.cli;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import kensaku.bench.AnalyticsCost;
import kensaku.bench.BenchDriver;
import kensaku.bench.BenchReport;
import kensaku.bench.QueryMix;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the benchmark (kensaku, and Groonga when it is on the PATH) and prints a Markdown report. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmark indexing, serving and queries over HTTP on a corpus, beside Groonga when `groonga` "
                + "is on the PATH (nothing is installed). Servers run as separate processes on 127.0.0.1.",
                "The report (Markdown) goes to stdout and to --report; progress to stderr."})
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--corpus", required = true, description = "Corpus folder (e.g. from gen-corpus).")
    Path corpus;

    @Option(names = "--work", required = true, description = "Folder for indexes, databases and logs (outside the repo).")
    Path work;

    @Option(names = "--queries", description = "Query file (category<TAB>params); default: the built-in mix.")
    Path queries;

    @Option(names = "--clients", split = ",", defaultValue = "1,4,16", description = "Concurrency levels (default: ${DEFAULT-VALUE}).")
    List<Integer> clients;

    @Option(names = "--warmup-seconds", defaultValue = "15", description = "Warm-up per engine (default: ${DEFAULT-VALUE}).")
    int warmupSeconds;

    @Option(names = "--warmup-max-seconds", defaultValue = "120", description = "After the warm-up, at most this much more for kensaku's JIT compiler to settle (under 2%% of its CPU over 5 s) (default: ${DEFAULT-VALUE}).")
    int warmupMaxSeconds;

    @Option(names = "--seconds", defaultValue = "30", description = "Time limit per level (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--rounds", defaultValue = "2", description = "Rounds per level, engines taking turns; --seconds and --max-requests are split over them (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--max-requests", defaultValue = "20000", description = "Request limit per level (default: ${DEFAULT-VALUE}).")
    int maxRequests;

    @Option(names = "--groonga", defaultValue = "auto", description = "auto: run Groonga when on the PATH; off: skip it.")
    String groonga;

    @Option(names = "--groonga-threads", defaultValue = "2", description = "groonga -t (default: ${DEFAULT-VALUE}, the cores here).")
    int groongaThreads;

    @Option(names = "--server-heap", defaultValue = "1g", description = "kensaku serve -Xmx (default: ${DEFAULT-VALUE}).")
    String serverHeap;

    @Option(names = "--server-jvm-option", description = "Extra JVM option for kensaku serve, e.g. -XX:StartFlightRecording=... (repeatable).")
    List<String> serverJvmOptions = List.of();

    @Option(names = "--changed-percent", defaultValue = "1", description = "Files changed for the incremental reindex; 0 skips it (default: ${DEFAULT-VALUE}).")
    double changedPercent;

    @Option(names = "--zone", defaultValue = "Asia/Tokyo", description = "Display zone (default: ${DEFAULT-VALUE}).")
    ZoneId zone;

    @Option(names = "--reuse-index", description = "Serve the kensaku index and Groonga database already in --work instead of building them (no indexing figures).")
    boolean reuseIndex;

    @Option(names = "--report", description = "Also write the Markdown report to this file.")
    Path report;

    /**
     * What kensaku's own JVMs (index, serve) run: the product jar alone when this runs from the built jars (so the
     * servers measured are exactly what ships, without the benchmark's classes), else this JVM's class path (tests).
     */
    static String productClasspath() throws URISyntaxException {
        CodeSource product = kensaku.cli.Main.class.getProtectionDomain().getCodeSource();
        if (product != null && product.getLocation() != null) {
            Path location = Path.of(product.getLocation().toURI());
            if (Files.isRegularFile(location)) {
                return location.toString();
            }
        }
        return System.getProperty("java.class.path");
    }

    @Option(names = "--analytics-cost", description = "Measure only what search analytics cost: kensaku with analytics off and"
            + " on (every search committed), alternating rounds; Groonga and reindexing are skipped.")
    boolean analyticsCost;

    @Override
    public Integer call() throws Exception {
        QueryMix mix = queries == null ? QueryMix.builtIn() : QueryMix.load(queries);
        Path java = ProcessHandle.current().info().command().map(Path::of)
                .orElseThrow(() -> new IllegalStateException("cannot tell which java runs this process"));
        BenchDriver.Config config = new BenchDriver.Config(corpus.toAbsolutePath(), work.toAbsolutePath(), mix, clients,
                Duration.ofSeconds(warmupSeconds), Duration.ofSeconds(warmupMaxSeconds), Duration.ofSeconds(seconds), maxRequests, !"off".equals(groonga),
                groongaThreads, serverHeap, serverJvmOptions, zone, changedPercent / 100.0, java,
                productClasspath(), reuseIndex, Math.max(1, rounds));
        if (analyticsCost) {
            String markdown = AnalyticsCost.markdown(new BenchDriver(config, System.err).analyticsCost());
            System.out.print(markdown);
            if (report != null) {
                Files.writeString(report, markdown, StandardCharsets.UTF_8);
            }
            return 0;
        }
        BenchDriver.Result result = new BenchDriver(config, System.err).run();
        String markdown = BenchReport.markdown(result);
        System.out.print(markdown);
        if (report != null) {
            Files.writeString(report, markdown, StandardCharsets.UTF_8);
        }
        return 0;
    }
}
