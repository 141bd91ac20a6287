package kensaku.http;

import io.javalin.http.Context;

/**
 * Told of every request the server answered (the access log, the metrics) and of every request that failed with
 * an unexpected error. {@link #route} names the matched route ({@code /api/articles/{id}}), so that a label never
 * grows with the URLs clients make up.
 */
public interface RequestListener {
    /** The request was answered; {@code millis} from its arrival to its last byte handed to the server. */
    void completed(Context ctx, String requestId, float millis);

    /** The request failed with an error kensaku did not expect (it is answered with a 500). */
    default void failed(Context ctx, String requestId, Exception error) {}

    /** The matched route's path template, or {@code unmatched}. */
    static String route(Context ctx) {
        var endpoint = ctx.endpoints().lastHttpEndpoint();
        return endpoint == null ? "unmatched" : endpoint.path;
    }
}
