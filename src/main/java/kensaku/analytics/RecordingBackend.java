package kensaku.analytics;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import kensaku.search.ArticleView;
import kensaku.search.Hit;
import kensaku.search.IndexInfo;
import kensaku.search.SearchBackend;
import kensaku.search.SearchRequest;
import kensaku.search.SearchResponse;
import kensaku.search.Suggestion;

/**
 * A backend that remembers each answered search with a query (in {@link RecentSearches}) so that a later commit or
 * click can be recorded with the server's own figures. Above the seam: the same for the embedded engine and
 * OpenSearch. Records nothing by itself: a keystroke's search is not a committed one.
 */
final class RecordingBackend implements SearchBackend {
    private final SearchBackend backend;
    private final Analytics analytics;

    RecordingBackend(SearchBackend backend, Analytics analytics) {
        this.backend = backend;
        this.analytics = analytics;
    }

    @Override
    public SearchResponse search(SearchRequest request) throws IOException {
        long start = System.nanoTime();
        SearchResponse response = backend.search(request);
        if (request.hasQuery()) {
            analytics.answered(request, response, (System.nanoTime() - start) / 1e6);
        }
        return response;
    }

    @Override
    public Optional<ArticleView> article(String id) throws IOException {
        return backend.article(id);
    }

    @Override
    public Optional<List<Hit>> related(String id, int size) throws IOException {
        return backend.related(id, size);
    }

    @Override
    public List<Suggestion> suggest(String prefix, int limit) throws IOException {
        return backend.suggest(prefix, limit);
    }

    @Override
    public IndexInfo info() throws IOException {
        return backend.info();
    }
}
