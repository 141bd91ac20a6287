package kensaku.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kensaku.analysis.CompanyGazetteer;
import kensaku.index.Schema;
import kensaku.search.SuggestionRanking.Candidate;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.util.Bits;

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

    Suggester(IndexSnapshot snapshot, CompanyGazetteer gazetteer) throws IOException {
        List<Key> keyList = new ArrayList<>();
        Map<String, Map<String, Long>> counts = countAll(snapshot);
        addCompanies(gazetteer, counts.get(Schema.FACET_COMPANY), keyList);
        counts.get(Schema.FACET_TAG).forEach((tag, count) ->
                add(new Suggestion(tag, "tag", tag, null), count, List.of(tag), keyList));
        addTitles(snapshot, keyList);
        keys = keyList.toArray(Key[]::new);
        Arrays.sort(keys, Comparator.comparing(Key::folded));
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

    private void addTitles(IndexSnapshot snapshot, List<Key> keyList) throws IOException {
        for (LeafReaderContext leaf : snapshot.reader().leaves()) {
            Bits live = leaf.reader().getLiveDocs();
            BinaryDocValues titles = DocValues.getBinary(leaf.reader(), Schema.TITLE_VALUE);
            BinaryDocValues ids = DocValues.getBinary(leaf.reader(), Schema.ID_VALUE);
            for (int doc = titles.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = titles.nextDoc()) {
                if ((live != null && !live.get(doc)) || !ids.advanceExact(doc)) {
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

    private static Map<String, Map<String, Long>> countAll(IndexSnapshot snapshot) throws IOException {
        FacetsCollector collector = snapshot.searcher().search(new MatchAllDocsQuery(), new FacetsCollectorManager());
        SortedSetDocValuesFacetCounts facets = new SortedSetDocValuesFacetCounts(snapshot.facetState(), collector);
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
