package kensaku.search.lucene.facets;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.search.IndexSearcher;

/**
 * Lucene's drill-sideways search (a filtered dimension is counted as if its own filter were off) with the counts
 * taken from {@link FacetOrdinals}: each filtered dimension over the matches of the other filters, every other
 * dimension over the search's own matches.
 */
public final class DrillSidewaysFacets extends DrillSideways {
    private final FacetOrdinals ordinals;

    public DrillSidewaysFacets(IndexSearcher searcher, FacetsConfig config, SortedSetDocValuesReaderState state,
            FacetOrdinals ordinals) {
        super(searcher, config, state);
        this.ordinals = ordinals;
    }

    /** The counts of a search from its hits and, per filtered dimension, that dimension's drill-sideways matches. */
    public Facets counts(FacetsCollector hits, FacetsCollector[] sideways, String[] sidewaysDims) throws IOException {
        return buildFacetsResult(hits, sideways, sidewaysDims);
    }

    @Override
    protected Facets buildFacetsResult(FacetsCollector drillDowns, FacetsCollector[] drillSideways,
            String[] drillSidewaysDims) throws IOException {
        int[] own = drillDowns == null ? null : ordinals.count(drillDowns);
        Map<String, int[]> sideways = new HashMap<>();
        for (int i = 0; drillSideways != null && i < drillSideways.length; i++) {
            if (ordinals.dims().contains(drillSidewaysDims[i])) {
                sideways.put(drillSidewaysDims[i], ordinals.count(drillSideways[i]));
            }
        }
        return new Counts(ordinals, own, sideways);
    }

    /** The counts of one search, dimension by dimension; the dimensions are flat (no paths below a value). */
    static final class Counts extends Facets {
        private final FacetOrdinals ordinals;
        private final int[] own;
        private final Map<String, int[]> sideways;

        Counts(FacetOrdinals ordinals, int[] own, Map<String, int[]> sideways) {
            this.ordinals = ordinals;
            this.own = own;
            this.sideways = Map.copyOf(sideways);
        }

        @Override
        public FacetResult getAllChildren(String dim, String... path) {
            if (path.length > 0) {
                throw new IllegalArgumentException("facet dimensions are flat: no path below \"" + dim + "\"");
            }
            int[] counts = sideways.getOrDefault(dim, own);
            return counts == null ? null : ordinals.children(dim, counts);
        }

        @Override
        public FacetResult getTopChildren(int topN, String dim, String... path) {
            FacetResult all = getAllChildren(dim, path);
            if (all == null) {
                return null;
            }
            LabelAndValue[] top = Arrays.stream(all.labelValues)
                    .sorted(Comparator.comparingLong((LabelAndValue child) -> child.value.longValue()).reversed()
                            .thenComparing(child -> child.label))
                    .limit(topN).toArray(LabelAndValue[]::new);
            return new FacetResult(dim, new String[0], all.value, top, all.childCount);
        }

        @Override
        public Number getSpecificValue(String dim, String... path) {
            if (path.length != 1) {
                throw new IllegalArgumentException("a value of a flat dimension is one label, got " + path.length);
            }
            FacetResult all = getAllChildren(dim);
            if (all != null) {
                for (LabelAndValue child : all.labelValues) {
                    if (child.label.equals(path[0])) {
                        return child.value;
                    }
                }
            }
            return 0;
        }

        @Override
        public List<FacetResult> getAllDims(int topN) {
            List<FacetResult> results = new ArrayList<>();
            for (String dim : ordinals.dims()) {
                FacetResult top = getTopChildren(topN, dim);
                if (top != null) {
                    results.add(top);
                }
            }
            return results;
        }
    }
}
