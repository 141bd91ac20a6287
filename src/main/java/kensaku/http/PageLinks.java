package kensaku.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The search page's URL state (q, filters, range, sort, page) and the links that change one part of it. */
record PageLinks(Map<String, List<String>> params) {
    static final List<String> NAMES = List.of("q", "company", "tag", "category", "from", "to", "sort", "size", "page");

    static PageLinks of(Map<String, List<String>> raw) {
        Map<String, List<String>> kept = new LinkedHashMap<>();
        for (String name : NAMES) {
            List<String> values = raw.getOrDefault(name, List.of()).stream()
                    .filter(v -> v != null && !v.isBlank()).toList();
            if (!values.isEmpty()) {
                kept.put(name, values);
            }
        }
        return new PageLinks(kept);
    }

    List<String> values(String name) {
        return params.getOrDefault(name, List.of());
    }

    String value(String name) {
        List<String> values = values(name);
        return values.isEmpty() ? "" : values.get(0);
    }

    boolean hasFilters() {
        return List.of("company", "tag", "category", "from", "to").stream().anyMatch(params::containsKey);
    }

    /** How many filters are on: each facet value, and the date range as one. */
    int filterCount() {
        int count = values("company").size() + values("tag").size() + values("category").size();
        return count + (params.containsKey("from") || params.containsKey("to") ? 1 : 0);
    }

    /** The search as a query string ("?q=…&company=…&page=2", or ""), e.g. for an article's way back to it. */
    String query() {
        return Html.query(params);
    }

    /** The current page without the date range, back on page 1. */
    String withoutRange() {
        Map<String, List<String>> next = copyWithout("page");
        next.remove("from");
        next.remove("to");
        return "/" + Html.query(next);
    }

    /** The current page with one facet value ticked or unticked, back on page 1. */
    String toggle(String facet, String value) {
        Map<String, List<String>> next = copyWithout("page");
        List<String> values = new ArrayList<>(next.getOrDefault(facet, List.of()));
        if (!values.remove(value)) {
            values.add(value);
        }
        next.put(facet, values);
        return "/" + Html.query(next);
    }

    /** Only this value of the facet (chips on a result), keeping the query. */
    String only(String facet, String value) {
        Map<String, List<String>> next = new LinkedHashMap<>();
        next.put("q", values("q"));
        next.put(facet, List.of(value));
        return "/" + Html.query(next);
    }

    String withRange(String from, String to) {
        Map<String, List<String>> next = copyWithout("page");
        next.put("from", List.of(from));
        next.put("to", List.of(to));
        return "/" + Html.query(next);
    }

    /** Another query with the same filters and sort, back on page 1. */
    String withQuery(String query) {
        Map<String, List<String>> next = copyWithout("page");
        next.put("q", List.of(query));
        return "/" + Html.query(next);
    }

    String withSort(String sort) {
        Map<String, List<String>> next = copyWithout("page");
        next.put("sort", List.of(sort));
        return "/" + Html.query(next);
    }

    String withPage(int page) {
        Map<String, List<String>> next = copyWithout("page");
        next.put("page", List.of(Integer.toString(page)));
        return "/" + Html.query(next);
    }

    /** Same query, no filters. */
    String cleared() {
        Map<String, List<String>> next = new LinkedHashMap<>();
        next.put("q", values("q"));
        next.put("sort", values("sort"));
        return "/" + Html.query(next);
    }

    private Map<String, List<String>> copyWithout(String name) {
        Map<String, List<String>> copy = new LinkedHashMap<>(params);
        copy.remove(name);
        return copy;
    }
}
