package kensaku.http;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.concurrent.atomic.AtomicBoolean;
import kensaku.analytics.Analytics;
import kensaku.search.BadRequestException;
import kensaku.search.IndexUnavailableException;
import kensaku.search.SearchBackend;

/**
 * Owns the Javalin server: the JSON API, the page, security headers, request logging and error mapping.
 * Every client mistake is a 4xx with a JSON (API) or HTML (page) body; anything unexpected is a 500 logged once.
 */
public final class SearchServer implements AutoCloseable {
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static final int MAX_REQUEST_HEADER_BYTES = 64 * 1024;
    /** A request id a proxy in front may pass on (nginx's $request_id, a load balancer's); anything else is replaced. */
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    static final String REQUEST_ID_HEADER = "X-Request-Id";

    private final SearchBackend service;
    private final ServerConfig config;
    private final List<RequestListener> listeners;
    private final Cors cors;
    private final Analytics analytics;
    private final AtomicBoolean closed = new AtomicBoolean();
    private Javalin app;

    public SearchServer(SearchBackend service, ServerConfig config) {
        this(service, config, List.of(AccessLog.text()));
    }

    /** As above, telling the listeners (the access log, the metrics) of every request. */
    public SearchServer(SearchBackend service, ServerConfig config, List<RequestListener> listeners) {
        this(service, config, listeners, null);
    }

    /**
     * As above, with search analytics: {@code service} should then be {@link Analytics#wrap wrapped} so that commits
     * and clicks find the answers they refer to. Null analytics: nothing is recorded and /api/events only answers.
     */
    public SearchServer(SearchBackend service, ServerConfig config, List<RequestListener> listeners, Analytics analytics) {
        this.analytics = analytics;
        this.service = service;
        this.config = config;
        this.listeners = List.copyOf(listeners);
        this.cors = new Cors(config.corsOrigins());
    }

    /** Starts listening; returns this. */
    public SearchServer start() {
        app = Javalin.create(this::configure).start(config.host(), config.port());
        return this;
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return app.port();
    }

    /** Stops accepting requests and lets running ones finish; safe to call more than once. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && app != null) {
            app.stop();
        }
    }

    private void configure(JavalinConfig javalin) {
        javalin.startup.showJavalinBanner = false;
        javalin.startup.showOldJavalinVersionWarning = false;
        javalin.http.prefer405over404 = true;
        // Long URLs reach our own limits (q ≤ 1000 characters) and get a JSON 400, not Jetty's HTML 431.
        javalin.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(MAX_REQUEST_HEADER_BYTES));
        javalin.jetty.modifyServer(server -> server.setErrorHandler(new ProtocolErrors()));
        javalin.jsonMapper(JsonMapping.mapper());
        javalin.requestLogger.http((ctx, millis) -> listeners.forEach(l -> l.completed(ctx, requestId(ctx), millis)));
        javalin.routes.before(SearchServer::assignRequestId);
        javalin.routes.before(this::commonHeaders);
        javalin.routes.before(ctx -> RawQuery.check(ctx.queryString()));
        new ApiRoutes(service, analytics).addTo(javalin);
        new PageRoutes(service, analytics).addTo(javalin);
        new EventRoutes(analytics).addTo(javalin);
        new EmbedRoutes().addTo(javalin);
        ApiRoutes.PATHS.forEach(path -> javalin.routes.options(path, cors::preflight));
        javalin.routes.exception(BadRequestException.class, this::badRequest);
        javalin.routes.exception(IndexUnavailableException.class, (e, ctx) ->
                error(ctx, 503, "index_damaged", e.getMessage(), null));
        javalin.routes.exception(HttpResponseException.class, (e, ctx) ->
                error(ctx, e.getStatus(), codeFor(e.getStatus()), e.getMessage(), null));
        javalin.routes.exception(Exception.class, this::unexpected);
        javalin.routes.error(404, ctx -> {
            if (ctx.attribute(ApiErrors.SENT) == null) {
                error(ctx, 404, "not_found", "no such resource: " + ctx.path(), null);
            }
        });
        javalin.routes.error(405, ctx -> error(ctx, 405, "method_not_allowed",
                ctx.path().equals(EventRoutes.PATH) ? "only POST is supported here" : "only GET is supported here", null));
    }

    /** The id of this request in the access log, also sent back in X-Request-Id: the proxy's if it gave a sane one. */
    private static void assignRequestId(Context ctx) {
        String given = ctx.header(REQUEST_ID_HEADER);
        String id = given != null && REQUEST_ID.matcher(given).matches() ? given
                : Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
        ctx.attribute(REQUEST_ID_HEADER, id);
        ctx.header(REQUEST_ID_HEADER, id);
    }

    private static String requestId(Context ctx) {
        String id = ctx.attribute(REQUEST_ID_HEADER);
        return id == null ? "-" : id;
    }

    private void commonHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        if (ctx.path().startsWith("/api/")) {
            ctx.header("Cache-Control", "no-store");
        }
        if ((ctx.path().startsWith("/api/") || ctx.path().equals("/openapi.json")) && !"OPTIONS".equals(ctx.method().name())) {
            cors.answer(ctx);
        }
    }

    private static String codeFor(int status) {
        return switch (status) {
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            default -> "http_" + status;
        };
    }

    private void badRequest(BadRequestException e, Context ctx) {
        error(ctx, 400, e.code(), e.getMessage(), e.param());
    }

    private void unexpected(Exception e, Context ctx) {
        if (isBadPercentEncoding(e)) {
            error(ctx, 400, "invalid_encoding", "the request is not valid percent-encoded UTF-8", null);
            return;
        }
        listeners.forEach(l -> l.failed(ctx, requestId(ctx), e));
        error(ctx, 500, "internal_error", "the server could not answer this request", null);
    }

    /** Javalin decodes path parameters with URLDecoder, which rejects a stray '%' with a bare exception. */
    private static boolean isBadPercentEncoding(Exception e) {
        if (!(e instanceof IllegalArgumentException)) {
            return false;
        }
        String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return message.contains("decode") || Arrays.stream(e.getStackTrace())
                .anyMatch(frame -> frame.getClassName().equals("java.net.URLDecoder"));
    }

    /** JSON for API paths, a short Japanese HTML page for the rest. */
    private static void error(Context ctx, int status, String code, String message, String param) {
        if (ctx.path().startsWith("/api/") || ctx.path().equals("/openapi.json")) {
            ApiErrors.send(ctx, status, code, message, param);
        } else {
            PageRoutes.renderError(ctx, status, message);
        }
    }
}
