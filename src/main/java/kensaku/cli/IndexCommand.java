package kensaku.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import kensaku.analysis.AnalysisConfig;
import kensaku.analysis.JapaneseAnalyzers;
import kensaku.corpus.ArticleReader;
import kensaku.corpus.Problem;
import kensaku.index.IndexDirectory;
import kensaku.index.IndexReport;
import kensaku.index.Indexer;
import kensaku.index.Schema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Offline reindex: builds a new index beside the live one and switches atomically. */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = {"Index a corpus folder into a new index generation and switch to it atomically.",
                "Drafts, published: false, opted-out and expired articles are left out; scheduled ones are indexed",
                "and appear at their publish time. None of these is a failure.",
                "Exit status: 0 all files indexed or left out; 1 some files failed (the rest were indexed and",
                "switched); 2 nothing switched (the previous index keeps serving)."})
public final class IndexCommand implements Callable<Integer> {
    @Option(names = "--corpus", defaultValue = "corpus", description = "Corpus folder (default: ${DEFAULT-VALUE}).")
    Path corpus;

    @Option(names = "--threads", description = "Worker threads (default: number of cores).")
    Integer threads;

    @Option(names = "--full", description = "Rebuild from scratch instead of reusing unchanged articles.")
    boolean full;

    @Option(names = "--target", defaultValue = "embedded",
            description = "embedded: the index folder; opensearch: a new index in the cluster at --url, then the alias moves.")
    String target;

    @Option(names = "--shards", defaultValue = "2", description = "Primary shards of a cluster index (default: ${DEFAULT-VALUE}).")
    int shards;

    @Option(names = "--replicas", defaultValue = "1", description = "Replicas of each cluster shard (default: ${DEFAULT-VALUE}).")
    int replicas;

    @Option(names = "--include-drafts",
            description = "Preview build: index drafts and published: false posts too, marked as drafts; only a server "
                    + "started with --include-drafts shows them.")
    boolean includeDrafts;

    @Option(names = "--include-future",
            description = "Accepted beside serve --include-future: scheduled articles are always indexed (hidden until "
                    + "their publish time by every server that is not a preview).")
    boolean includeFuture;

    @Option(names = {"-v", "--verbose"}, description = "List every draft, unpublished, opted-out, expired and scheduled file, and the entries skipped because they are not regular files.")
    boolean verbose;

    @Mixin
    CommonOptions common;

    @Mixin
    ConfigOption config;

    @Mixin
    ClusterOptions cluster;

    @Override
    public Integer call() {
        if ("opensearch".equals(target)) {
            return ClusterIndexRun.run(corpus, common, cluster, shards, replicas, includeDrafts, verbose, System.out,
                    System.err);
        }
        if (!"embedded".equals(target)) {
            System.err.println("--target must be embedded or opensearch, not " + target);
            return 2;
        }
        return run(corpus, common, threads == null ? Runtime.getRuntime().availableProcessors() : threads, full,
                includeDrafts, verbose, System.out, System.err);
    }

    static int run(Path corpus, CommonOptions common, int threads, boolean full, boolean includeDrafts, boolean verbose,
                   PrintStream out, PrintStream err) {
        try {
            AnalysisConfig analysis = common.analysisConfig();
            Schema schema = new Schema(common.zone);
            try (JapaneseAnalyzers analyzers = new JapaneseAnalyzers(analysis)) {
                Indexer indexer = new Indexer(schema, analyzers, analysis.gazetteer(), new ArticleReader(common.zone),
                        threads, includeDrafts);
                IndexReport report;
                try (ProgressDisplay progress = ProgressDisplay.forConsole(err)) {
                    report = indexer.build(corpus, new IndexDirectory(common.index), progress, full);
                }
                printSummary(report, verbose, common, out);
                return report.failed().isEmpty() && report.stale().isEmpty() ? 0 : 1;
            }
        } catch (Exception e) {
            err.println("index failed: " + e.getMessage());
            return 2;
        }
    }

    private static void printSummary(IndexReport report, boolean verbose, CommonOptions common, PrintStream out) {
        for (Problem problem : report.failed()) {
            out.printf(Locale.ROOT, "FAILED  %s: %s%n", problem.id(), problem.reason());
        }
        for (Problem problem : report.stale()) {
            out.printf(Locale.ROOT, "STALE   %s: %s (its last good version stays searchable)%n", problem.id(), problem.reason());
        }
        out.printf(Locale.ROOT, "mode         %s%n", report.incremental() ? "incremental"
                : report.analysisChanged().isEmpty() ? "full"
                : "full (analysis changed: " + String.join(", ", report.analysisChanged()) + ")");
        out.printf(Locale.ROOT, "files read   %,d%n", report.filesRead());
        out.printf(Locale.ROOT, "indexed      %,d (new or changed)%n", report.indexed());
        out.printf(Locale.ROOT, "skipped      %,d (unchanged)%n", report.unchanged());
        out.printf(Locale.ROOT, "deleted      %,d (file removed)%n", report.deleted());
        out.printf(Locale.ROOT, "failed       %,d%n", report.failed().size());
        out.printf(Locale.ROOT, "not files    %,d (symbolic links, FIFOs, folders named like articles%s)%n",
                report.notFiles().size(), verbose || report.notFiles().isEmpty() ? "" : "; --verbose lists them");
        if (verbose) {
            for (Problem skipped : report.notFiles()) {
                out.printf(Locale.ROOT, "SKIPPED %s: %s%n", skipped.id(), skipped.reason());
            }
        }
        out.printf(Locale.ROOT, "stale        %,d%n", report.stale().size());
        WithheldSummary.print(report.withheld(), report.includesDrafts(), verbose, common.zone, out);
        out.printf(Locale.ROOT, "articles     %,d in the live index%n", report.documents());
        out.printf(Locale.ROOT, "companies    %,d distinct (%s)%n", report.companyMentions().size(), topCompanies(report));
        out.printf(Locale.ROOT, "time         %.2f s%n", report.elapsed().toMillis() / 1000.0);
        out.printf(Locale.ROOT, "throughput   %.1f articles/s, %.2f MB/s%n", report.articlesPerSecond(), report.megabytesPerSecond());
        out.printf(Locale.ROOT, "live index   %s%n", report.generation());
    }

    private static String topCompanies(IndexReport report) {
        return report.companyMentions().entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(8)
                .map(e -> e.getKey() + " " + e.getValue())
                .reduce((a, b) -> a + ", " + b)
                .orElse("none");
    }
}
