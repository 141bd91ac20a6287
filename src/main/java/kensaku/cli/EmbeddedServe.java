package kensaku.cli;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import kensaku.analysis.AnalysisFingerprint;
import kensaku.analysis.AnalysisFolder;
import kensaku.analysis.CompanyGazetteer;
import kensaku.analysis.InvalidAnalysisFileException;
import kensaku.analysis.JapaneseAnalyzers;
import kensaku.analysis.ReadingDictionary;
import kensaku.analytics.Analytics;
import kensaku.corpus.SiteUrls;
import kensaku.http.AccessLog;
import kensaku.http.ServerConfig;
import kensaku.index.IndexDirectory;
import kensaku.index.IndexedAnalysis;
import kensaku.index.Schema;
import kensaku.metrics.ServerMetrics;
import kensaku.search.IncompatibleIndexException;
import kensaku.search.SearchLoad;
import kensaku.search.lucene.LiveIndex;
import kensaku.search.lucene.SearchService;
import kensaku.search.reload.AnalysisReload;

/**
 * {@code serve} from the index folder: opens the live index (building it from the corpus first when there is none,
 * when it was built by another schema version, or for a drafts preview) while Kuromoji's dictionaries load on the
 * other core, then serves it with the analysis folder watched for changes.
 */
final class EmbeddedServe {
    private final ServeCommand command;

    EmbeddedServe(ServeCommand command) {
        this.command = command;
    }

    /** Serves until the process stops; 2 when there is nothing to serve (the reason on stderr). */
    int serve(SiteUrls siteUrls, ServerConfig serverConfig) throws Exception {
        IndexDirectory directory = new IndexDirectory(command.common.index);
        AnalysisFolder analysisFolder = command.common.analysisFolder();
        CompanyGazetteer gazetteer;
        try {
            gazetteer = analysisFolder.gazetteer();
        } catch (InvalidAnalysisFileException | IOException e) {
            System.err.println("kensaku serve: " + e.getMessage());
            return 2;
        }
        ServerMetrics metrics = new ServerMetrics();
        Schema schema = new Schema(command.common.zone);
        // Kuromoji's dictionaries load on the other core while the index opens: the two are most of start-up.
        CompletableFuture<JapaneseAnalyzers> loading = CompletableFuture.supplyAsync(() -> analyzersOf(analysisFolder));
        LiveIndex opened;
        try {
            opened = openOrBuild(directory, schema, gazetteer, metrics);
        } catch (IOException | RuntimeException e) {
            // A damaged or unreadable index: one line, never a stack trace.
            loading.thenAccept(JapaneseAnalyzers::close);
            metrics.close();
            System.err.println("kensaku serve: " + oneLine(e));
            return 2;
        } catch (Exception | Error e) {
            loading.thenAccept(JapaneseAnalyzers::close);
            metrics.close();
            throw e;
        }
        if (opened == null) {
            loading.thenAccept(JapaneseAnalyzers::close);
            metrics.close();
            return 2;
        }
        JapaneseAnalyzers analyzers;
        try {
            analyzers = loading.join();
        } catch (CompletionException e) {
            // A bad line in the analysis folder: file and line, nothing served.
            opened.close();
            metrics.close();
            System.err.println("kensaku serve: " + e.getCause().getMessage());
            return 2;
        }
        try (ServerMetrics closing = metrics;
             LiveIndex index = opened;
             AnalysisReload service = new AnalysisReload(analysisFolder, analyzers,
                     now -> new SearchService(index, schema, now, now.config().gazetteer(), siteUrls,
                             command.visibility()),
                     new AnalysisReload.ServedIndex() {
                         @Override
                         public String generation() {
                             return index.info().generation();
                         }

                         @Override
                         public AnalysisFingerprint fingerprint(String generation) throws IOException {
                             return IndexedAnalysis.of(directory.root().resolve(generation));
                         }
                     },
                     Duration.ofMillis(command.analysisPollMillis), now -> index.suggestWith(now.gazetteer()));
             Analytics analytics = command.openAnalytics(metrics)) {
            metrics.watch(service, loadOf(service));
            // Suggestions are ready a moment later, once start-up's first searches have had the cores.
            command.serveUntilStopped(service, serverConfig, metrics, analytics, String.format(Locale.ROOT,
                    "%,d articles", index.info().documents()), () -> {
                        index.prepareLater(Duration.ofSeconds(1));
                        ReadingDictionary.loadSoon();
                    });
        }
        return 0;
    }

    /**
     * The live index, built from the corpus first when there is none or when it was written by another schema
     * version (the corpus is at hand, so rebuild rather than refuse); null when that build switched nothing.
     */
    private LiveIndex openOrBuild(IndexDirectory directory, Schema schema, CompanyGazetteer gazetteer,
                                  ServerMetrics metrics) throws Exception {
        if (command.includeDrafts) {
            // A preview shows the drafts as they are now: bring the index up to date with them first.
            System.err.println("indexing " + command.corpus + " with its drafts for the preview");
            if (indexCorpus() == 2) {
                return null;
            }
        } else if (directory.live().isEmpty()) {
            System.err.println("no index at " + directory.root() + "; indexing " + command.corpus + " first");
            if (indexCorpus() == 2) {
                return null;
            }
        } else {
            try {
                return openVerified(directory, schema, gazetteer, metrics);
            } catch (IncompatibleIndexException e) {
                System.err.println("the index at " + directory.root() + " was built with another schema version; "
                        + "rebuilding it from " + command.corpus);
                if (indexCorpus() == 2) {
                    return null;
                }
            }
        }
        return openVerified(directory, schema, gazetteer, metrics);
    }

    private LiveIndex openVerified(IndexDirectory directory, Schema schema, CompanyGazetteer gazetteer,
            ServerMetrics metrics) throws IOException {
        return LiveIndex.verified(directory, schema, Duration.ofMillis(command.pollMillis), gazetteer, metrics,
                command.visibility(), command.verifyFirstMb * 1024 * 1024);
    }

    private int indexCorpus() throws Exception {
        // With JSON lines on stdout, the summary of this first build goes to stderr so that stdout stays parseable.
        return IndexCommand.run(command.corpus, command.common, Runtime.getRuntime().availableProcessors(), false,
                command.includeDrafts, false, command.logFormat == AccessLog.Format.JSON ? System.err : System.out,
                System.err);
    }

    /** The analysis folder's analyzers; a bad file fails with its file:line message. */
    private static JapaneseAnalyzers analyzersOf(AnalysisFolder folder) {
        try {
            return new JapaneseAnalyzers(folder.load());
        } catch (IOException | InvalidAnalysisFileException e) {
            throw new CompletionException(e);
        }
    }

    /** How busy the search service serving now is (it changes with each analysis switch). */
    private static SearchLoad loadOf(AnalysisReload reload) {
        return new SearchLoad() {
            @Override
            public int searchesRunning() {
                return reload.serving() instanceof SearchService service ? service.load().searchesRunning() : 0;
            }

            @Override
            public int searchesWaiting() {
                return reload.serving() instanceof SearchService service ? service.load().searchesWaiting() : 0;
            }
        };
    }

    private static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
