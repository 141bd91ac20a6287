package kensaku.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import kensaku.analysis.AnalysisConfig;
import kensaku.corpus.ArticleReader;
import kensaku.corpus.Problem;
import kensaku.index.Schema;
import kensaku.opensearch.ClusterClient;
import kensaku.opensearch.ClusterIndexReport;
import kensaku.opensearch.ClusterIndexer;
import kensaku.opensearch.ClusterSchema;

/** {@code index --target opensearch}: the corpus into a new cluster index, then the alias switch. */
final class ClusterIndexRun {
    private ClusterIndexRun() {}

    static int run(Path corpus, CommonOptions common, ClusterOptions cluster, int shards, int replicas,
                   boolean includeDrafts, boolean verbose, PrintStream out, PrintStream err) {
        try (ClusterClient client = cluster.client()) {
            AnalysisConfig analysis = common.analysisConfig();
            ClusterIndexer indexer = new ClusterIndexer(client, new ClusterSchema(new Schema(common.zone), analysis),
                    analysis.gazetteer(), new ArticleReader(common.zone), includeDrafts);
            ClusterIndexReport report;
            try (ProgressDisplay progress = ProgressDisplay.forConsole(err)) {
                report = indexer.build(corpus, new ClusterIndexer.Layout(cluster.alias, shards, replicas), progress);
            }
            for (Problem problem : report.failed()) {
                out.printf(Locale.ROOT, "FAILED  %s: %s%n", problem.id(), problem.reason());
            }
            out.printf(Locale.ROOT, "mode         full (cluster)%n");
            out.printf(Locale.ROOT, "files read   %,d%n", report.filesRead());
            out.printf(Locale.ROOT, "indexed      %,d%n", report.indexed());
            out.printf(Locale.ROOT, "failed       %,d%n", report.failed().size());
            WithheldSummary.print(report.withheld(), report.includesDrafts(), verbose, common.zone, out);
            out.printf(Locale.ROOT, "articles     %,d in %s%n", report.documents(), report.index());
            out.printf(Locale.ROOT, "companies    %,d distinct (%s)%n", report.companyMentions().size(), top(report.companyMentions()));
            out.printf(Locale.ROOT, "time         %.2f s%n", report.elapsed().toMillis() / 1000.0);
            out.printf(Locale.ROOT, "throughput   %.1f articles/s%n", report.articlesPerSecond());
            out.printf(Locale.ROOT, "alias        %s → %s (previous: %s; removed: %s)%n", report.alias(), report.index(),
                    report.previous() == null ? "none" : report.previous(),
                    report.removed().isEmpty() ? "none" : String.join(", ", report.removed()));
            return report.failed().isEmpty() ? 0 : 1;
        } catch (Exception e) {
            err.println("index failed: " + e.getMessage());
            return 2;
        }
    }

    private static String top(Map<String, Integer> mentions) {
        return mentions.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(8).map(e -> e.getKey() + " " + e.getValue()).reduce((a, b) -> a + ", " + b).orElse("none");
    }
}
