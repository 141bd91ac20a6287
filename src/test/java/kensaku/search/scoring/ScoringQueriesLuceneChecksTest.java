package kensaku.search.scoring;

import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.tests.index.RandomIndexWriter;
import org.apache.lucene.tests.search.QueryUtils;
import org.apache.lucene.tests.util.LuceneTestCase;

/**
 * The upgrade gate for our own Query, Weight and Scorer code: Lucene's own checks ({@link QueryUtils#check}:
 * equals/hashCode, skipping with advance, scores equal to explain, first/next/advance in every order, wrapped in
 * filtering readers) on an index written with random codecs and merge policies, searched through
 * {@code newSearcher} (an AssertingIndexSearcher most of the time). A Lucene upgrade that changes the Scorer
 * contract fails here before it fails a user. JUnit 4 (LuceneTestCase's runner) through the vintage engine.
 */
public class ScoringQueriesLuceneChecksTest extends LuceneTestCase {
    private static final String[] WORDS = {"検索", "日本", "投資", "半導体", "モデル", "データ", "基盤", "企業"};

    public void testBestFieldQueryPassesLuceneChecks() throws Exception {
        try (Directory dir = newDirectory()) {
            IndexReader reader = randomIndex(dir);
            try {
                IndexSearcher searcher = newSearcher(reader);
                for (int i = 0; i < 5; i++) {
                    Query query = new BestFieldQuery(List.of(term("title", randomWord()),
                            new BoostQuery(term("body", randomWord()), 2f), phrase("body", randomWord(), randomWord()),
                            new ConstantScoreQuery(term("title", randomWord()))), random().nextFloat());
                    QueryUtils.check(random(), query, searcher);
                }
            } finally {
                reader.close();
            }
        }
    }

    public void testLazyProximityQueryPassesLuceneChecks() throws Exception {
        try (Directory dir = newDirectory()) {
            IndexReader reader = randomIndex(dir);
            try {
                IndexSearcher searcher = newSearcher(reader);
                for (int i = 0; i < 5; i++) {
                    String a = randomWord();
                    String b = randomWord();
                    Query required = new BooleanQuery.Builder()
                            .add(new BestFieldQuery(List.of(term("title", a), term("body", a)), 0.1f), Occur.MUST)
                            .add(new BestFieldQuery(List.of(term("title", b), term("body", b)), 0.1f), Occur.MUST)
                            .build();
                    List<Query> proximity = List.of(new BoostQuery(phrase("body", a, b), 1.5f), phrase("title", a, b));
                    LazyProximityQuery lazy = new LazyProximityQuery(required, proximity, 0.1f);
                    QueryUtils.check(random(), lazy, searcher);
                    QueryUtils.check(random(), LazyProximityQuery.scoredInFull(lazy), searcher);
                }
            } finally {
                reader.close();
            }
        }
    }

    private static IndexReader randomIndex(Directory dir) throws Exception {
        try (RandomIndexWriter writer = new RandomIndexWriter(random(), dir)) {
            int docs = atLeast(100);
            for (int i = 0; i < docs; i++) {
                Document doc = new Document();
                doc.add(new TextField("title", randomText(1 + random().nextInt(4)), Field.Store.NO));
                doc.add(new TextField("body", randomText(random().nextInt(30)), Field.Store.NO));
                writer.addDocument(doc);
            }
            return writer.getReader();
        }
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
