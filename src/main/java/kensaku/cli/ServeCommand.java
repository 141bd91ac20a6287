package kensaku.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import kensaku.analytics.Analytics;
import kensaku.corpus.SiteUrls;
import kensaku.http.AccessLog;
import kensaku.http.RequestListener;
import kensaku.http.SearchServer;
import kensaku.http.ServerConfig;
import kensaku.metrics.AdminServer;
import kensaku.metrics.MeteredBackend;
import kensaku.metrics.ServerMetrics;
import kensaku.search.SearchBackend;
import kensaku.search.Visibility;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Serves the search page and API: checks the options, then serves from the index folder ({@link EmbeddedServe},
 * which builds the index first when there is none) or from a cluster ({@link ClusterServe}); both serve through
 * {@link #serveUntilStopped}, with the admin listener and search analytics these options ask for.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the search page and HTTP API (indexing the corpus first if there is no index).")
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--corpus", defaultValue = "corpus", description = "Corpus folder (default: ${DEFAULT-VALUE}).")
    Path corpus;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Interface to bind (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "7070", description = "Port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--cors-origin", split = ",", description = "An origin whose pages may call the API from a browser, exactly as"
            + " https://www.example.com (comma-separated or repeated); * allows every origin.")
    List<String> corsOrigins = List.of();

    @Option(names = "--admin-port", paramLabel = "PORT",
            description = "Serve /metrics (Prometheus) on this port of --admin-host; off when not given, 0 for any free port.")
    Integer adminPort;

    @Option(names = "--admin-host", defaultValue = "127.0.0.1",
            description = "Interface of the admin listener (default: ${DEFAULT-VALUE}); never the public port.")
    String adminHost;

    @Option(names = "--admin-token", paramLabel = "TOKEN",
            description = "Token the admin listener asks for (Bearer, or the password of HTTP Basic); required when"
                    + " --admin-host is not a loopback address. Default: the KENSAKU_ADMIN_TOKEN environment variable.")
    String adminToken;

    @Option(names = "--state", paramLabel = "DIR",
            description = "Folder of the server's own state (the analytics store); default: state/ beside the index folder.")
    Path state;

    @Option(names = "--no-analytics", description = "Record no search analytics (nothing is written to --state).")
    boolean noAnalytics;

    @Option(names = "--analytics-retention-days", defaultValue = "90", paramLabel = "DAYS",
            description = "Analytics events older than this are deleted, once a day (default: ${DEFAULT-VALUE}).")
    int retentionDays;

    @Option(names = "--log-format", defaultValue = "text", paramLabel = "text|json",
            description = "Access log: text lines through the log, or one JSON object per line on stdout (default: ${DEFAULT-VALUE}).")
    AccessLog.Format logFormat;

    @Option(names = "--poll-millis", defaultValue = "1000", hidden = true,
            description = "How often to look for a new index generation.")
    long pollMillis;

    @Option(names = "--analysis-poll-millis", defaultValue = "1000", hidden = true,
            description = "How often to look for changes in the analysis folder.")
    long analysisPollMillis;

    @Option(names = "--verify-first-mb", defaultValue = "256",
            description = "Verify an index up to this size before serving it; a larger one is served while it is "
                    + "verified in the background (default: ${DEFAULT-VALUE}).")
    long verifyFirstMb;

    @Option(names = "--backend", defaultValue = "embedded",
            description = "embedded: the index folder (built from --corpus if missing); opensearch: the cluster at --url.")
    String backend;

    @Option(names = "--include-drafts",
            description = "Writer's preview: show drafts and published: false posts (the index is rebuilt with "
                    + "--include-drafts first), marked 下書き. Loopback hosts only, unless --allow-preview-on-public-host.")
    boolean includeDrafts;

    @Option(names = "--include-future",
            description = "Writer's preview: show scheduled articles before their publish time, marked 予約. "
                    + "Loopback hosts only, unless --allow-preview-on-public-host.")
    boolean includeFuture;

    @Option(names = "--allow-preview-on-public-host",
            description = "Allow --include-drafts / --include-future on a --host that is not a loopback address.")
    boolean allowPreviewOnPublicHost;

    @Mixin
    CommonOptions common;

    @Mixin
    ConfigOption config;

    @Mixin
    ClusterOptions cluster;

    @Mixin
    SiteOptions site;

    @Override
    public Integer call() throws Exception {
        if (adminPort != null && adminPort != 0 && adminPort == port) {
            System.err.println("kensaku serve: --admin-port must differ from --port: /metrics is never on the public port");
            return 2;
        }
        if (retentionDays < 1) {
            System.err.println("kensaku serve: --analytics-retention-days must be 1 or more");
            return 2;
        }
        if (!AdminServer.allows(adminHost, token())) {
            System.err.println("kensaku serve: the admin listener binds to " + adminHost + " only with an admin token"
                    + " (--admin-token or KENSAKU_ADMIN_TOKEN)");
            return 2;
        }
        if ((includeDrafts || includeFuture) && !allowPreviewOnPublicHost && !isLoopback(host)) {
            System.err.println("kensaku serve: --include-drafts and --include-future show unpublished articles; "
                    + "refusing to show them on " + host + ", which is not a loopback address. Bind to 127.0.0.1, or add "
                    + "--allow-preview-on-public-host if only your writers can reach this host.");
            return 2;
        }
        SiteUrls siteUrls;
        ServerConfig serverConfig;
        try {
            siteUrls = site.siteUrls(common.zone);
            serverConfig = new ServerConfig(host, port, corsOrigins);
        } catch (IllegalArgumentException e) {
            System.err.println("kensaku serve: " + e.getMessage());
            return 2;
        }
        if ("opensearch".equals(backend)) {
            return new ClusterServe(this).serve(siteUrls, serverConfig);
        }
        if (!"embedded".equals(backend)) {
            System.err.println("--backend must be embedded or opensearch, not " + backend);
            return 2;
        }
        return new EmbeddedServe(this).serve(siteUrls, serverConfig);
    }

    /** Opens the public listener (and the admin one when asked), says where, and serves until the process stops. */
    void serveUntilStopped(SearchBackend backend, ServerConfig serverConfig, ServerMetrics metrics,
                           Analytics analytics, String serving, Runnable afterStart) throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        try (SearchServer server = new SearchServer(recorded(new MeteredBackend(backend, metrics), analytics),
                     serverConfig, listeners(metrics), analytics).start();
             AdminServer admin = startAdmin(metrics, analytics)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                if (admin != null) {
                    admin.close();
                }
                stopped.countDown();
            }, "kensaku-shutdown"));
            System.err.printf(Locale.ROOT, "kensaku serving %s on http://%s:%d/%s%s%n",
                    serving, host, server.port(), adminNote(admin), previewNote());
            afterStart.run();
            stopped.await();
        }
    }

    private List<RequestListener> listeners(ServerMetrics metrics) {
        return List.of(AccessLog.of(logFormat, System.out), metrics);
    }

    /** The admin listener when --admin-port is given, else null. */
    private AdminServer startAdmin(ServerMetrics metrics, Analytics analytics) {
        return adminPort == null ? null
                : new AdminServer(metrics, adminHost, adminPort, analytics, token(), common.zone).start();
    }

    private String token() {
        return adminToken != null ? adminToken : System.getenv("KENSAKU_ADMIN_TOKEN");
    }

    /** The state folder: --state, else state/ beside the index folder. */
    Path stateFolder() {
        if (state != null) {
            return state;
        }
        Path parent = common.index.toAbsolutePath().normalize().getParent();
        return parent == null ? Path.of("state") : parent.resolve("state");
    }

    /** Search analytics in the state folder, or null with --no-analytics. */
    Analytics openAnalytics(ServerMetrics metrics) throws IOException {
        if (noAnalytics) {
            return null;
        }
        Analytics analytics = Analytics.open(stateFolder(), Duration.ofDays(retentionDays));
        metrics.watch(analytics.recorder());
        return analytics;
    }

    private static SearchBackend recorded(SearchBackend backend, Analytics analytics) {
        return analytics == null ? backend : analytics.wrap(backend);
    }

    private String adminNote(AdminServer admin) {
        return admin == null ? "" : String.format(Locale.ROOT, " (metrics on http://%s:%d/metrics) (search analytics on http://%1$s:%2$d/admin/)",
                adminHost, admin.port());
    }

    Visibility visibility() {
        return new Visibility(Clock.systemUTC(), includeDrafts, includeFuture);
    }

    private String previewNote() {
        return !includeDrafts && !includeFuture ? "" : " (preview: " + (includeDrafts ? "drafts" : "")
                + (includeDrafts && includeFuture ? " and " : "") + (includeFuture ? "scheduled articles" : "") + " shown)";
    }

    /** Whether every address the host names is a loopback one (127.0.0.0/8, ::1); unknown hosts are not. */
    static boolean isLoopback(String host) {
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            return addresses.length > 0 && Arrays.stream(addresses).allMatch(InetAddress::isLoopbackAddress);
        } catch (UnknownHostException e) {
            return false;
        }
    }

}
