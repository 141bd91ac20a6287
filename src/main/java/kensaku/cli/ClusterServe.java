package kensaku.cli;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import kensaku.analysis.AnalysisFingerprint;
import kensaku.analysis.AnalysisFolder;
import kensaku.analysis.InvalidAnalysisFileException;
import kensaku.analysis.JapaneseAnalyzers;
import kensaku.analysis.ReadingDictionary;
import kensaku.analytics.Analytics;
import kensaku.corpus.SiteUrls;
import kensaku.http.ServerConfig;
import kensaku.index.Schema;
import kensaku.metrics.ServerMetrics;
import kensaku.opensearch.ClusterAnalysis;
import kensaku.opensearch.ClusterClient;
import kensaku.opensearch.ClusterSchema;
import kensaku.opensearch.OpenSearchBackend;
import kensaku.search.IndexInfo;
import kensaku.search.reload.AnalysisReload;

/** {@code serve --backend opensearch}: the index there is built and switched by {@code index --target opensearch}. */
final class ClusterServe {
    private final ServeCommand command;

    ClusterServe(ServeCommand command) {
        this.command = command;
    }

    /** Serves from the cluster until the process stops; 2 when it cannot (the reason on stderr). */
    int serve(SiteUrls siteUrls, ServerConfig serverConfig) throws Exception {
        AnalysisFolder analysisFolder = command.common.analysisFolder();
        JapaneseAnalyzers analyzers;
        try {
            analyzers = new JapaneseAnalyzers(analysisFolder.load());
        } catch (InvalidAnalysisFileException | IOException e) {
            System.err.println("kensaku serve: " + e.getMessage());
            return 2;
        }
        Schema schema = new Schema(command.common.zone);
        try (ClusterClient client = command.cluster.client();
             AnalysisReload search = new AnalysisReload(analysisFolder, analyzers,
                     now -> new OpenSearchBackend(client, command.cluster.alias, schema, now, now.config().gazetteer(),
                             siteUrls, command.visibility()),
                     new AnalysisReload.ServedIndex() {
                         @Override
                         public String generation() throws IOException {
                             return ClusterSchema.indexBehind(client, command.cluster.alias);
                         }

                         @Override
                         public AnalysisFingerprint fingerprint(String generation) throws IOException {
                             return ClusterSchema.indexedAnalysis(client, generation);
                         }
                     },
                     Duration.ofMillis(command.analysisPollMillis),
                     now -> ClusterAnalysis.push(client, command.cluster.alias, now));
             ServerMetrics metrics = new ServerMetrics();
             Analytics analytics = command.openAnalytics(metrics)) {
            IndexInfo info;
            try {
                info = ((OpenSearchBackend) search.serving()).checkCompatible();
            } catch (IOException e) {
                System.err.println("cannot serve from the cluster: " + e.getMessage());
                return 2;
            }
            // The folder may have changed since the cluster index was built: its query-time part applies now.
            ClusterAnalysis.push(client, command.cluster.alias, search.config());
            metrics.watch(search, null);
            String serving = String.format(Locale.ROOT, "%,d articles from %s (alias %s)",
                    info.documents(), info.generation(), command.cluster.alias);
            command.serveUntilStopped(search, serverConfig, metrics, analytics, serving, ReadingDictionary::loadSoon);
        }
        return 0;
    }
}
