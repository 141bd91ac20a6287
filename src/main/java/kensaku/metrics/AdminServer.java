package kensaku.metrics;

import io.javalin.Javalin;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The admin listener: {@code /metrics} for Prometheus, on its own port and interface (127.0.0.1 unless the
 * operator says otherwise), never on the public one, so that a site's visitors cannot read it.
 */
public final class AdminServer implements AutoCloseable {
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final ServerMetrics metrics;
    private final String host;
    private final int port;
    private final AtomicBoolean closed = new AtomicBoolean();
    private Javalin app;

    public AdminServer(ServerMetrics metrics, String host, int port) {
        this.metrics = metrics;
        this.host = host;
        this.port = port;
    }

    public AdminServer start() {
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.routes.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(metrics.scrape()));
            config.routes.get("/", ctx -> ctx.contentType("text/plain; charset=utf-8").result("kensaku admin: /metrics\n"));
        }).start(host, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && app != null) {
            app.stop();
        }
    }
}
