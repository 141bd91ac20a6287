package kensaku.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** kensaku's HTTP API: {@code /api/search} (page of 10, facets and highlights as always) and {@code /api/suggest}. */
final class KensakuEngine implements Engine {
    static final int PAGE_SIZE = 10;
    private final String base;
    private final String name;
    private final boolean commit;

    KensakuEngine(int port) {
        this(port, "kensaku", false);
    }

    /** With {@code commit}, every search says a reader committed to it (commit=1): analytics' worst case. */
    KensakuEngine(int port, String name, boolean commit) {
        this.base = "http://127.0.0.1:" + port;
        this.name = name;
        this.commit = commit;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public URI uri(QueryMix.Query query) {
        StringBuilder url = new StringBuilder(base).append(query.isSuggest() ? "/api/suggest?" : "/api/search?");
        for (Map.Entry<String, String> param : query.params()) {
            url.append(encode(param.getKey())).append('=').append(encode(param.getValue())).append('&');
        }
        if (commit && !query.isSuggest()) {
            url.append("commit=1&");
        }
        url.append("size=").append(query.isSuggest() ? 8 : PAGE_SIZE);
        return URI.create(url.toString());
    }

    static URI probe(int port) {
        return URI.create("http://127.0.0.1:" + port + "/api/search?q=" + encode("データ") + "&size=1");
    }

    @Override
    public List<String> ids(QueryMix.Query query, byte[] body) throws IOException {
        try (JsonParser json = JsonAnswers.parser(body)) {
            JsonAnswers.expect(json, JsonToken.START_OBJECT);
            long total = 0;
            List<String> listed = new ArrayList<>();
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                if (field.equals("total") && value.isNumeric()) {
                    total = json.getLongValue();
                } else if (field.equals(query.isSuggest() ? "suggestions" : "hits") && value == JsonToken.START_ARRAY) {
                    while (json.nextToken() == JsonToken.START_OBJECT) {
                        Map<String, String> item = scalars(json);
                        listed.add(query.isSuggest() ? item.getOrDefault("kind", "") + ":" + item.getOrDefault("text", "")
                                : item.getOrDefault("id", ""));
                    }
                } else {
                    json.skipChildren();
                }
            }
            if (query.isSuggest()) {
                return listed;
            }
            List<String> ids = new ArrayList<>(listed.size() + 1);
            ids.add("total=" + total);
            ids.addAll(listed);
            return ids;
        }
    }

    /** The scalar fields of the object the parser is at (nested values skipped); the parser ends on its end. */
    private static Map<String, String> scalars(JsonParser json) throws IOException {
        Map<String, String> fields = new HashMap<>();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String name = json.currentName();
            JsonToken value = json.nextToken();
            if (value.isScalarValue()) {
                fields.put(name, json.getText());
            } else {
                json.skipChildren();
            }
        }
        return fields;
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
