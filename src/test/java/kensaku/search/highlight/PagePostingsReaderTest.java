package kensaku.search.highlight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shared postings give every hit exactly the matches (positions and offsets) Lucene's own reader gives, for
 * terms, phrases, synonyms, prefixes and a term named by several clauses, with hits in order and out of it.
 */
class PagePostingsReaderTest {
    private static final String[] WORDS = {"a", "b", "c", "d", "e", "f", "ab", "abc"};
    private static ByteBuffersDirectory directory;
    private static DirectoryReader reader;

    @BeforeAll
    static void index() throws IOException {
        directory = new ByteBuffersDirectory();
        FieldType withOffsets = new FieldType();
        withOffsets.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        withOffsets.setTokenized(true);
        withOffsets.freeze();
        SplittableRandom random = new SplittableRandom(42);
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
            for (int i = 0; i < 600; i++) {
                StringBuilder text = new StringBuilder();
                for (int w = random.nextInt(1, 40); w > 0; w--) {
                    text.append(WORDS[random.nextInt(random.nextBoolean() ? 3 : WORDS.length)]).append(' ');
                }
                Document doc = new Document();
                doc.add(new Field("body", text.toString(), withOffsets));
                doc.add(new Field("title", WORDS[random.nextInt(WORDS.length)], withOffsets));
                writer.addDocument(doc);
            }
            writer.forceMerge(1);
        }
        reader = DirectoryReader.open(directory);
    }

    @AfterAll
    static void close() throws IOException {
        reader.close();
        directory.close();
    }

    private static List<Query> queries() {
        return List.of(
                new TermQuery(new Term("body", "a")),
                new PhraseQuery("body", "a", "b"),
                new PhraseQuery("body", "b", "a", "b"),
                new PhraseQuery(2, "body", "a", "c"),
                new SynonymQuery.Builder("body").addTerm(new Term("body", "d")).addTerm(new Term("body", "e")).build(),
                new PrefixQuery(new Term("body", "ab")),
                new BooleanQuery.Builder()
                        .add(new TermQuery(new Term("body", "a")), Occur.SHOULD)
                        .add(new PhraseQuery("body", "a", "b"), Occur.SHOULD)
                        .add(new PhraseQuery("body", "c", "a"), Occur.SHOULD)
                        .add(new TermQuery(new Term("title", "a")), Occur.SHOULD)
                        .build());
    }

    @Test
    void hitsInDocumentOrderGetLucenesMatches() throws IOException {
        for (Query query : queries()) {
            List<Integer> hits = new ArrayList<>();
            for (int doc = 0; doc < reader.maxDoc(); doc += 1 + doc % 3) {
                hits.add(doc);
            }
            int matched = compare(query, hits);
            assertTrue(matched > 20, query + " matches some of the hits: " + matched);
        }
    }

    @Test
    void hitsOutOfOrderStillGetLucenesMatches() throws IOException {
        for (Query query : queries()) {
            List<Integer> hits = new ArrayList<>();
            for (int doc = reader.maxDoc() - 1; doc >= 0; doc -= 7) {
                hits.add(doc);
                hits.add(Math.max(0, doc - 100));
            }
            compare(query, hits);
        }
    }

    /** Matches of each hit through both readers, field by field; how many hits matched at all. */
    private static int compare(Query query, List<Integer> hits) throws IOException {
        LeafReader leaf = reader.leaves().get(0).reader();
        PagePostingsReader shared = new PagePostingsReader(leaf);
        Weight plain = weight(new IndexSearcher(leaf), query);
        Weight page = weight(new IndexSearcher(shared), query);
        int matched = 0;
        for (int doc : hits) {
            shared.markingHit(doc);
            List<String> expected = describe(plain.matches(leaf.getContext(), doc));
            List<String> actual = describe(page.matches(shared.getContext(), doc));
            assertEquals(expected, actual, query + " at " + doc);
            matched += expected.isEmpty() ? 0 : 1;
        }
        return matched;
    }

    private static Weight weight(IndexSearcher searcher, Query query) throws IOException {
        searcher.setQueryCache(null);
        return searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
    }

    private static List<String> describe(Matches matches) throws IOException {
        List<String> found = new ArrayList<>();
        if (matches == null) {
            return found;
        }
        for (String field : List.of("body", "title")) {
            MatchesIterator iterator = matches.getMatches(field);
            while (iterator != null && iterator.next()) {
                found.add(field + " " + iterator.startPosition() + "-" + iterator.endPosition() + " @"
                        + iterator.startOffset() + "-" + iterator.endOffset());
                MatchesIterator terms = iterator.getSubMatches();
                while (terms != null && terms.next()) {
                    found.add("  " + terms.startPosition() + " @" + terms.startOffset() + "-" + terms.endOffset());
                }
            }
        }
        return found;
    }
}
