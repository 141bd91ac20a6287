package kensaku.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CORS for exact origins, preflights, and the embeddable scripts' headers, over real HTTP. */
class CorsTest {
    private static final String ALLOWED = "https://www.example.com";

    @TempDir
    static Path temp;
    static ServerFixture fixture;
    private static final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        fixture = new ServerFixture(temp, Duration.ofHours(1), List.of("https://WWW.example.com:443/", "http://127.0.0.1:8080"));
    }

    @AfterAll
    static void stop() throws IOException {
        fixture.close();
    }

    private static HttpResponse<String> send(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fixture.base() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aPreflightFromAnAllowedOriginIs204WithWhatItMaySend() throws Exception {
        HttpResponse<String> preflight = send("OPTIONS", "/api/search?q=x", "Origin", ALLOWED,
                "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "accept");
        assertEquals(204, preflight.statusCode());
        assertEquals(ALLOWED, preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(null),
                "the configured origin was written with capitals, a default port and a slash: normalised");
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("GET"));
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").contains("Accept"));
        assertTrue(preflight.headers().firstValue("Vary").orElse("").contains("Origin"));
        assertFalse(preflight.headers().firstValue("Access-Control-Allow-Credentials").isPresent());
        assertEquals(204, send("OPTIONS", "/api/articles/robotics.md", "Origin", "http://127.0.0.1:8080",
                "Access-Control-Request-Method", "GET").statusCode(), "every API path, the second origin too");
    }

    @Test
    void anyOtherOriginGetsNoCorsHeaderAtAll() throws Exception {
        HttpResponse<String> preflight = send("OPTIONS", "/api/search", "Origin", "https://evil.example",
                "Access-Control-Request-Method", "GET");
        assertEquals(403, preflight.statusCode());
        assertTrue(preflight.body().contains("cors_origin_not_allowed"), preflight.body());
        assertFalse(preflight.headers().firstValue("Access-Control-Allow-Origin").isPresent());
        for (String origin : List.of("https://evil.example", "https://www.example.com.evil.example", "http://www.example.com",
                "https://www.example.com:8443", "null")) {
            HttpResponse<String> get = send("GET", "/api/search?q=x", "Origin", origin);
            assertEquals(200, get.statusCode());
            assertFalse(get.headers().firstValue("Access-Control-Allow-Origin").isPresent(), origin);
            assertEquals("Origin", get.headers().firstValue("Vary").orElse(null), "caches keep answers per origin");
        }
        HttpResponse<String> allowed = send("GET", "/api/search?q=x", "Origin", ALLOWED);
        assertEquals(ALLOWED, allowed.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    }

    @Test
    void aPlainOptionsRequestSaysWhatIsAllowed() throws Exception {
        HttpResponse<String> options = send("OPTIONS", "/api/health");
        assertEquals(204, options.statusCode());
        assertEquals(Cors.ALLOWED_METHODS, options.headers().firstValue("Allow").orElse(null));
    }

    @Test
    void starAllowsEveryOriginOnlyWhenSaidAndBadOriginsAreRefusedAtStart(@TempDir Path other) throws Exception {
        try (ServerFixture open = new ServerFixture(other, Duration.ofHours(1), List.of("*"))) {
            HttpResponse<String> get = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(open.base() + "/api/health")).header("Origin", "https://any.example").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals("*", get.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        }
        for (String bad : List.of("www.example.com", "https://www.example.com/path", "ftp://x.example", "https://x.example?q")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new ServerConfig("127.0.0.1", 0, List.of(bad)));
            assertTrue(e.getMessage().contains(bad), e.getMessage());
        }
    }

    @Test
    void theWidgetIsServedToEveryOriginWithAnEtagAndA304() throws Exception {
        for (String script : List.of("/widget.js", "/highlight.js")) {
            HttpResponse<String> first = send("GET", script, "Origin", "https://publisher.example");
            assertEquals(200, first.statusCode());
            assertTrue(first.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
            assertEquals("*", first.headers().firstValue("Access-Control-Allow-Origin").orElse(null),
                    "module scripts are fetched with CORS; the script is public");
            assertEquals(EmbedRoutes.CACHE_CONTROL, first.headers().firstValue("Cache-Control").orElse(null));
            String etag = first.headers().firstValue("ETag").orElseThrow();
            HttpResponse<String> again = send("GET", script, "If-None-Match", etag);
            assertEquals(304, again.statusCode());
            assertEquals("", again.body());
        }
    }

    @Test
    void theWidgetStaysUnder15KilobytesCompressed() throws Exception {
        String widget = send("GET", "/widget.js").body();
        java.io.ByteArrayOutputStream compressed = new java.io.ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(widget.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        assertTrue(compressed.size() <= 15 * 1024, compressed.size() + " bytes gzipped");
        assertTrue(widget.contains("customElements.define('kensaku-search'"));
    }

    @Test
    void withoutASiteUrlEveryUrlIsNull() throws Exception {
        assertTrue(fixture.getJson("/api/search?q=" + ServerFixture.enc("ロボティクス")).get("hits").get(0).get("url").isNull());
        assertTrue(fixture.getJson("/api/articles/robotics.md").get("url").isNull());
    }
}
