package kensaku.metrics;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kensaku.analytics.AdminPage;
import kensaku.analytics.Analytics;

/**
 * The admin listener: {@code /metrics} for Prometheus and {@code /admin/} (search analytics), on its own port and
 * interface (127.0.0.1 unless the operator says otherwise), never on the public one, so that a site's visitors
 * cannot read it. With an admin token every request must carry it ({@code Authorization: Bearer TOKEN}, or HTTP
 * Basic with any user name and the token as password, which a browser asks for); it is compared in constant time.
 */
public final class AdminServer implements AutoCloseable {
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self';"
            + " base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final Pattern SINCE = Pattern.compile("(\\d{1,4})d");

    private final ServerMetrics metrics;
    private final String host;
    private final int port;
    private final Analytics analytics;
    private final byte[] tokenDigest;
    private final ZoneId zone;
    private final AtomicBoolean closed = new AtomicBoolean();
    private Javalin app;

    public AdminServer(ServerMetrics metrics, String host, int port) {
        this(metrics, host, port, null, null, ZoneId.of("Asia/Tokyo"));
    }

    /**
     * @param analytics null when analytics are off (the page then says so)
     * @param token     null or blank for none, which only a loopback {@code host} allows
     * @throws IllegalArgumentException when {@code host} is not a loopback address and there is no token
     */
    public AdminServer(ServerMetrics metrics, String host, int port, Analytics analytics, String token, ZoneId zone) {
        boolean hasToken = token != null && !token.isBlank();
        if (!allows(host, token)) {
            throw new IllegalArgumentException("the admin listener binds to " + host + " only with an admin token"
                    + " (--admin-token or KENSAKU_ADMIN_TOKEN); without one it stays on 127.0.0.1");
        }
        this.metrics = metrics;
        this.host = host;
        this.port = port;
        this.analytics = analytics;
        this.tokenDigest = hasToken ? digest(token.strip()) : null;
        this.zone = zone;
    }

    /** Whether an admin listener may bind to this host with this token (a non-loopback host needs one). */
    public static boolean allows(String host, String token) {
        return (token != null && !token.isBlank()) || isLoopback(host);
    }

    static boolean isLoopback(String host) {
        return host.equals("localhost") || host.equals("::1") || host.equals("[::1]") || host.startsWith("127.");
    }

    public AdminServer start() {
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.routes.before(this::guard);
            config.routes.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(metrics.scrape()));
            config.routes.get("/admin/", this::adminPage);
            config.routes.get("/admin", ctx -> ctx.redirect("/admin/"));
            config.routes.get("/admin/admin.css", ctx -> ctx.contentType("text/css; charset=utf-8").result(AdminPage.STYLESHEET));
            config.routes.get("/", ctx -> ctx.contentType("text/plain; charset=utf-8")
                    .result("kensaku admin: /metrics, /admin/ (search analytics)\n"));
        }).start(host, port);
        return this;
    }

    private void guard(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-store");
        if (tokenDigest != null && !MessageDigest.isEqual(tokenDigest, digest(presented(ctx)))) {
            ctx.header("WWW-Authenticate", "Basic realm=\"kensaku admin\", charset=\"UTF-8\"");
            ctx.status(401).contentType("text/plain; charset=utf-8");
            ctx.result("admin token required\n");
            ctx.skipRemainingHandlers();
        }
    }

    /** The token the request carries (Bearer, or the password of Basic), "" when none. */
    private static String presented(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null) {
            return "";
        }
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).strip();
        }
        if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String pair = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                return colon < 0 ? "" : pair.substring(colon + 1);
            } catch (IllegalArgumentException e) {
                return "";
            }
        }
        return "";
    }

    /** Both sides hashed first, so that the comparison takes the same time whatever the lengths. */
    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void adminPage(Context ctx) {
        ctx.contentType("text/html; charset=utf-8");
        if (analytics == null) {
            ctx.result("<!doctype html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>kensaku 管理</title>"
                    + "<link rel=\"stylesheet\" href=\"/admin/admin.css\"></head><body><h1>検索アナリティクス</h1>"
                    + "<p>アナリティクスは無効です（--no-analytics）。</p></body></html>");
            return;
        }
        int days = 30;
        Matcher since = SINCE.matcher(String.valueOf(ctx.queryParam("since")));
        if (since.matches()) {
            days = Math.max(1, Integer.parseInt(since.group(1)));
        }
        Instant from = Instant.now().minus(Duration.ofDays(days));
        ctx.result(AdminPage.render(analytics.report(from, zone), days));
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
