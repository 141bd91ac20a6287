package kensaku.search.scoring;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.Directory;
import org.apache.lucene.tests.index.RandomIndexWriter;
import org.apache.lucene.tests.search.CheckHits;
import org.apache.lucene.tests.search.QueryUtils;
import org.apache.lucene.tests.util.LuceneTestCase;

/**
 * The upgrade gate for our own Query, Weight and Scorer code, on an index of random shape: written with the
 * random codec, postings formats, merge policy and flushes LuceneTestCase picks for the run (the seed is printed on
 * a failure; {@code -Dtests.seed=…} replays it), committed at random points so it spans several segments, with
 * documents deleted and updated after the last commit, and fields missing from some documents (and so from some
 * segments). Searched through {@code newSearcher}: an AssertingIndexSearcher most of the time (AssertingScorer checks
 * the Scorer contract call by call), sometimes over wrapped readers or with an executor (slices share the page's
 * lowest score).
 *
 * <p>Three kinds of check: Lucene's own ({@link QueryUtils#check}: equals/hashCode, skipping with advance, scores
 * equal to explain, first/next/advance in every order, the index wrapped among empty and all-deleted readers;
 * {@link CheckHits#checkTopScores} where the scorer promises exact scores under TOP_SCORES); the oracle our queries
 * claim, Lucene's plain query of the same clauses (the same hits, the same order and the same scores to the bit,
 * and on pages short enough that the lazy query skips work); and {@link ScoreBound} never below the score it bounds.
 * A Lucene upgrade that changes the Scorer contract fails here before it fails a user. JUnit 4 (LuceneTestCase's
 * runner) through the vintage engine.
 */
public class ScoringQueriesLuceneChecksTest extends LuceneTestCase {
    private static final String[] WORDS = {"検索", "日本", "投資", "半導体", "モデル", "データ", "基盤", "企業"};

    private Directory cleanDir;
    private Directory dir;
    /** Several segments, no deleted document: what {@link QueryUtils#check} can run on (see {@link #setUp}). */
    private IndexReader clean;
    private IndexSearcher cleanSearcher;
    /** Several segments with deleted and updated documents. */
    private IndexReader reader;
    private IndexSearcher searcher;

    /**
     * Two indexes: QueryUtils' first-skip check asks a fresh scorer to advance to each document before a collected
     * one and expects it to land on the collected one, so a deleted match in between (which every scorer's iterator
     * still returns; the searcher drops it) fails it for any query, Lucene's TermQuery too. So Lucene's checks run
     * on the index without deletions (QueryUtils adds all-deleted readers around it itself), and the comparisons
     * with the plain queries and the max-score checks on the one with them.
     */
    @Override
    public void setUp() throws Exception {
        super.setUp();
        cleanDir = newDirectory();
        clean = randomIndex(cleanDir, false);
        cleanSearcher = newSearcher(clean);
        dir = newDirectory();
        reader = randomIndex(dir, true);
        searcher = newSearcher(reader);
    }

    @Override
    public void tearDown() throws Exception {
        reader.close();
        dir.close();
        clean.close();
        cleanDir.close();
        super.tearDown();
    }

    public void testBestFieldQueryPassesLuceneChecks() throws Exception {
        for (int i = 0; i < 2; i++) {
            BestFieldQuery query = randomBestField(randomWord(), randomWord());
            QueryUtils.check(random(), query, cleanSearcher);
            CheckHits.checkTopScores(random(), query, cleanSearcher);
            CheckHits.checkTopScores(random(), query, searcher);
        }
    }

    public void testBestFieldQueryMatchesAndScoresAsLucenesDisjunctionMax() throws Exception {
        for (int i = 0; i < 10; i++) {
            BestFieldQuery query = randomBestField(randomWord(), randomWord());
            assertSameHits(query.plain(), query, Math.max(1, reader.maxDoc()), false);
            assertSameHits(query.plain(), query, 1 + random().nextInt(5), true);
            assertEquals(query.toString(), searcher.count(query.plain()), searcher.count(query));
        }
    }

