package kensaku.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Requests Jetty refuses before they reach our routes (an illegal character in the path, a malformed escape)
 * still get the API's JSON error shape rather than Jetty's HTML page.
 */
final class ProtocolErrors extends ErrorHandler {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code == 400 ? "bad_request" : "http_" + code);
        error.put("message", message == null ? "the request is not valid HTTP" : message);
        error.put("param", null);
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(Map.of("error", error));
        } catch (JsonProcessingException e) {
            body = "{\"error\":{\"code\":\"bad_request\",\"message\":\"bad request\",\"param\":null}}"
                    .getBytes(StandardCharsets.UTF_8);
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
