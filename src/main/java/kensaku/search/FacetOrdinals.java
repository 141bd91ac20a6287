package kensaku.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiDocValues.MultiSortedSetDocValues;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.LongValues;

/**
 * Every article's values of the facet dimensions a response shows, as ordinals in plain arrays, read once per index
 * generation from the facet doc values. Counting a search's matches is then a walk over those arrays, where
 * Lucene's doc-values counting decodes each match's values again, for every dimension (author and year too), and
 * again for each drill-sideways dimension: at 100k articles that was 14–22% of a search's CPU. The ordinals are
 * Lucene's own (global over segments), so the counts are the ones {@code SortedSetDocValuesFacetCounts} gives.
 * About 4 bytes per value and per article: 4 MB at 100,000 articles.
 */
final class FacetOrdinals {
    private final List<String> dims;
    /** By ordinal: the value's label, or null for a dimension not counted. */
    private final String[] labelOfOrd;
    private final int[] firstOrd;
    private final int[] lastOrd;
    /** By segment: where each document's ordinals start in {@link #ords} (one past the last document ends it). */
    private final int[][] starts;
    private final int[][] ords;

    private FacetOrdinals(List<String> dims, String[] labelOfOrd, int[] firstOrd, int[] lastOrd, int[][] starts,
            int[][] ords) {
        this.dims = dims;
        this.labelOfOrd = labelOfOrd;
        this.firstOrd = firstOrd;
        this.lastOrd = lastOrd;
        this.starts = starts;
        this.ords = ords;
    }

    /** Reads the values of {@code dims} (flat dimensions) for every document of the state's reader. */
    static FacetOrdinals read(SortedSetDocValuesReaderState state, List<String> dims) throws IOException {
        SortedSetDocValues all = state.getDocValues();
        String[] labelOfOrd = new String[Math.toIntExact(all.getValueCount())];
        int[] firstOrd = new int[dims.size()];
        int[] lastOrd = new int[dims.size()];
        for (int d = 0; d < dims.size(); d++) {
            SortedSetDocValuesReaderState.OrdRange range = state.getOrdRange(dims.get(d));
            firstOrd[d] = range == null ? 0 : range.start();
            lastOrd[d] = range == null ? -1 : range.end();
            for (int ord = firstOrd[d]; ord <= lastOrd[d]; ord++) {
                String[] path = FacetsConfig.stringToPath(all.lookupOrd(ord).utf8ToString());
                labelOfOrd[ord] = path[path.length - 1];
            }
        }
        OrdinalMap ordinalMap = all instanceof MultiSortedSetDocValues multi ? multi.mapping : null;
        IndexReader reader = state.getReader();
        int[][] starts = new int[reader.leaves().size()][];
        int[][] ords = new int[reader.leaves().size()][];
        for (LeafReaderContext leaf : reader.leaves()) {
            LongValues toGlobal = ordinalMap == null ? LongValues.IDENTITY : ordinalMap.getGlobalOrds(leaf.ord);
            SortedSetDocValues values = leaf.reader().getSortedSetDocValues(state.getField());
            int maxDoc = leaf.reader().maxDoc();
            int[] docStarts = new int[maxDoc + 1];
            int[] docOrds = new int[Math.max(16, maxDoc * 4)];
            int count = 0;
            for (int doc = 0; doc < maxDoc; doc++) {
                docStarts[doc] = count;
                if (values != null && values.advanceExact(doc)) {
                    for (int i = values.docValueCount(); i > 0; i--) {
                        int ord = (int) toGlobal.get(values.nextOrd());
                        if (labelOfOrd[ord] != null) {
                            if (count == docOrds.length) {
                                docOrds = Arrays.copyOf(docOrds, count * 2);
                            }
                            docOrds[count++] = ord;
                        }
                    }
                }
            }
            docStarts[maxDoc] = count;
            starts[leaf.ord] = docStarts;
            ords[leaf.ord] = Arrays.copyOf(docOrds, count);
        }
        return new FacetOrdinals(List.copyOf(dims), labelOfOrd, firstOrd, lastOrd, starts, ords);
    }

    List<String> dims() {
        return dims;
    }

    /** How many of the collected matches hold each value, by ordinal. */
    int[] count(FacetsCollector matches) throws IOException {
        int[] counts = new int[labelOfOrd.length];
        for (FacetsCollector.MatchingDocs hits : matches.getMatchingDocs()) {
            DocIdSetIterator docs = hits.bits().iterator();
            if (docs == null) {
                continue;
            }
            int[] docStarts = starts[hits.context().ord];
            int[] docOrds = ords[hits.context().ord];
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                for (int i = docStarts[doc], end = docStarts[doc + 1]; i < end; i++) {
                    counts[docOrds[i]]++;
                }
            }
        }
        return counts;
    }

    /** The dimension's values held by at least one match, in ordinal (label) order; null when none is. */
    FacetResult children(String dim, int[] counts) {
        int d = dims.indexOf(dim);
        if (d < 0) {
            throw new IllegalArgumentException("dimension \"" + dim + "\" is not counted");
        }
        List<LabelAndValue> children = new ArrayList<>();
        long total = 0;
        for (int ord = firstOrd[d]; ord <= lastOrd[d]; ord++) {
            if (counts[ord] > 0) {
                children.add(new LabelAndValue(labelOfOrd[ord], counts[ord]));
                total += counts[ord];
            }
        }
        return children.isEmpty() ? null
                : new FacetResult(dim, new String[0], total, children.toArray(LabelAndValue[]::new), children.size());
    }
}
