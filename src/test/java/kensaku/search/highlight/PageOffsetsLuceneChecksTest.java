package kensaku.search.highlight;

import java.io.IOException;
import java.text.BreakIterator;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kensaku.analysis.CompanyGazetteer;
import kensaku.analysis.JapaneseAnalyzers;
import kensaku.index.Schema;
import kensaku.search.plan.LuceneQueries;
import kensaku.search.plan.SearchPlanner;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.tests.index.RandomIndexWriter;
import org.apache.lucene.tests.util.LuceneTestCase;
import org.apache.lucene.util.Bits;

/**
 * The upgrade gate for {@link PageOffsets}, which extends Lucene's {@code @lucene.internal} FieldOffsetStrategy (and
 * reads the index through {@link PagePostingsReader}): on an index of random shape (the run's random codec and
 * postings formats, merge policy and flushes, commits at random points so it spans several segments, deleted and
 * updated documents, readers wrapped by {@code newSearcher}, often in Lucene's asserting readers that check every
 * postings call), written with our own analysis chains and schema, every document's offsets are held to an oracle
 * that shares nothing with the postings: the stored text analysed again into a {@link MemoryIndex} and the same
 * query's matches read there, field by field. And the snippets and titles {@link Highlights} makes with it are the
 * ones Lucene's own highlighter makes with its own strategy on the same index. If a Lucene upgrade changes what the
 * internal class means, one of the two fails here.
 */
public class PageOffsetsLuceneChecksTest extends LuceneTestCase {
    private static final String[] WORDS = {"検索", "エンジン", "日本", "投資", "半導体", "生成", "AI", "モデル", "データ",
        "センター", "アマゾン", "Amazon", "NVIDIA", "ＮＶＩＤＩＡ", "エヌビディア", "富士通", "サーバー", "電力", "言語",
        "設定", "書式", "株価", "1,250億ドル", "クラウド", "発表", "した", "は", "の", "を", "が", "に", "と"};
    private static final String[] PUNCTUATION = {"。", "、", "「", "」", "！", "？", " ", ". ", "\n", "（", "）"};

    private JapaneseAnalyzers analyzers;
    private Schema schema;
    private Analyzer indexAnalyzer;
    private SearchPlanner planner;
    private LuceneQueries queries;
    private Directory dir;
    private IndexReader reader;

    @Override
    public void setUp() throws Exception {
        super.setUp();
        analyzers = new JapaneseAnalyzers(CompanyGazetteer.builtIn());
        schema = new Schema(ZoneId.of("Asia/Tokyo"));
        indexAnalyzer = schema.indexAnalyzer(analyzers);
        planner = new SearchPlanner(analyzers, schema);
        queries = new LuceneQueries(analyzers, schema);
        dir = newDirectory();
        reader = randomIndex();
    }

    @Override
    public void tearDown() throws Exception {
        reader.close();
        dir.close();
        analyzers.close();
        super.tearDown();
    }

