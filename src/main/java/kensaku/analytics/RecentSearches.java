package kensaku.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kensaku.search.SearchRequest;
import kensaku.search.SearchResponse;

/**
 * The searches answered lately, by request: when a page later says "this one was committed" or "the reader clicked
 * the third hit", the figures come from what the server answered (total, latency, correction, which article was
 * third), not from the browser. Keyed by what was asked, never by who asked; bounded in size and age.
 */
final class RecentSearches {
    static final int CAPACITY = 10_000;
    static final Duration KEEP = Duration.ofMinutes(30);

    /** What analytics needs of an answer: small, so ten thousand of them cost a few megabytes. */
    record Answer(Instant at, long total, String didYouMean, double latencyMillis, int page, int size,
                  List<String> articles) {
        static Answer of(Instant at, SearchResponse response, double latencyMillis) {
            return new Answer(at, response.total(), response.didYouMean(), latencyMillis, response.page(),
                    response.size(), response.hits().stream().map(hit -> hit.id()).toList());
        }
    }

    private final Map<SearchRequest, Answer> answers = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<SearchRequest, Answer> eldest) {
            return size() > CAPACITY;
        }
    };

    synchronized void answered(SearchRequest request, Answer answer) {
        answers.put(request, answer);
    }

    /** The latest answer to this request, or null when there is none from the last half hour. */
    synchronized Answer find(SearchRequest request, Instant now) {
        Answer answer = answers.get(request);
        return answer == null || answer.at().isBefore(now.minus(KEEP)) ? null : answer;
    }
}
