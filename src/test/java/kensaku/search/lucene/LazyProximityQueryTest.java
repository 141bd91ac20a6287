package kensaku.search.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kensaku.analysis.CompanyGazetteer;
import kensaku.analysis.JapaneseAnalyzers;
import kensaku.index.IndexFixtures;
import kensaku.index.Indexer;
import kensaku.index.Schema;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import kensaku.search.plan.LuceneQueries;
import kensaku.search.plan.SearchPlanner;
import kensaku.search.scoring.LazyProximityQuery;

/**
 * Several-word searches with their proximity boost evaluated lazily, against the same search as a plain Lucene
 * {@code BooleanQuery} collected over every match: the same page (ids, order and scores to the bit) and the same
 * total, on the seed and judged articles in several segments, with pages short enough that skipping happens.
 */
class LazyProximityQueryTest {
    @org.junit.jupiter.api.io.TempDir
    static Path temp;
    static JapaneseAnalyzers analyzers;
    static SearchPlanner planner;
    static LuceneQueries queries;
    static Directory directory;
    static DirectoryReader reader;

    @BeforeAll
    static void indexInSeveralSegments() throws IOException {
        Schema schema = new Schema(IndexFixtures.TOKYO);
        CompanyGazetteer gazetteer = CompanyGazetteer.builtIn();
        analyzers = new JapaneseAnalyzers(gazetteer);
        planner = new SearchPlanner(analyzers, schema);
        queries = new LuceneQueries(analyzers, schema);
        directory = SegmentedIndex.write(temp, schema.indexAnalyzer(analyzers), 6, article ->
                schema.facetsConfig().build(schema.toDocument(article, Indexer.companiesOf(gazetteer, article))));
        reader = DirectoryReader.open(directory);
        assertTrue(reader.leaves().size() >= 4, "the index must have several segments");
    }

    @AfterAll
    static void close() throws IOException {
        reader.close();
        directory.close();
        analyzers.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "NVIDIA 株価|10", "Trainium Anthropic|10", "エヌビディアの決算|10", "データセンター 電力|10",
            "生成AI 投資|3", "AI モデル|2", "AI モデル 開発|1", "AI 投資 -NVIDIA|2", "電力 需要|1", "AI 企業|1",
            "AI 企業|3", "AI 開発|2", "生成AI 企業|1", "データ センター|1", "半導体 需要|2", "AI 発表|1", "AI 発表|4",
            "モデル 公開|1", "市場 成長|1"})
    void pagesAndTotalsAreThoseOfThePlainQuery(String text, int size) throws IOException {
        Query lazy = queries.textQuery(plan(text));
        assertTrue(lazy instanceof LazyProximityQuery, "a several-word search has a proximity boost: " + lazy);
        assertSamePageAndTotal(text, size);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "NVIDIA|10", "エヌビディア|3", "データセンター|2", "AI|1", "AI|5", "生成AI|2", "半導体|1", "電力|1",
            "\"データセンター\"|2", "\"生成AI\"|1", "Anthropic|1", "発表|3", "モデル|1", "アマゾンの投資|2",
            "AI -NVIDIA|2", "企業 OR 市場|2", "需|1", "クラウド|1"})
    void oneWordPagesAndTotalsAreThoseOfThePlainQuery(String text, int size) throws IOException {
        assertSamePageAndTotal(text, size);
    }

    @ParameterizedTest
    @CsvSource({"NVIDIA", "生成AI 投資", "\"データセンター\""})
    void explainsAndMatchesAsThePlainQuery(String text) throws IOException {
        IndexSearcher searcher = new IndexSearcher(reader);
        Query ours = searcher.rewrite(queries.textQuery(plan(text)));
        Query plain = searcher.rewrite(queries.plainTextQuery(plan(text)));
        ScoreDoc top = searcher.search(plain, 1).scoreDocs[0];
        // The same explanation; a disjunction may list its clauses in another order.
        assertEquals(sortedLines(searcher.explain(plain, top.doc)), sortedLines(searcher.explain(ours, top.doc)));
        assertEquals(top.score, searcher.explain(ours, top.doc).getValue().floatValue());
        var weight = searcher.createWeight(ours, org.apache.lucene.search.ScoreMode.COMPLETE, 1);
        var leaf = reader.leaves().get(org.apache.lucene.index.ReaderUtil.subIndex(top.doc, reader.leaves()));
        assertTrue(weight.matches(leaf, top.doc - leaf.docBase) != null, "the top hit has matches");
    }

    private static List<String> sortedLines(org.apache.lucene.search.Explanation explanation) {
        return explanation.toString().lines().map(String::strip).sorted().toList();
    }

    /** Our query collected as the search service collects it, against Lucene's own queries over every match. */
    private static void assertSamePageAndTotal(String text, int size) throws IOException {
        Query lazy = LazyProximityQuery.scoredInFull(queries.textQuery(plan(text)));
        IndexSearcher searcher = new IndexSearcher(reader);
        Sort sort = queries.sort(plan(text));
        TopFieldDocs plain = searcher.search(queries.plainTextQuery(plan(text)),
                new TopFieldCollectorManager(sort, size, null, Integer.MAX_VALUE));
        PageAndFacetsCollectorManager.Result ours =
                searcher.search(lazy, new PageAndFacetsCollectorManager(searcher, List.of(), sort, size));
        assertTrue(plain.scoreDocs.length > 0, "nothing found for " + text);
        assertEquals(plain.totalHits.value(), ours.total(), "total of " + text);
        assertEquals(describe(plain.scoreDocs), describe(ours.page().scoreDocs), "page of " + text);
    }

    private static List<String> describe(ScoreDoc[] docs) {
        List<String> described = new ArrayList<>();
        for (ScoreDoc doc : docs) {
            FieldDoc fieldDoc = (FieldDoc) doc;
            described.add(doc.doc + ":" + Float.floatToIntBits((Float) fieldDoc.fields[0]) + ":" + fieldDoc.fields[0]);
        }
        return described;
    }

    /** The plan of a search for these words alone. */
    private static kensaku.search.plan.SearchPlan plan(String text) {
        return planner.plan(kensaku.search.SearchRequest.of(text));
    }
}