    public void testOffsetsAreThoseOfTheStoredTextAnalysedAgain() throws Exception {
        IndexSearcher searcher = newSearcher(reader); // its reader may be wrapped (asserting, parallel, …)
        int compared = 0;
        for (int i = 0; i < 12; i++) {
            String text = randomQueryText();
            for (String field : List.of(Schema.TITLE, Schema.BODY)) {
                Query query = highlightQuery(text, field);
                ComponentsOf highlighter = new ComponentsOf(searcher, indexAnalyzer);
                List<String> fields = new ArrayList<>(highlighter.maskedFields(field));
                fields.add(field);
                PageOffsets offsets = new PageOffsets(highlighter.components(field, query), query, fields);
                for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                    LeafReader leafReader = leaf.reader();
                    Bits live = leafReader.getLiveDocs();
                    for (int doc = 0; doc < leafReader.maxDoc(); doc++) {
                        // The highlighter asks for live hits only, in increasing order; some documents are skipped.
                        if (live != null && !live.get(doc) || random().nextInt(4) == 0) {
                            continue;
                        }
                        String content = Schema.storedText(leafReader.storedFields().document(doc), field);
                        List<String> expected = reanalysed(query, fields, content);
                        List<String> actual = drain(offsets.getOffsetsEnum(leafReader, doc, content));
                        assertEquals(query + " in " + field + " of " + content, expected, actual);
                        compared += expected.isEmpty() ? 0 : 1;
                    }
                }
            }
        }
        assertTrue("some documents matched: " + compared, compared > 10);
    }

    public void testHighlightsAreThoseOfLucenesOwnStrategy() throws Exception {
        IndexSearcher searcher = newSearcher(reader);
        Highlights highlights = new Highlights(indexAnalyzer);
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
        int marked = 0;
        for (int i = 0; i < 12; i++) {
            String text = randomQueryText();
            Query titleQuery = highlightQuery(text, Schema.TITLE);
            Query bodyQuery = highlightQuery(text, Schema.BODY);
            ScoreDoc[] hits = searcher.search(bodyQuery, 1 + random().nextInt(30)).scoreDocs;
            int[] docIds = Arrays.stream(hits).mapToInt(hit -> hit.doc).sorted().toArray();
            Map<Integer, Document> stored = new HashMap<>();
            for (int doc : docIds) {
                stored.put(doc, searcher.storedFields().document(doc));
            }
            Highlights.Result ours = highlights.highlight(searcher, titleQuery, bodyQuery, docIds, stored);
            String[] titles = lucene.highlightFields(new String[] {Schema.TITLE}, titleQuery, docIds, new int[] {1})
                    .get(Schema.TITLE);
            String[] snippets = lucene.highlightFields(new String[] {Schema.BODY}, bodyQuery, docIds, new int[] {1})
                    .get(Schema.BODY);
            assertArrayEquals(text, titles, ours.titles());
            assertArrayEquals(text, snippets, ours.snippets());
            marked += (int) Arrays.stream(ours.snippets()).filter(s -> s != null && s.contains("<mark>")).count();
        }
        assertTrue("some snippets were marked: " + marked, marked > 0);
    }

    /**
     * The oracle: the text analysed again, as it was indexed, into a one-document index of its own, and the query's
     * matches there read in the same field order and the same way (each match's terms) as the strategy reads them.
     */
    private List<String> reanalysed(Query query, List<String> fields, String content) throws IOException {
        MemoryIndex memory = new MemoryIndex(true, false);
        for (String field : new LinkedHashSet<>(fields)) {
            memory.addField(field, content, indexAnalyzer);
        }
        IndexSearcher searcher = memory.createSearcher();
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        Matches matches = weight.matches(searcher.getIndexReader().leaves().get(0), 0);
        List<OffsetsEnum> found = new ArrayList<>();
        if (matches != null) {
            for (String field : fields) {
                MatchesIterator iterator = matches.getMatches(field);
                if (iterator != null) {
                    found.add(new OffsetsEnum.OfMatchesIteratorWithSubs(iterator));
                }
            }
        }
        return drain(new OffsetsEnum.MultiOffsetsEnum(found));
    }

    /** Every offset the enum gives with its term, in a canonical order (ties among equal offsets are unordered). */
    private static List<String> drain(OffsetsEnum offsets) throws IOException {
        List<String> found = new ArrayList<>();
        try (offsets) {
            while (offsets.nextPosition()) {
                found.add(offsets.startOffset() + "-" + offsets.endOffset() + " " + offsets.getTerm().utf8ToString());
            }
        }
        found.sort(null);
        return found;
    }

    /** The highlighter's own pieces for a field: its components and the fields masked onto it. */
    private static final class ComponentsOf extends UnifiedHighlighter {
        ComponentsOf(IndexSearcher searcher, Analyzer indexAnalyzer) {
            super(Highlights.builder(searcher, indexAnalyzer));
        }

        UHComponents components(String field, Query query) {
            Set<Term> terms = new HashSet<>();
            query.visit(QueryVisitor.termCollector(terms));
            return getHighlightComponents(field, query, terms);
        }

        Set<String> maskedFields(String field) {
            return getMaskedFields(field);
        }
    }

    private IndexReader randomIndex() throws IOException {
        try (RandomIndexWriter writer = new RandomIndexWriter(random(), dir, newIndexWriterConfig(indexAnalyzer))) {
            int docs = atLeast(60);
            for (int i = 0; i < docs; i++) {
                writer.addDocument(randomArticle(i));
                if (random().nextInt(15) == 0) {
                    writer.commit(); // segment boundaries at random places
                }
            }
            writer.commit();
            for (int i = 0; i < docs / 6; i++) {
                writer.deleteDocuments(new Term(Schema.ID, Integer.toString(random().nextInt(docs))));
            }
            for (int i = 0; i < docs / 10; i++) {
                int id = random().nextInt(docs);
                writer.updateDocument(new Term(Schema.ID, Integer.toString(id)), randomArticle(id));
            }
            return writer.getReader();
        }
    }

    /** A title and body as the schema stores and indexes them, of random words and punctuation. */
    private Document randomArticle(int id) {
        Document doc = schema.highlightable(randomText(2 + random().nextInt(8)), randomText(random().nextInt(300)));
        doc.add(new StringField(Schema.ID, Integer.toString(id), Field.Store.NO));
        return doc;
    }

    private static String randomText(int pieces) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            text.append(random().nextInt(5) == 0 ? PUNCTUATION[random().nextInt(PUNCTUATION.length)] : randomWord());
        }
        return text.toString();
    }

    /** A word, two words, a quoted phrase of two, or a word run written together, as users type them. */
    private static String randomQueryText() {
        String a = randomWord();
        String b = randomWord();
        return switch (random().nextInt(4)) {
            case 0 -> a;
            case 1 -> a + " " + b;
            case 2 -> "\"" + a + b + "\"";
            default -> a + b;
        };
    }

    private static String randomWord() {
        return WORDS[random().nextInt(WORDS.length)];
    }

    /** What highlighting marks for this text in one stored field, as the search pipeline plans it. */
    private Query highlightQuery(String text, String field) {
        return queries.highlightQuery(planner.plan(kensaku.search.SearchRequest.of(text)), field);
    }
}
