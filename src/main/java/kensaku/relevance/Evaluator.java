package kensaku.relevance;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import kensaku.search.Hit;
import kensaku.search.SearchRequest;
import kensaku.search.SearchResponse;
import kensaku.search.SearchBackend;

/**
 * Runs every judged query through the search service, as a user would type it, and scores the first page. When a
 * query finds nothing and the page offers 「もしかして」, the scored page is the suggestion's: one click away, and
 * the only page the user can act on.
 */
public final class Evaluator {
    private final SearchBackend service;

    /** Any backend: the embedded index, or a cluster (so both can be judged by the same queries). */
    public Evaluator(SearchBackend service) {
        this.service = service;
    }

    public EvalReport evaluate(JudgedSet judged) throws IOException {
        List<QueryScore> scores = new ArrayList<>();
        for (JudgedQuery query : judged.queries()) {
            scores.add(QueryScore.of(query, firstPage(query.query())));
        }
        return EvalReport.of(scores);
    }

    private List<String> firstPage(String query) throws IOException {
        SearchResponse response = service.search(SearchRequest.of(query));
        if (response.total() == 0 && response.didYouMean() != null) {
            response = service.search(SearchRequest.of(response.didYouMean()));
        }
        return response.hits().stream().map(Hit::id).toList();
    }
}
