package kensaku.search.highlight;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kensaku.analysis.CompanyGazetteer;
import kensaku.analysis.JapaneseAnalyzers;
import kensaku.index.IndexFixtures;
import kensaku.index.Schema;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import kensaku.search.plan.LuceneQueries;
import kensaku.search.plan.SearchPlanner;
import kensaku.search.lucene.SegmentedIndex;

/**
 * Our highlighting (one weight per segment, one matches call per hit) against Lucene's own masked-field strategy
 * with the same configuration, on the seed and judged articles indexed on disk in several segments.
 */
class HighlightsTest {
    @TempDir
    static Path temp;
    static JapaneseAnalyzers analyzers;
    static Analyzer indexAnalyzer;
    static SearchPlanner planner;
    static LuceneQueries queries;
    static Directory directory;
    static DirectoryReader reader;
    static int[] allDocs;
    static Map<Integer, Document> stored = new HashMap<>();

    @BeforeAll
    static void indexInSeveralSegments() throws IOException {
        Schema schema = new Schema(IndexFixtures.TOKYO);
        analyzers = new JapaneseAnalyzers(CompanyGazetteer.builtIn());
        indexAnalyzer = schema.indexAnalyzer(analyzers);
        planner = new SearchPlanner(analyzers, schema);
        queries = new LuceneQueries(analyzers, schema);
        directory = SegmentedIndex.write(temp, indexAnalyzer, 7,
                article -> schema.highlightable(article.title(), article.bodyText()));
        reader = DirectoryReader.open(directory);
        assertTrue(reader.leaves().size() >= 4, "the page must span several segments");
        allDocs = new int[reader.maxDoc()];
        for (int doc = 0; doc < allDocs.length; doc++) {
            allDocs[doc] = doc;
            stored.put(doc, reader.storedFields().document(doc));
        }
    }

    @AfterAll
    static void close() throws IOException {
        reader.close();
        directory.close();
        analyzers.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"エヌビディア", "NVIDIA", "ＮＶＩＤＩＡ", "サーバ", "データセンタ", "生成AI", "大規模言語モデル",
            "投資した", "1,250億ドル", "\"自社開発チップ\"", "\"Amazon Bedrock\"", "アマゾン データセンター",
            "電力 データセンター", "アマゾンの投資", "富士通のサーバー", "株", "量子", "bedrock", "NVIDIA -Amazon",
            "Amazon OR グーグル"})
    void marksWhatLuceneOwnHighlighterMarks(String query) throws IOException {
        IndexSearcher searcher = new IndexSearcher(reader);
        Query titleQuery = queries.highlightQuery(plan(query), Schema.TITLE);
        Query bodyQuery = queries.highlightQuery(plan(query), Schema.BODY);

        Highlights.Result ours = new Highlights(indexAnalyzer).highlight(searcher, titleQuery, bodyQuery, allDocs, stored);

        UnifiedHighlighter lucene = new UnifiedHighlighter(Highlights.builder(searcher, indexAnalyzer)) {
            @Override
            protected BreakIterator getBreakIterator(String field) {
                return Highlights.breakIterator(field);
            }

            @Override
            protected PassageFormatter getFormatter(String field) {
                return Highlights.formatter(field);
            }
        };
        String[] titles = lucene.highlightFields(new String[] {Schema.TITLE}, titleQuery, allDocs, new int[] {1})
                .get(Schema.TITLE);
        String[] snippets = lucene.highlightFields(new String[] {Schema.BODY}, bodyQuery, allDocs, new int[] {1})
                .get(Schema.BODY);

        assertArrayEquals(titles, ours.titles(), query);
        assertArrayEquals(snippets, ours.snippets(), query);
        List<String> marked = Arrays.stream(ours.snippets()).filter(s -> s != null && s.contains("<mark>")).toList();
        assertTrue(marked.size() >= 1, "no article marked for " + query);
    }

    /** The plan of a search for these words alone. */
    private static kensaku.search.plan.SearchPlan plan(String text) {
        return planner.plan(kensaku.search.SearchRequest.of(text));
    }
}
