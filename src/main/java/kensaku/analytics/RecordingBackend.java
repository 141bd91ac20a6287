package kensaku.analytics;

import java.io.IOException;
import kensaku.search.ForwardingSearchBackend;
import kensaku.search.SearchBackend;
import kensaku.search.SearchRequest;
import kensaku.search.SearchResponse;

/**
 * A backend that remembers each answered search with a query (in {@link RecentSearches}) so that a later commit or
 * click can be recorded with the server's own figures. Above the seam: the same for the embedded engine and
 * OpenSearch. Records nothing by itself: a keystroke's search is not a committed one.
 */
final class RecordingBackend extends ForwardingSearchBackend {
    private final Analytics analytics;

    RecordingBackend(SearchBackend backend, Analytics analytics) {
        super(backend);
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
}