    public void testLazyProximityQueryPassesLuceneChecks() throws Exception {
        for (int i = 0; i < 2; i++) {
            LazyProximityQuery lazy = randomLazy();
            QueryUtils.check(random(), lazy, cleanSearcher);
            QueryUtils.check(random(), LazyProximityQuery.scoredInFull(lazy), cleanSearcher);
            // Not CheckHits.checkTopScores: its max-score pass demands the exact score of every match under
            // TOP_SCORES, and this scorer, by design, answers a stand-in below the page's lowest score for a match
            // that cannot reach the page (it must still be collected: totals and facet counts need every match).
            // What that design promises, the same page as the plain query, is checked below.
        }
    }

    /** Short pages under TOP_SCORES, where the page's lowest score makes the lazy query skip proximity checks. */
    public void testLazyProximityQueryGivesThePlainQuerysPages() throws Exception {
        for (int i = 0; i < 10; i++) {
            LazyProximityQuery lazy = randomLazy();
            for (int size : new int[] {1, 2, 5, 10, 1 + random().nextInt(30)}) {
                assertSameHits(lazy.plain(), lazy, size, true);
            }
            assertSameHits(lazy.plain(), lazy, Math.max(1, reader.maxDoc()), false);
            assertEquals(lazy.toString(), searcher.count(lazy.plain()), searcher.count(lazy));
        }
    }

    /** The bound the lazy query compares with the page's lowest score is never below the score it stands for. */
    public void testScoreBoundsAreNeverBelowTheScore() throws Exception {
        IndexSearcher plainSearcher = new IndexSearcher(reader); // our scorers themselves, not Asserting wrappers
        int bounded = 0;
        for (int i = 0; i < 10; i++) {
            List<Query> words = new ArrayList<>();
            for (int w = 2 + random().nextInt(2); w > 0; w--) { // AllWordsScorer: two words or more
                words.add(randomBestField(randomWord(), randomWord()));
            }
            List<Weight> weights = new ArrayList<>();
            for (Query word : words) {
                weights.add(plainSearcher.createWeight(plainSearcher.rewrite(word), ScoreMode.COMPLETE, 1f));
            }
            for (LeafReaderContext leaf : reader.leaves()) {
                for (Weight weight : weights) {
                    ScorerSupplier supplier = weight.scorerSupplier(leaf);
                    bounded += supplier == null ? 0 : checkBounds(supplier.get(Long.MAX_VALUE), weight.getQuery());
                }
                ScorerSupplier all = AllWordsScorer.supplier(weights, leaf);
                bounded += all == null ? 0 : checkBounds(all.get(Long.MAX_VALUE), words.toString());
            }
        }
        assertTrue("some matches were bounded: " + bounded, bounded > 0);
    }

    private static int checkBounds(Scorer scorer, Object query) throws IOException {
        if (!(scorer instanceof ScoreBound bound)) {
            return 0; // a lone clause: Lucene's own scorer, nothing of ours to check
        }
        TwoPhaseIterator twoPhase = scorer.twoPhaseIterator();
        DocIdSetIterator approximation = twoPhase == null ? scorer.iterator() : twoPhase.approximation();
        int checked = 0;
        for (int doc = approximation.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = approximation.nextDoc()) {
            if (twoPhase != null && !twoPhase.matches()) {
                continue;
            }
            float first = bound.scoreBound(); // asked first, as the lazy scorer asks it
            float score = scorer.score();
            assertTrue(query + " at " + doc + ": bound " + first + " < score " + score, first >= score);
            checked++;
        }
        return checked;
    }

    /**
     * The same hits in the same order with the same scores to the bit. {@code topScores}: collected as the
     * product's page is (TOP_SCORES, the collector raising the lowest competitive score as the page fills).
     */
    private void assertSameHits(Query plain, Query ours, int size, boolean topScores) throws IOException {
        TopDocs expected = searcher.search(plain, new TopScoreDocCollectorManager(size, Integer.MAX_VALUE));
        TopDocs actual = searcher.search(ours, new TopScoreDocCollectorManager(size, topScores ? 1 : Integer.MAX_VALUE));
        ScoreDoc[] want = expected.scoreDocs;
        ScoreDoc[] got = actual.scoreDocs;
        String context = ours + " size " + size + (topScores ? " TOP_SCORES" : " COMPLETE") + "\n"
                + CheckHits.topdocsString(expected, 0, size) + "\n" + CheckHits.topdocsString(actual, 0, size);
        assertEquals(context, want.length, got.length);
        for (int i = 0; i < want.length; i++) {
            assertEquals(context, want[i].doc, got[i].doc);
            assertEquals(context, Float.floatToIntBits(want[i].score), Float.floatToIntBits(got[i].score));
        }
    }

