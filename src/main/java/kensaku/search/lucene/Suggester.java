package kensaku.search.lucene;

import java.io.IOException;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kensaku.analysis.CompanyGazetteer;
import kensaku.index.Schema;
import kensaku.search.plan.SuggestionRanking.Candidate;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.index.SortedNumericDocValues;
import kensaku.search.Suggestion;
import kensaku.search.Visibility;
import kensaku.search.kana.KanaNormalizer;
import kensaku.search.plan.SuggestionRanking;

/**
 * Completions from the companies, tags and titles of one index generation. Every candidate is reachable from the
 * folded form ({@link KanaNormalizer}) of its text and, for companies, of each alias, so えぬ and NV both lead to
 * NVIDIA; a Latin prefix is also read as romaji, so enubi does too. Ranked as {@link SuggestionRanking} says.
 */
final class Suggester {
    private static final int MAX_SCAN = 5_000;

    private record Key(String folded, int candidate) {}

    private final List<Candidate> candidates = new ArrayList<>();
    private final Key[] keys;
    private final Visibility visibility;
    private final Instant builtAt;
    /** The next moment an article goes live or expires: from then on this suggester is out of date. */
    private final Instant validUntil;

    /** Completions from the articles shown at {@code now}: a scheduled article's title and tags wait for its time. */
    Suggester(IndexSearcher searcher, SortedSetDocValuesReaderState facetState, PublishingBounds publishing,
              CompanyGazetteer gazetteer, Visibility visibility, Instant now) throws IOException {
        this.visibility = visibility;
        this.builtAt = now;
        List<Key> keyList = new ArrayList<>();
        FacetsCollector visible = searcher.search(publishing.allVisibleAt(now, visibility),
                new FacetsCollectorManager());
        Map<String, Map<String, Long>> counts = countAll(facetState, visible);
        addCompanies(gazetteer, counts.get(Schema.FACET_COMPANY), keyList);
        counts.get(Schema.FACET_TAG).forEach((tag, count) ->
                add(new Suggestion(tag, "tag", tag, null), count, List.of(tag), keyList));
        addTitles(visible, keyList);
        keys = keyList.toArray(Key[]::new);
        Arrays.sort(keys, Comparator.comparing(Key::folded));
        this.validUntil = nextChange(searcher.getIndexReader(), visibility, now);
    }

    /** Whether this suggester offers exactly what is shown at that moment. */
    boolean servesAt(Visibility asked, Instant now) {
        return visibility.equals(asked) && !now.isBefore(builtAt) && now.isBefore(validUntil);
    }

    private static Instant nextChange(IndexReader reader, Visibility visibility, Instant now) throws IOException {
        long millis = now.toEpochMilli();
        long next = Long.MAX_VALUE;
        List<String> fields = visibility.includeFuture() ? List.of(Schema.EXPIRE_AT)
                : List.of(Schema.PUBLISH_AT, Schema.EXPIRE_AT);
        for (LeafReaderContext leaf : reader.leaves()) {
            for (String field : fields) {
                SortedNumericDocValues values = DocValues.getSortedNumeric(leaf.reader(), field);
                for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                    long at = values.nextValue();
                    if (at > millis && at < next) {
                        next = at;
                    }
                }
            }
        }
        return next == Long.MAX_VALUE ? Instant.MAX : Instant.ofEpochMilli(next);
    }

    List<Suggestion> suggest(String prefix, int limit) {
        Map<Integer, Candidate> found = new LinkedHashMap<>();
        for (String folded : SuggestionRanking.prefixesOf(prefix)) {
            collect(folded, found);
        }
        return SuggestionRanking.best(found.values(), limit);
    }

    private void collect(String folded, Map<Integer, Candidate> found) {
        int at = lowerBound(folded);
        for (int i = at; i < keys.length && i - at < MAX_SCAN && keys[i].folded().startsWith(folded); i++) {
            found.putIfAbsent(keys[i].candidate(), candidates.get(keys[i].candidate()));
        }
    }

    private void addCompanies(CompanyGazetteer gazetteer, Map<String, Long> companyCounts, List<Key> keyList) {
        for (CompanyGazetteer.Company company : gazetteer.companies()) {
            Long count = companyCounts.get(company.canonical());
            if (count == null) {
                continue;
            }
            List<String> names = new ArrayList<>(company.aliases());
            names.add(company.canonical());
            add(new Suggestion(company.canonical(), "company", company.canonical(), null), count, names, keyList);
        }
    }

    private void addTitles(FacetsCollector visible, List<Key> keyList) throws IOException {
        for (FacetsCollector.MatchingDocs matching : visible.getMatchingDocs()) {
            LeafReaderContext leaf = matching.context();
            BinaryDocValues titles = DocValues.getBinary(leaf.reader(), Schema.TITLE_VALUE);
            BinaryDocValues ids = DocValues.getBinary(leaf.reader(), Schema.ID_VALUE);
            DocIdSetIterator docs = matching.bits() == null ? null : matching.bits().iterator();
            if (docs == null) {
                continue;
            }
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                if (!titles.advanceExact(doc) || !ids.advanceExact(doc)) {
                    continue;
                }
                String title = titles.binaryValue().utf8ToString();
                String id = ids.binaryValue().utf8ToString();
                add(new Suggestion(title, "title", title, id), 1, List.of(title), keyList);
            }
        }
    }

    private void add(Suggestion suggestion, long weight, List<String> names, List<Key> keyList) {
        int index = candidates.size();
        candidates.add(new Candidate(suggestion, weight));
        for (String name : names) {
            String folded = KanaNormalizer.fold(name);
            if (!folded.isEmpty()) {
                keyList.add(new Key(folded, index));
            }
        }
    }

    private int lowerBound(String folded) {
        int low = 0;
        int high = keys.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (keys[mid].folded().compareTo(folded) < 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static Map<String, Map<String, Long>> countAll(SortedSetDocValuesReaderState facetState, FacetsCollector collector)
            throws IOException {
        SortedSetDocValuesFacetCounts facets = new SortedSetDocValuesFacetCounts(facetState, collector);
        Map<String, Map<String, Long>> counts = new HashMap<>();
        for (String dim : List.of(Schema.FACET_COMPANY, Schema.FACET_TAG)) {
            Map<String, Long> values = new HashMap<>();
            FacetResult result = childrenOrNull(facets, dim);
            if (result != null) {
                for (LabelAndValue child : result.labelValues) {
                    values.put(child.label, child.value.longValue());
                }
            }
            counts.put(dim, values);
        }
        return counts;
    }

    static FacetResult childrenOrNull(org.apache.lucene.facet.Facets facets, String dim) throws IOException {
        try {
            return facets.getAllChildren(dim);
        } catch (IllegalArgumentException e) {
            // The dimension never occurs in this index (e.g. no article has a tag).
            return null;
        }
    }
}
