package kensaku.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request, as text through SLF4J or as a JSON object per line for a log shipper; an unexpected error
 * once, with its cause. Neither holds the client's address, user agent or query string (what people search for
 * stays theirs); the request id ties a line to the {@code X-Request-Id} the client got.
 */
public final class AccessLog implements RequestListener {
    private static final Logger LOG = LoggerFactory.getLogger(SearchServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How the lines are written: {@code text} for a person, {@code json} for a log shipper. */
    public enum Format { TEXT, JSON }

    private final PrintStream json;

    private AccessLog(PrintStream json) {
        this.json = json;
    }

    /** {@code GET /api/search 200 3.1 ms id=…} through SLF4J. */
    public static AccessLog text() {
        return new AccessLog(null);
    }

    /** A JSON object per line on {@code out}. */
    public static AccessLog json(PrintStream out) {
        return new AccessLog(out);
    }

    public static AccessLog of(Format format, PrintStream out) {
        return format == Format.JSON ? json(out) : text();
    }

    @Override
    public void completed(Context ctx, String requestId, float millis) {
        if (json == null) {
            LOG.info("{} {} {} {} ms id={}", ctx.method(), ctx.path(), ctx.statusCode(),
                    String.format(Locale.ROOT, "%.1f", millis), requestId);
            return;
        }
        Map<String, Object> line = start("info", "access", requestId, ctx);
        line.put("route", RequestListener.route(ctx));
        line.put("status", ctx.statusCode());
        line.put("duration_ms", Math.round(millis * 10) / 10.0);
        write(line);
    }

    @Override
    public void failed(Context ctx, String requestId, Exception error) {
        if (json == null) {
            LOG.error("{} {} failed (request {})", ctx.method(), ctx.path(), requestId, error);
            return;
        }
        Map<String, Object> line = start("error", "error", requestId, ctx);
        line.put("error", error.toString());
        List<String> causes = new ArrayList<>();
        for (Throwable cause = error.getCause(); cause != null && causes.size() < 10; cause = cause.getCause()) {
            causes.add(cause.toString());
        }
        line.put("causes", causes);
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        line.put("stack_trace", trace.toString());
        write(line);
    }

    private static Map<String, Object> start(String level, String type, String requestId, Context ctx) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", Instant.now().toString());
        line.put("level", level);
        line.put("type", type);
        line.put("request_id", requestId);
        line.put("method", ctx.method().name());
        line.put("path", ctx.path());
        return line;
    }

    private void write(Map<String, Object> line) {
        try {
            String text = JSON.writeValueAsString(line);
            synchronized (json) {
                json.println(text);
            }
        } catch (JsonProcessingException e) {
            LOG.error("could not write an access log line", e);
        }
    }
}
