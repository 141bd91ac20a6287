package kensaku.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One search, already validated. Values of one facet are ORed, facets are ANDed.
 *
 * @param query      the user's query text, "" to browse everything
 * @param from       first day included (display zone), or null
 * @param to         last day included (display zone), or null
 * @param page       1-based
 */
public record SearchRequest(String query, List<String> companies, List<String> tags, List<String> categories,
                            LocalDate from, LocalDate to, SortOrder sort, int page, int size) {
    public static final int MAX_SIZE = 100;
    /** Deepest result reachable by paging; deeper pages cost more than any reader needs. */
    public static final int MAX_DEPTH = 10_000;
    public static final int MAX_QUERY_CHARS = 1_000;
    public static final int MAX_FILTER_VALUES = 50;

    public SearchRequest {
        query = Objects.requireNonNullElse(query, "").strip();
        companies = List.copyOf(companies);
        tags = List.copyOf(tags);
        categories = List.copyOf(categories);
        Objects.requireNonNull(sort, "sort");
        if (query.length() > MAX_QUERY_CHARS) {
            throw new BadRequestException("q", "query_too_long", "q is longer than " + MAX_QUERY_CHARS + " characters");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new BadRequestException("size", "invalid_size", "size must be between 1 and " + MAX_SIZE);
        }
        if (page < 1) {
            throw new BadRequestException("page", "invalid_page", "page must be 1 or more");
        }
        if ((long) page * size > MAX_DEPTH) {
            throw new BadRequestException("page", "page_too_deep",
                    "page * size must not exceed " + MAX_DEPTH + "; narrow the search instead");
        }
        checkFilterCount("company", companies);
        checkFilterCount("tag", tags);
        checkFilterCount("category", categories);
        if (from != null && to != null && from.isAfter(to)) {
            throw new BadRequestException("from", "invalid_range", "from is after to");
        }
    }

    /** Browse everything, newest first. */
    public static SearchRequest browse(int size) {
        return new SearchRequest("", List.of(), List.of(), List.of(), null, null, SortOrder.DATE, 1, size);
    }

    /** A plain query with defaults. */
    public static SearchRequest of(String query) {
        return new SearchRequest(query, List.of(), List.of(), List.of(), null, null,
                query.isBlank() ? SortOrder.DATE : SortOrder.RELEVANCE, 1, 10);
    }

    /** The same search for other words (what the query limit kept of the query). */
    public SearchRequest withQuery(String text) {
        return text.equals(query) ? this
                : new SearchRequest(text, companies, tags, categories, from, to, sort, page, size);
    }

    public boolean hasQuery() {
        return !query.isEmpty();
    }

    private static void checkFilterCount(String param, List<String> values) {
        if (values.size() > MAX_FILTER_VALUES) {
            throw new BadRequestException(param, "too_many_values",
                    param + " may be given at most " + MAX_FILTER_VALUES + " times");
        }
    }
}
