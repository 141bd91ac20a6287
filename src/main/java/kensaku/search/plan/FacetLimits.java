package kensaku.search.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import kensaku.index.Schema;
import kensaku.search.FacetCount;

/** Which facets a search response shows and how many values each lists: the same for both engines. */
public final class FacetLimits {
    /** The facet dimensions a search response counts and shows, in the order shown. */
    public static final List<String> SHOWN =
            List.of(Schema.FACET_COMPANY, Schema.FACET_TAG, Schema.FACET_CATEGORY, Schema.FACET_MONTH);
    /** Each value list is cut to this many entries (selected values always kept). */
    public static final Map<String, Integer> LIMITS = Map.of(
            Schema.FACET_COMPANY, 100, Schema.FACET_TAG, 100, Schema.FACET_CATEGORY, 100, Schema.FACET_MONTH, 1_000);

    private FacetLimits() {}

    /**
     * Sorted by count then value and cut to the dimension's limit; a selected value is always listed, so it can
     * be unticked.
     */
    public static List<FacetCount> cut(List<FacetCount> counted, String dim, List<String> selected) {
        List<FacetCount> counts = new ArrayList<>(counted);
        counts.sort(Comparator.comparingLong(FacetCount::count).reversed().thenComparing(FacetCount::value));
        int limit = LIMITS.get(dim);
        if (counts.size() <= limit) {
            return counts;
        }
        List<FacetCount> cut = new ArrayList<>(counts.subList(0, limit));
        counts.subList(limit, counts.size()).stream().filter(c -> selected.contains(c.value())).forEach(cut::add);
        return cut;
    }
}
