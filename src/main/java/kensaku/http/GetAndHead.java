package kensaku.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Handler;

/**
 * Registers a route for GET and for HEAD with the same handler, so a HEAD request gets the status and headers its
 * GET would (a 400 for a bad parameter, a 404 for an unknown article); Jetty sends no body for HEAD.
 */
final class GetAndHead {
    private GetAndHead() {}

    static void add(JavalinConfig config, String path, Handler handler) {
        config.routes.get(path, handler);
        config.routes.head(path, handler);
    }
}
