package kensaku.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import kensaku.corpus.SiteUrls;
import kensaku.index.IndexFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON access log of a real server: one object per line, the request id in the response, an error once with its cause. */
class AccessLogTest {
    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void jsonLinesCarryTheRequestIdTheClientGets(@TempDir Path temp) throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(sink, true, StandardCharsets.UTF_8);
        try (ServerFixture fixture = new ServerFixture(temp, Duration.ofHours(1), List.of(),
                SiteUrls.none(IndexFixtures.TOKYO), List.of(AccessLog.json(out)))) {
            HttpResponse<String> given = send(fixture, "/api/search?q=NVIDIA&size=1", "proxy-req.42");
            assertEquals(200, given.statusCode());
            assertEquals("proxy-req.42", given.headers().firstValue("X-Request-Id").orElseThrow(), "a proxy's id is kept");

            HttpResponse<String> fresh = send(fixture, "/articles/no-such-article", null);
            String freshId = fresh.headers().firstValue("X-Request-Id").orElseThrow();
            assertTrue(freshId.matches("[0-9a-f]{16}"), freshId);

            HttpResponse<String> hostile = send(fixture, "/api/suggest?q=nv", "x".repeat(300));
            String replaced = hostile.headers().firstValue("X-Request-Id").orElseThrow();
            assertTrue(replaced.matches("[0-9a-f]{16}"), "an overlong id is replaced: " + replaced);

            // The index closed under the server: a failure inside kensaku, answered with a 500 and logged once.
            fixture.closeIndex();
            HttpResponse<String> failed = send(fixture, "/api/search?q=NVIDIA", "broken-1");
            assertEquals(500, failed.statusCode());
            Thread.sleep(200);

            List<JsonNode> lines = new ArrayList<>();
            for (String line : sink.toString(StandardCharsets.UTF_8).split("\n")) {
                lines.add(json.readTree(line));
            }
            JsonNode first = lines.get(0);
            assertEquals("access", first.path("type").asText());
            assertEquals("proxy-req.42", first.path("request_id").asText());
            assertEquals("GET", first.path("method").asText());
            assertEquals("/api/search", first.path("path").asText());
            assertEquals("/api/search", first.path("route").asText());
            assertEquals(200, first.path("status").asInt());
            assertTrue(first.path("duration_ms").isNumber());
            assertTrue(first.path("time").asText().endsWith("Z"));
            assertTrue(lines.stream().noneMatch(l -> l.toString().contains("NVIDIA")), "no query text in the log");

            assertTrue(lines.stream().anyMatch(l -> l.path("request_id").asText().equals(freshId)
                    && l.path("status").asInt() == 404 && l.path("route").asText().equals("/articles/<id>")), lines.toString());

            List<JsonNode> errors = lines.stream().filter(l -> l.path("type").asText().equals("error")).toList();
            assertEquals(1, errors.size(), "an error is logged once: " + lines);
            JsonNode error = errors.get(0);
            assertEquals("broken-1", error.path("request_id").asText());
            assertEquals("error", error.path("level").asText());
            assertTrue(error.path("error").asText().contains("index closed"), error.toString());
            assertTrue(error.path("stack_trace").asText().contains("LiveIndex"), "with where it happened");
            assertTrue(lines.stream().anyMatch(l -> l.path("type").asText().equals("access")
                    && l.path("request_id").asText().equals("broken-1") && l.path("status").asInt() == 500));
        }
    }

    private HttpResponse<String> send(ServerFixture fixture, String path, String requestId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fixture.base() + path)).timeout(Duration.ofSeconds(20));
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
