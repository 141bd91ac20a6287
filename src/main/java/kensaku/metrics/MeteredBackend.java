package kensaku.metrics;

import java.io.IOException;
import kensaku.search.BadRequestException;
import kensaku.search.ForwardingSearchBackend;
import kensaku.search.SearchBackend;
import kensaku.search.SearchRequest;
import kensaku.search.SearchResponse;

/** A backend whose searches are timed and counted by outcome; the engine underneath knows nothing of it. */
public final class MeteredBackend extends ForwardingSearchBackend {
    private final ServerMetrics metrics;

    public MeteredBackend(SearchBackend backend, ServerMetrics metrics) {
        super(backend);
        this.metrics = metrics;
    }

    @Override
    public SearchResponse search(SearchRequest request) throws IOException {
        long start = System.nanoTime();
        String outcome = "failed";
        try {
            SearchResponse response = backend.search(request);
            outcome = response.timedOut() ? "timed_out" : "answered";
            return response;
        } catch (BadRequestException e) {
            outcome = "refused";
            throw e;
        } finally {
            metrics.searched(outcome, System.nanoTime() - start);
        }
    }
}
