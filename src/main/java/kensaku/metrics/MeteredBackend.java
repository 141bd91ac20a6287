package kensaku.metrics;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import kensaku.search.ArticleView;
import kensaku.search.BadRequestException;
import kensaku.search.Hit;
import kensaku.search.IndexInfo;
import kensaku.search.SearchBackend;
import kensaku.search.SearchRequest;
import kensaku.search.SearchResponse;
import kensaku.search.Suggestion;

/** A backend whose searches are timed and counted by outcome; the engine underneath knows nothing of it. */
public final class MeteredBackend implements SearchBackend {
    private final SearchBackend backend;
    private final ServerMetrics metrics;

    public MeteredBackend(SearchBackend backend, ServerMetrics metrics) {
        this.backend = backend;
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
