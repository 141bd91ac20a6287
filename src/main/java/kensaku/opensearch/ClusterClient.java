package kensaku.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON over HTTP to an OpenSearch cluster through any of its nodes. Requests go round-robin over the node list;
 * a node that cannot be reached (refused, reset, timed out) is skipped and the next one tried, so a stopped node
 * costs one failed connection, not a failed request. An HTTP error status is the cluster's answer and is not
 * retried elsewhere.
 */
public final class ClusterClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterClient.class);

    private final List<URI> nodes;
    private final HttpClient http;
    private final Duration timeout;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicInteger next = new AtomicInteger();

    /** Thrown for an HTTP error status from the cluster. */
    public static final class ClusterException extends IOException {
        private final int status;

        ClusterException(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** @param nodes base URLs such as {@code http://10.0.0.1:9200} */
    public ClusterClient(List<URI> nodes, Duration timeout) {
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("no cluster URL given");
        }
        this.nodes = List.copyOf(nodes);
        this.timeout = Objects.requireNonNull(timeout);
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    /** Parses {@code http://a:9200,http://b:9200} (also repeated options) into node URLs. */
    public static List<URI> parseNodes(List<String> urls) {
        List<URI> nodes = new ArrayList<>();
        for (String option : urls) {
            for (String url : option.split(",")) {
                if (!url.isBlank()) {
                    String trimmed = url.strip();
                    nodes.add(URI.create(trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed));
                }
            }
        }
        return nodes;
    }

    public List<URI> nodes() {
        return nodes;
    }

    public JsonNode get(String path) throws IOException {
        return send("GET", path, null, "application/json");
    }

    public JsonNode delete(String path) throws IOException {
        return send("DELETE", path, null, "application/json");
    }

    public JsonNode put(String path, JsonNode body) throws IOException {
        return send("PUT", path, json.writeValueAsString(body), "application/json");
    }

    public JsonNode post(String path, JsonNode body) throws IOException {
        return send("POST", path, body == null ? "" : json.writeValueAsString(body), "application/json");
    }

    /** A bulk request: one JSON document per line. */
    public JsonNode bulk(String ndjson) throws IOException {
        return send("POST", "/_bulk", ndjson, "application/x-ndjson");
    }

    /** Null when the resource does not exist (404), else the answer. */
    public JsonNode getOrNull(String path) throws IOException {
        try {
            return get(path);
        } catch (ClusterException e) {
            if (e.status() == 404) {
                return null;
            }
            throw e;
        }
    }

    private JsonNode send(String method, String path, String body, String contentType) throws IOException {
        int start = Math.floorMod(next.getAndIncrement(), nodes.size());
        IOException unreachable = null;
        for (int attempt = 0; attempt < nodes.size(); attempt++) {
            URI node = nodes.get((start + attempt) % nodes.size());
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node + path)).timeout(timeout)
                    .header("Accept", "application/json");
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", contentType)
                        .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            }
            HttpResponse<String> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the cluster", e);
            } catch (IOException e) {
                LOG.debug("cluster node {} unreachable: {}", node, e.toString());
                unreachable = e;
                continue;
            }
            if (response.statusCode() >= 400) {
                throw new ClusterException(response.statusCode(), method + " " + path + " → " + response.statusCode()
                        + ": " + abbreviated(response.body()));
            }
            return response.body().isEmpty() ? json.createObjectNode() : json.readTree(response.body());
        }
        throw new IOException("no cluster node answered (" + nodes + "): " + unreachable, unreachable);
    }

    private static String abbreviated(String body) {
        return body.length() > 1_000 ? body.substring(0, 1_000) + "…" : body;
    }

    @Override
    public void close() {
        http.close();
    }
}
