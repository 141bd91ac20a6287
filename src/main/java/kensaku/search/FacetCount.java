package kensaku.search;

/**
 * One value of a facet and how many matching articles have it.
 *
 * @param value what to filter by (a canonical company name, a tag, a YYYY-MM month)
 * @param label what a reader sees: a company's Japanese display name (トヨタ for Toyota), else the value itself
 */
public record FacetCount(String value, String label, long count) {
    public FacetCount {
        label = label == null ? value : label;
    }

    public FacetCount(String value, long count) {
        this(value, value, count);
    }
}
