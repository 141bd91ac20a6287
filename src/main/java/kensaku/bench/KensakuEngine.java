package kensaku.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** kensaku's HTTP API: {@code /api/search} (page of 10, facets and highlights as always) and {@code /api/suggest}. */
final class KensakuEngine implements Engine {
    static final int PAGE_SIZE = 10;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String base;

    KensakuEngine(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    @Override
    public String name() {
        return "kensaku";
    }

    @Override
    public URI uri(QueryMix.Query query) {
        StringBuilder url = new StringBuilder(base).append(query.isSuggest() ? "/api/suggest?" : "/api/search?");
        for (Map.Entry<String, String> param : query.params()) {
            url.append(encode(param.getKey())).append('=').append(encode(param.getValue())).append('&');
        }
        url.append("size=").append(query.isSuggest() ? 8 : PAGE_SIZE);
        return URI.create(url.toString());
    }

    static URI probe(int port) {
        return URI.create("http://127.0.0.1:" + port + "/api/search?q=" + encode("データ") + "&size=1");
    }

    @Override
    public List<String> ids(QueryMix.Query query, String body) throws IOException {
        JsonNode root = JSON.readTree(body);
        List<String> ids = new ArrayList<>();
        if (query.isSuggest()) {
            root.path("suggestions").forEach(s -> ids.add(s.path("kind").asText() + ":" + s.path("text").asText()));
        } else {
            ids.add("total=" + root.path("total").asLong());
            root.path("hits").forEach(hit -> ids.add(hit.path("id").asText()));
        }
        return ids;
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
