package kensaku.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a publisher puts on their own pages: {@code /widget.js} (the {@code <kensaku-search>} element) and
 * {@code /highlight.js} (marks the searched words on the article a reader arrives at). Public, unchanging between
 * releases, so any origin may load them ({@code Access-Control-Allow-Origin: *}, needed by module scripts); each
 * carries an ETag of its content and stays fresh ten minutes, after which a browser revalidates (a 304).
 */
final class EmbedRoutes {
    static final String CACHE_CONTROL = "public, max-age=600";

    private final Script widget = Script.load("/web/widget.js");
    private final Script highlight = Script.load("/web/highlight.js");

    void addTo(JavalinConfig config) {
        GetAndHead.add(config, "/widget.js", ctx -> serve(ctx, widget));
        GetAndHead.add(config, "/highlight.js", ctx -> serve(ctx, highlight));
    }

    private static void serve(Context ctx, Script script) {
        ctx.header("Access-Control-Allow-Origin", "*");
        ctx.header("Cross-Origin-Resource-Policy", "cross-origin");
        ctx.header("Cache-Control", CACHE_CONTROL);
        ctx.header("ETag", script.etag());
        String seen = ctx.header("If-None-Match");
        if (seen != null && (seen.contains(script.etag()) || seen.strip().equals("*"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType("text/javascript; charset=utf-8").result(script.bytes());
    }

    private record Script(byte[] bytes, String etag) {
        static Script load(String resource) {
            try (InputStream in = EmbedRoutes.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing from the jar: " + resource);
                }
                byte[] bytes = in.readAllBytes();
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
                return new Script(bytes, "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JVM has SHA-256", e);
            }
        }
    }
}
