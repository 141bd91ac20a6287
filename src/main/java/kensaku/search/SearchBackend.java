package kensaku.search;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * What the HTTP API and the page ask of a search engine: searches with facets, one article, related articles,
 * suggestions and health. The embedded Lucene index ({@code kensaku.search.lucene.SearchService}) is the default; a cluster backend
 * answers the same calls with the same records, which carry no Lucene or cluster types.
 */
public interface SearchBackend {
    /** Most related articles one call may ask for. */
    int MAX_RELATED = 20;

    SearchResponse search(SearchRequest request) throws IOException;

    Optional<ArticleView> article(String id) throws IOException;

    /** Articles like the given one, best first, itself excluded; empty when there is no article with that id. */
    Optional<List<Hit>> related(String id, int size) throws IOException;

    List<Suggestion> suggest(String prefix, int limit) throws IOException;

    /** What is being served; fails when the backend cannot be reached. */
    IndexInfo info() throws IOException;

    /** "ok", or "verifying" while the served index is still being checked for damage after start. */
    default String status() {
        return "ok";
    }

    /** Where the analysis comes from and whether the index matches it; null when the backend does not say. */
    default AnalysisStatus analysis() {
        return null;
    }

    /** The same 400 for every backend. */
    static void checkRelatedSize(int size) {
        if (size < 1 || size > MAX_RELATED) {
            throw new BadRequestException("size", "invalid_size", "size must be between 1 and " + MAX_RELATED);
        }
    }
}
