package kensaku.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kensaku.analytics.Analytics;
import kensaku.search.ArticleView;
import kensaku.search.BadRequestException;
import kensaku.search.Hit;
import kensaku.search.AnalysisStatus;
import kensaku.search.IndexInfo;
import kensaku.search.SearchBackend;
import kensaku.search.SearchRequest;
import kensaku.search.Suggestion;

/** The JSON API under /api, plus the OpenAPI document. */
final class ApiRoutes {
    static final int MAX_SUGGESTIONS = 20;
    static final int DEFAULT_RELATED = 5;
    /** Every path of the API, which answer CORS preflights too. */
    static final List<String> PATHS = List.of("/api/search", "/api/articles/<id>/related", "/api/articles/<id>",
            "/api/suggest", "/api/health", "/openapi.json");

    private final SearchBackend service;
    private final Analytics analytics;

    ApiRoutes(SearchBackend service, Analytics analytics) {
        this.service = service;
        this.analytics = analytics;
    }

    void addTo(JavalinConfig config) {
        GetAndHead.add(config, "/api/search", this::search);
        // Registered first: ids may contain '/', so the article route would otherwise take ".../related" as an id.
        GetAndHead.add(config, "/api/articles/<id>/related", this::related);
        GetAndHead.add(config, "/api/articles/<id>", this::article);
        GetAndHead.add(config, "/api/suggest", this::suggest);
        GetAndHead.add(config, "/api/health", this::health);
        GetAndHead.add(config, "/openapi.json", this::openApi);
    }

    private void search(Context ctx) throws IOException {
        SearchRequest request = SearchParams.read(ctx.queryParamMap());
        ctx.json(service.search(request));
        // A program says which of its searches a person committed to with commit=1; others are not recorded.
        if (analytics != null && "1".equals(SearchParams.first(ctx.queryParamMap(), "commit", ""))
                && !EventRoutes.optedOut(ctx)) {
            analytics.committed(request, "api");
        }
    }

    private void article(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        java.util.Optional<ArticleView> article = service.article(id);
        if (article.isEmpty()) {
            ApiErrors.send(ctx, 404, "not_found", "no article with id '" + id + "'", "id");
            return;
        }
        ctx.json(article.get());
    }

    private void related(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        int size = SearchParams.integer(ctx.queryParamMap(), "size", DEFAULT_RELATED);
        java.util.Optional<List<Hit>> related = service.related(id, size);
        if (related.isEmpty()) {
            ApiErrors.send(ctx, 404, "not_found", "no article with id '" + id + "'", "id");
            return;
        }
        ctx.json(Map.of("id", id, "hits", related.get()));
    }

    private void suggest(Context ctx) throws IOException {
        String prefix = SearchParams.first(ctx.queryParamMap(), "q", "");
        if (prefix.length() > 100) {
            throw new BadRequestException("q", "query_too_long", "q must be at most 100 characters");
        }
        int size = SearchParams.integer(ctx.queryParamMap(), "size", 8);
        if (size < 1 || size > MAX_SUGGESTIONS) {
            throw new BadRequestException("size", "invalid_size", "size must be between 1 and " + MAX_SUGGESTIONS);
        }
        List<Suggestion> suggestions = prefix.isBlank() ? List.of() : service.suggest(prefix, size);
        ctx.json(Map.of("suggestions", suggestions));
    }

    private void health(Context ctx) throws IOException {
        IndexInfo info = service.info();
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("status", service.status());
        health.put("documents", info.documents());
        health.put("schema_version", info.schemaVersion());
        health.put("built_at", info.builtAt());
        health.put("generation", info.generation());
        health.put("zone", info.zone());
        AnalysisStatus analysis = service.analysis();
        if (analysis != null) {
            // "reindex_required" for programs; the message for the person reading the health check.
            health.put("reindex_required", analysis.reindexRequired());
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("source", analysis.source());
            details.put("loaded_at", analysis.loadedAt());
            details.put("reindex_changes", analysis.reindexChanges());
            details.put("message", analysis.message());
            details.put("error", analysis.error());
            health.put("analysis", details);
        }
        ctx.json(health);
    }

    private void openApi(Context ctx) throws IOException {
        try (InputStream in = ApiRoutes.class.getResourceAsStream("/kensaku/http/openapi.json")) {
            ctx.contentType("application/json").result(in.readAllBytes());
        }
    }
}
