package kensaku.analytics;

import java.time.Instant;

/**
 * What analytics keeps: committed searches, clicks on their results and 「もしかして」 corrections taken. No event
 * holds an address, a cookie, a user agent or any other identifier of the reader; only what the search was.
 */
public sealed interface Event {
    Instant at();

    /**
     * A committed search.
     *
     * @param query        as typed (stripped)
     * @param normalized   as the engine compares it: see {@link QueryForm#normalize}
     * @param filters      the filters, as a canonical query string (company=…&amp;tag=…&amp;from=…), "" for none
     * @param sort         relevance or date
     * @param page         1-based
     * @param total        articles found
     * @param didYouMean   the correction offered, or null
     * @param latencyMillis time the backend took to answer
     * @param source       page (the search page), api (the widget and programs that commit)
     */
    record Search(Instant at, String query, String normalized, String filters, String sort, int page, long total,
                  String didYouMean, double latencyMillis, String source) implements Event {}

    /** A click on the result at this rank (1-based over all pages) of a search for this query. */
    record Click(Instant at, String query, String normalized, String article, int rank) implements Event {}

    /** The reader took the 「もしかして」 correction offered for this query. */
    record Correction(Instant at, String query, String normalized, String suggestion) implements Event {}
}
