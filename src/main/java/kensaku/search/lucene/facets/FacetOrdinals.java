package kensaku.search.lucene.facets;

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
import org.apache.lucene.util.BitDocIdSet;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.LongValues;

/**
 * Every article's values of the facet dimensions a response shows, as ordinals in plain arrays, read once per index
 * generation from the facet doc values. Counting a search's matches is then a walk over those arrays, where
 * Lucene's doc-values counting decodes each match's values again, for every dimension (author and year too), and
 * again for each drill-sideways dimension: at 100k articles that was 14–22% of a search's CPU. The ordinals are
 * Lucene's own (global over segments), so the counts are the ones {@code SortedSetDocValuesFacetCounts} gives.
 * About 4 bytes per value and per article: 4 MB at 100,000 articles.
 */
public final class FacetOrdinals {
    private final List<String> dims;
    /** By ordinal: the value's label, or null for a dimension not counted. */
    private final String[] labelOfOrd;
    private final int[] firstOrd;
    private final int[] lastOrd;
    /** By segment: where each document's ordinals start in {@link #ords} (one past the last document ends it). */
    private final int[][] starts;
    private final int[][] ords;
    /** By segment: the counts over all of its live documents, for counting a search that matches most of them. */
    private final int[][] liveCounts;
    /** By segment: its live documents as bit words, or null when it has no deletions. */
    private final long[][] liveWords;

    private FacetOrdinals(List<String> dims, String[] labelOfOrd, int[] firstOrd, int[] lastOrd, int[][] starts,
            int[][] ords, IndexReader reader) throws IOException {
        this.dims = dims;
        this.labelOfOrd = labelOfOrd;
        this.firstOrd = firstOrd;
        this.lastOrd = lastOrd;
        this.starts = starts;
        this.ords = ords;
        int leaves = reader.leaves().size();
        this.liveCounts = new int[leaves][];
        this.liveWords = new long[leaves][];
        for (LeafReaderContext leaf : reader.leaves()) {
            Bits live = leaf.reader().getLiveDocs();
            int maxDoc = leaf.reader().maxDoc();
            FixedBitSet words = new FixedBitSet(maxDoc);
            words.set(0, maxDoc);
            if (live != null) {
                for (int doc = 0; doc < maxDoc; doc++) {
                    if (!live.get(doc)) {
                        words.clear(doc);
                    }
                }
                liveWords[leaf.ord] = words.getBits();
            }
            int[] counts = new int[labelOfOrd.length];
            addEach(new BitSetIterator(words, maxDoc), starts[leaf.ord], ords[leaf.ord], counts, 1);
            liveCounts[leaf.ord] = counts;
        }
    }

    /** Reads the values of {@code dims} (flat dimensions) for every document of the state's reader. */
    public static FacetOrdinals read(SortedSetDocValuesReaderState state, List<String> dims) throws IOException {
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
        return new FacetOrdinals(List.copyOf(dims), labelOfOrd, firstOrd, lastOrd, starts, ords, reader);
    }

    List<String> dims() {
        return dims;
    }

    /**
     * How many of the collected matches hold each value, by ordinal. A segment that the search matches mostly (a
     * common word, a browse by date) is counted from the other side: its live documents' counts, less those of the
     * live documents it does not match, so no segment costs more than half of its documents.
     */
    int[] count(FacetsCollector matches) throws IOException {
        int[] counts = new int[labelOfOrd.length];
        for (FacetsCollector.MatchingDocs hits : matches.getMatchingDocs()) {
            int leaf = hits.context().ord;
            if (hits.totalHits() > hits.context().reader().numDocs() / 2 && hits.bits() instanceof BitDocIdSet set
                    && set.bits() instanceof FixedBitSet matched) {
                int[] all = liveCounts[leaf];
                for (int ord = 0; ord < counts.length; ord++) {
                    counts[ord] += all[ord];
                }
                addEach(unmatchedLive(matched, leaf), starts[leaf], ords[leaf], counts, -1);
                continue;
            }
            DocIdSetIterator docs = hits.bits().iterator();
            if (docs != null) {
                addEach(docs, starts[leaf], ords[leaf], counts, 1);
            }
        }
        return counts;
    }

    private DocIdSetIterator unmatchedLive(FixedBitSet matched, int leaf) {
        int maxDoc = matched.length();
        long[] words = matched.getBits();
        long[] live = liveWords[leaf];
        FixedBitSet unmatched = new FixedBitSet(maxDoc);
        long[] out = unmatched.getBits();
        for (int i = 0; i < out.length; i++) {
            out[i] = ~words[i] & (live == null ? -1L : live[i]);
        }
        if ((maxDoc & 63) != 0) {
            out[out.length - 1] &= (1L << maxDoc) - 1; // no documents past the segment's end
        }
        return new BitSetIterator(unmatched, maxDoc);
    }

    private static void addEach(DocIdSetIterator docs, int[] docStarts, int[] docOrds, int[] counts, int delta)
            throws IOException {
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
            for (int i = docStarts[doc], end = docStarts[doc + 1]; i < end; i++) {
                counts[docOrds[i]] += delta;
            }
        }
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
