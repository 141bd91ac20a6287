package kensaku.search;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A backend that hands every call to another. Decorators (metrics, analytics) extend it and override only what they
 * add to, so a call they do not touch, such as {@link #status()}, can never be lost on the way.
 */
public abstract class ForwardingSearchBackend implements SearchBackend {
    protected final SearchBackend backend;

    protected ForwardingSearchBackend(SearchBackend backend) {
        this.backend = Objects.requireNonNull(backend, "backend");
    }

    @Override
    public SearchResponse search(SearchRequest request) throws IOException {
        return backend.search(request);
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

    @Override
    public String status() {
        return backend.status();
    }

    @Override
    public AnalysisStatus analysis() {
        return backend.analysis();
    }
}
