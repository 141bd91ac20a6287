package kensaku.http;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import kensaku.search.BadRequestException;
import kensaku.search.SearchRequest;
import kensaku.search.SortOrder;

/**
 * Reads search parameters from a query-parameter map into a validated {@link SearchRequest}; shared by the API and
 * the server-rendered page so both read a URL the same way. Throws {@link BadRequestException} naming the
 * parameter at fault.
 */
public final class SearchParams {
    static final int DEFAULT_SIZE = 10;
    private static final int MAX_VALUE_CHARS = 200;
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    private SearchParams() {}

    public static SearchRequest read(Map<String, List<String>> params) {
        String query = first(params, "q", "");
        SortOrder sort = params.containsKey("sort") && !first(params, "sort", "").isBlank()
                ? SortOrder.parse(first(params, "sort", ""))
                : query.isBlank() ? SortOrder.DATE : SortOrder.RELEVANCE;
        return new SearchRequest(query, values(params, "company"), values(params, "tag"), values(params, "category"),
                date(params, "from", false), date(params, "to", true), sort,
                integer(params, "page", 1), integer(params, "size", DEFAULT_SIZE));
    }

    static String first(Map<String, List<String>> params, String name, String fallback) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() || values.get(0) == null ? fallback : values.get(0);
    }

    static int integer(Map<String, List<String>> params, String name, int fallback) {
        String text = first(params, name, "").strip();
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new BadRequestException(name, "invalid_integer", name + " must be a whole number");
        }
    }

    private static List<String> values(Map<String, List<String>> params, String name) {
        List<String> values = params.getOrDefault(name, List.of()).stream()
                .filter(v -> v != null && !v.isBlank()).map(String::strip).distinct().toList();
        for (String value : values) {
            if (value.length() > MAX_VALUE_CHARS) {
                throw new BadRequestException(name, "value_too_long",
                        name + " values must be at most " + MAX_VALUE_CHARS + " characters");
            }
        }
        return values;
    }

    /** YYYY-MM-DD, or YYYY-MM meaning the month's first day (from) or last day (to). */
    private static LocalDate date(Map<String, List<String>> params, String name, boolean endOfPeriod) {
        String text = first(params, name, "").strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            if (DAY.matcher(text).matches()) {
                return LocalDate.parse(text);
            }
            if (MONTH.matcher(text).matches()) {
                YearMonth month = YearMonth.parse(text);
                return endOfPeriod ? month.atEndOfMonth() : month.atDay(1);
            }
        } catch (DateTimeException e) {
            // falls through to the error below
        }
        throw new BadRequestException(name, "invalid_date", name + " must be a date as YYYY-MM-DD or YYYY-MM");
    }
}
