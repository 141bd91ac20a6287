package kensaku.search.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kensaku.analysis.CompanyGazetteer;
import kensaku.analysis.JapaneseAnalyzers;
import kensaku.index.IndexFixtures;
import kensaku.index.Indexer;
import kensaku.index.Schema;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import kensaku.search.SearchRequest;
import kensaku.search.SortOrder;
import kensaku.search.lucene.facets.DrillSidewaysFacets;
import kensaku.search.lucene.facets.FacetOrdinals;
import kensaku.search.plan.FacetLimits;
import kensaku.search.plan.LuceneQueries;
import kensaku.search.plan.SearchPlan;
import kensaku.search.plan.SearchPlanner;
import kensaku.search.scoring.LazyProximityQuery;

/**
 * Our facet counts against Lucene's own drill-sideways counting ({@code SortedSetDocValuesFacetCounts}), on the
 * seed and judged articles indexed on disk in several segments, one of them with a deleted article. Searches that
 * match most of a segment (no words, a common word) take the counting-from-the-other-side path.
 */
class DrillSidewaysFacetsTest {
    @TempDir
    static Path temp;
    static Schema schema;
    static JapaneseAnalyzers analyzers;
    static SearchPlanner planner;
    static LuceneQueries queries;
    static Directory directory;
    static DirectoryReader reader;
    static SortedSetDocValuesReaderState state;
    static FacetOrdinals ordinals;

