package kensaku.search;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * @param total   exact number of matching articles
 * @param facets  company, tag, category and month, each sorted by count then value
 * @param timedOut the search ran out of its time budget: hits and counts are what was found until then
 * @param didYouMean a corrected query that finds more, offered when this one found few or no articles; or null
 * @param ignoredWords words of the query beyond the query limit (32), not searched; empty when none
 * @param interpretedAs how the query was searched when as typed it found few articles and its reading or romaji
 *                      found more; null when it was searched as typed
 */
public record SearchResponse(long total, long tookMillis, boolean timedOut, int page, int size, List<Hit> hits,
                             Map<String, List<FacetCount>> facets, String didYouMean, List<String> ignoredWords,
                             InterpretedQuery interpretedAs) {
    public SearchResponse {
        hits = List.copyOf(hits);
        ignoredWords = List.copyOf(ignoredWords);
        // In the order given (company, tag, category, month), so the JSON's keys come in that order every time.
        facets = Collections.unmodifiableMap(new LinkedHashMap<>(facets));
    }

    public SearchResponse(long total, long tookMillis, boolean timedOut, int page, int size, List<Hit> hits,
            Map<String, List<FacetCount>> facets, String didYouMean) {
        this(total, tookMillis, timedOut, page, size, hits, facets, didYouMean, List.of(), null);
    }

    /** This answer, for a query of which these words were left out. */
    public SearchResponse ignoring(List<String> words) {
        return words.isEmpty() ? this
                : new SearchResponse(total, tookMillis, timedOut, page, size, hits, facets, didYouMean, words, interpretedAs);
    }

    /** This answer, found by searching the query as {@code interpretation} says; no correction is offered then. */
    public SearchResponse interpretedAs(InterpretedQuery interpretation) {
        return new SearchResponse(total, tookMillis, timedOut, page, size, hits, facets, null, ignoredWords, interpretation);
    }
}
