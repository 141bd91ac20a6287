package kensaku.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kensaku.analytics.Analytics;
import kensaku.search.BadRequestException;
import kensaku.search.SearchRequest;

/**
 * {@code POST /api/events}: the page and the widget say which search the reader committed to, which hit they
 * clicked and whether they took 「もしかして」 (sent with navigator.sendBeacon, a text/plain JSON body, so no
 * preflight and no cookie). The body names the search by its URL; everything recorded about it comes from the
 * server's own answer. Answers 204 whatever happens to the event: a beacon cannot read an answer anyway.
 */
final class EventRoutes {
    static final String PATH = "/api/events";
    private static final int MAX_BODY_BYTES = 8 * 1024;
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private final Analytics analytics;

    EventRoutes(Analytics analytics) {
        this.analytics = analytics;
    }

    void addTo(JavalinConfig config) {
        config.routes.post(PATH, this::event);
    }

    /** A request whose sender asked not to be tracked (Global Privacy Control or Do Not Track): nothing is recorded. */
    static boolean optedOut(Context ctx) {
        return "1".equals(strip(ctx.header("Sec-GPC"))) || "1".equals(strip(ctx.header("DNT")));
    }

    private static String strip(String header) {
        return header == null ? null : header.strip();
    }

    private void event(Context ctx) {
        byte[] body = ctx.bodyAsBytes();
        if (body.length > MAX_BODY_BYTES) {
            throw new BadRequestException("body", "body_too_large", "an event is at most " + MAX_BODY_BYTES + " bytes");
        }
        JsonNode event;
        try {
            event = JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new BadRequestException("body", "invalid_json", "the body must be a JSON object");
        }
        if (event == null || !event.isObject()) {
            throw new BadRequestException("body", "invalid_json", "the body must be a JSON object");
        }
        String type = event.path("type").asText("");
        if (!List.of("search", "click", "correction").contains(type)) {
            throw new BadRequestException("type", "invalid_type", "type must be search, click or correction");
        }
        Search search = search(event.path("url").asText(""));
        if (analytics != null && !optedOut(ctx)) {
            switch (type) {
                case "search" -> analytics.committed(search.request(), search.source());
                case "click" -> analytics.clicked(search.request(), event.path("position").asInt(0));
                default -> analytics.corrected(search.request());
            }
        }
        ctx.status(204);
    }

    private record Search(SearchRequest request, String source) {}

    /** The search a URL of the page ({@code /?q=…}) or of the API ({@code /api/search?q=…}) asks for. */
    private static Search search(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new BadRequestException("url", "invalid_url", "url must be the search's path and query");
        }
        String source = switch (String.valueOf(uri.getRawPath())) {
            case "/" -> "page";
            case "/api/search" -> "api";
            default -> throw new BadRequestException("url", "invalid_url", "url must be / or /api/search with its query");
        };
        return new Search(SearchParams.read(params(uri.getRawQuery())), source);
    }

    static Map<String, List<String>> params(String rawQuery) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return params;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("url", "invalid_url", "url is not valid percent-encoded UTF-8");
        }
    }
}