    @BeforeAll
    static void indexInSeveralSegments() throws IOException {
        schema = new Schema(IndexFixtures.TOKYO);
        CompanyGazetteer gazetteer = CompanyGazetteer.builtIn();
        analyzers = new JapaneseAnalyzers(gazetteer);
        planner = new SearchPlanner(analyzers, schema);
        queries = new LuceneQueries(analyzers, schema);
        directory = SegmentedIndex.write(temp, schema.indexAnalyzer(analyzers), 5, article ->
                schema.facetsConfig().build(schema.toDocument(article, Indexer.companiesOf(gazetteer, article))));
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(schema.indexAnalyzer(analyzers))
                .setMergePolicy(NoMergePolicy.INSTANCE))) {
            writer.deleteDocuments(new Term(Schema.ID, "001_404c0bca200c4134.txt"));
        }
        reader = DirectoryReader.open(directory);
        assertTrue(reader.leaves().size() >= 5, "the index must have several segments");
        assertTrue(reader.numDeletedDocs() == 1, "one article must be deleted");
        state = new DefaultSortedSetDocValuesReaderState(reader, schema.facetsConfig());
        ordinals = FacetOrdinals.read(state, FacetLimits.SHOWN);
    }

    @AfterAll
    static void close() throws IOException {
        reader.close();
        directory.close();
        analyzers.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "-|-|-|-", "AI|-|-|-", "NVIDIA|-|-|-", "データセンター|Amazon|-|-", "投資|-|AI|-", "-|NVIDIA|-|2025-01-01",
            "生成AI|Google|AI|2024-06-01", "電力|-|-|2025-09-01", "量子|-|-|-"})
    void countsWhatLuceneCounts(String query, String company, String tag, String from) throws IOException {
        SearchRequest request = new SearchRequest(query, company == null ? List.of() : List.of(company),
                tag == null ? List.of() : List.of(tag), List.of(), from == null ? null : LocalDate.parse(from), null,
                SortOrder.RELEVANCE, 1, 10);
        Map<String, Map<String, Long>> ours = counts(new DrillSidewaysFacets(new IndexSearcher(reader),
                schema.facetsConfig(), state, ordinals), request);
        Map<String, Map<String, Long>> lucene =
                counts(new DrillSideways(new IndexSearcher(reader), schema.facetsConfig(), state), request);
        assertEquals(lucene, ours);
        assertTrue(ours.values().stream().anyMatch(values -> !values.isEmpty()), "nothing counted");
    }

    @Test
    void aFilteredDimensionIsCountedAsIfItsFilterWereOff() throws IOException {
        SearchRequest filtered = new SearchRequest("", List.of("NVIDIA"), List.of(), List.of(), null, null,
                SortOrder.DATE, 1, 10);
        Map<String, Map<String, Long>> counts = counts(new DrillSidewaysFacets(new IndexSearcher(reader),
                schema.facetsConfig(), state, ordinals), filtered);
        Map<String, Map<String, Long>> unfiltered = counts(new DrillSidewaysFacets(new IndexSearcher(reader),
                schema.facetsConfig(), state, ordinals), SearchRequest.of(""));
        assertEquals(unfiltered.get(Schema.FACET_COMPANY), counts.get(Schema.FACET_COMPANY));
        assertNotEquals(unfiltered.get(Schema.FACET_TAG), counts.get(Schema.FACET_TAG));
    }

    /**
     * The one pass that collects a relevance search (page, hits and each filtered dimension's near misses) against
     * Lucene's drill-sideways search of Lucene's own queries: the same page (ids and scores to the bit), total and
     * counts, with pages short enough that the page's lowest score rises early.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "AI|Amazon|-|-|2", "AI|NVIDIA|-|-|3", "AI|Amazon|-|2025-06-01|1", "投資|-|AI|-|1",
            "生成AI|Google|AI|2024-06-01|1", "電力|-|-|2025-09-01|1", "AI 投資|Amazon|-|-|1", "AI モデル|-|-|2025-01-01|2",
            "エヌビディア|NVIDIA|-|2025-06-01|1", "AI|Microsoft|-|-|1", "量子|-|-|-|1", "AI|-|-|-|1"})
    void onePassIsLucenesDrillSideways(String query, String company, String tag, String from, int size)
            throws IOException {
        SearchRequest request = new SearchRequest(query, company == null ? List.of() : List.of(company),
                tag == null ? List.of() : List.of(tag), List.of(), from == null ? null : LocalDate.parse(from), null,
                SortOrder.RELEVANCE, 1, size);
        IndexSearcher searcher = new IndexSearcher(reader);
        SearchPlan plan = planner.plan(request);
        Sort sort = queries.sort(plan);
        DrillSideways.DrillSidewaysResult lucene = new DrillSideways(searcher, schema.facetsConfig(), state)
                .search(queries.drillDown(plan, queries.plainTextQuery(plan)), null, null, size, sort, false);
        PageAndFacetsCollectorManager.Result ours = searcher.search(
                LazyProximityQuery.scoredInFull(queries.textQuery(plan)),
                new PageAndFacetsCollectorManager(searcher, queries.filters(plan), sort, size));
        Facets ourCounts = new DrillSidewaysFacets(searcher, schema.facetsConfig(), state, ordinals)
                .counts(ours.hits(), ours.sideways(), ours.sidewaysDims());
        assertTrue(lucene.hits.totalHits.value() > size, "too few hits to fill the page: " + lucene.hits.totalHits);
        assertEquals(lucene.hits.totalHits.value(), ours.total(), "total");
        assertEquals(describe(lucene.hits.scoreDocs), describe(ours.page().scoreDocs), "page");
        assertEquals(counts(lucene.facets), counts(ourCounts), "counts");
    }

    private static List<String> describe(ScoreDoc[] docs) {
        return java.util.Arrays.stream(docs).map(doc -> doc.doc + ":"
                + Float.floatToIntBits((Float) ((FieldDoc) doc).fields[0])).toList();
    }

    private static Map<String, Map<String, Long>> counts(DrillSideways sideways, SearchRequest request)
            throws IOException {
        SearchPlan plan = planner.plan(request);
        DrillDownQuery query = queries.drillDown(plan, queries.textQuery(plan));
        return counts(sideways.search(query, null, null, 10, queries.sort(plan), true).facets);
    }

    private static Map<String, Map<String, Long>> counts(Facets facets) throws IOException {
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        for (String dim : FacetLimits.SHOWN) {
            Map<String, Long> values = new TreeMap<>();
            FacetResult result = Suggester.childrenOrNull(facets, dim);
            if (result != null) {
                for (LabelAndValue child : result.labelValues) {
                    values.put(child.label, child.value.longValue());
                }
            }
            counts.put(dim, values);
        }
        return counts;
    }
}