    /** One word in every field, as the planner builds a part: terms, a boosted term, a phrase, a constant score. */
    private static BestFieldQuery randomBestField(String word, String next) {
        List<Query> clauses = new ArrayList<>(List.of(term("title", word), new BoostQuery(term("body", word), 2f)));
        if (random().nextBoolean()) {
            clauses.add(phrase("body", word, next));
        }
        if (random().nextBoolean()) {
            clauses.add(new ConstantScoreQuery(term("title", next)));
        }
        if (random().nextBoolean()) {
            clauses.add(new BoostQuery(phrase("title", word, next), 0.5f));
        }
        return new BestFieldQuery(clauses, random().nextFloat());
    }

    /** Required words (two or three, or one, or a shape that is not only required words) and a proximity boost. */
    private static LazyProximityQuery randomLazy() {
        String a = randomWord();
        String b = randomWord();
        Query required = switch (random().nextInt(4)) {
            case 0 -> randomBestField(a, b);
            case 1 -> new BooleanQuery.Builder().add(randomBestField(a, b), Occur.MUST)
                    .add(randomBestField(b, a), Occur.MUST).add(randomBestField(randomWord(), a), Occur.MUST).build();
            case 2 -> new BooleanQuery.Builder().add(randomBestField(a, b), Occur.MUST)
                    .add(randomBestField(b, a), Occur.SHOULD).build();
            default -> new BooleanQuery.Builder().add(randomBestField(a, b), Occur.MUST)
                    .add(randomBestField(b, a), Occur.MUST).build();
        };
        List<Query> proximity = random().nextInt(5) == 0 ? List.of()
                : List.of(new BoostQuery(phrase("body", a, b), 1.5f), phrase("title", a, b));
        return new LazyProximityQuery(required, proximity, random().nextFloat());
    }

    private static IndexReader randomIndex(Directory dir, boolean deletions) throws IOException {
        try (RandomIndexWriter writer = new RandomIndexWriter(random(), dir)) {
            int docs = atLeast(80);
            for (int i = 0; i < docs; i++) {
                writer.addDocument(randomDocument(i));
                if (random().nextInt(40) == 0) {
                    writer.commit(); // segment boundaries at random places
                }
            }
            writer.commit();
            for (int i = 0; deletions && i < docs / 8; i++) {
                writer.deleteDocuments(new Term("id", Integer.toString(random().nextInt(docs))));
            }
            for (int i = 0; deletions && i < docs / 20; i++) {
                int id = random().nextInt(docs);
                writer.updateDocument(new Term("id", Integer.toString(id)), randomDocument(id));
            }
            return writer.getReader();
        }
    }

    private static Document randomDocument(int id) {
        Document doc = new Document();
        doc.add(new StringField("id", Integer.toString(id), Field.Store.NO));
        if (random().nextInt(10) != 0) {
            doc.add(new TextField("title", randomText(1 + random().nextInt(4)), Field.Store.NO));
        }
        if (random().nextInt(20) != 0) {
            doc.add(new TextField("body", randomText(random().nextInt(40)), Field.Store.NO));
        }
        return doc;
    }

    private static String randomText(int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append(randomWord()).append(' ');
        }
        return text.toString();
    }

    private static String randomWord() {
        return WORDS[random().nextInt(WORDS.length)];
    }

    private static Query term(String field, String word) {
        return new TermQuery(new Term(field, word));
    }

    private static Query phrase(String field, String first, String second) {
        return new PhraseQuery(random().nextInt(3), field, first, second);
    }
}
