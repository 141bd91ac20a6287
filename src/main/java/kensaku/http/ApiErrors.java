package kensaku.http;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** The one shape of every API error: {@code {"error": {"code", "message", "param"}}}. */
final class ApiErrors {
    private ApiErrors() {}

    /** Set on a request whose error body was already written, so the status-code handlers leave it alone. */
    static final String SENT = "kensaku.error-sent";

    static void send(Context ctx, int status, String code, String message, String param) {
        ctx.attribute(SENT, Boolean.TRUE);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.put("param", param);
        ctx.status(status).json(Map.of("error", error));
    }
}
