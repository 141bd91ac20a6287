package kensaku.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import kensaku.analysis.CompanyGazetteer;
import kensaku.analysis.JapaneseAnalyzers;
import kensaku.corpus.ArticleReader;
import kensaku.corpus.ReadResult;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The indexer runs Kuromoji once per body for the morphological and reading views; its index holds exactly the
 * postings (every term, position and offset of every article) that the two analyzers give when each runs on its own.
 */
class OneKuromojiPassTest {
    private static final Path ARTICLES = Path.of("src/test/resources/relevance/corpus");

    @TempDir
    Path temp;

    @Test
    void theBodysViewsHoldWhatEachAnalyzerMakesAlone() throws IOException {
        IndexFixtures.build(ARTICLES, temp.resolve("index"));
        Path reference = writeWithTheAnalyzersAlone(temp.resolve("reference"));
        try (FSDirectory built = FSDirectory.open(new IndexDirectory(temp.resolve("index")).live().orElseThrow());
             FSDirectory alone = FSDirectory.open(reference)) {
            for (String field : new String[] {Schema.BODY, Schema.BODY_READING, Schema.TITLE_READING}) {
                Map<String, String> expected = postings(alone, field);
                assertTrue(expected.size() > 500, field + " has postings to compare: " + expected.size());
                assertEquals(expected, postings(built, field), field);
            }
        }
    }

    private static Path writeWithTheAnalyzersAlone(Path folder) throws IOException {
        Schema schema = new Schema(IndexFixtures.TOKYO);
        CompanyGazetteer gazetteer = CompanyGazetteer.builtIn();
        ArticleReader reader = new ArticleReader(IndexFixtures.TOKYO);
        try (JapaneseAnalyzers analyzers = new JapaneseAnalyzers(gazetteer);
             FSDirectory directory = FSDirectory.open(folder);
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(schema.indexAnalyzer(analyzers)));
             Stream<Path> files = Files.list(ARTICLES)) {
            for (Path file : files.sorted().toList()) {
                if (reader.read(ARTICLES, file) instanceof ReadResult.Read read) {
                    writer.addDocument(schema.facetsConfig().build(
                            schema.toDocument(read.article(), Indexer.companiesOf(gazetteer, read.article()))));
                }
            }
        }
        return folder;
    }

    /** "term article-id" → the positions and offsets of the term in that article, over the live articles only. */
    private static Map<String, String> postings(Directory directory, String field) throws IOException {
        Map<String, String> postings = new TreeMap<>();
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            for (LeafReaderContext context : reader.leaves()) {
                LeafReader leaf = context.reader();
                StoredFields stored = leaf.storedFields();
                Terms terms = leaf.terms(field);
                if (terms == null) {
                    continue;
                }
                TermsEnum termsEnum = terms.iterator();
                for (BytesRef term = termsEnum.next(); term != null; term = termsEnum.next()) {
                    PostingsEnum docs = termsEnum.postings(null, PostingsEnum.ALL);
                    for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                        if (leaf.getLiveDocs() != null && !leaf.getLiveDocs().get(doc)) {
                            continue;
                        }
                        StringBuilder where = new StringBuilder();
                        for (int i = 0; i < docs.freq(); i++) {
                            where.append(docs.nextPosition()).append('@').append(docs.startOffset()).append('-')
                                    .append(docs.endOffset()).append(' ');
                        }
                        postings.put(term.utf8ToString() + " " + stored.document(doc).get(Schema.ID), where.toString());
                    }
                }
            }
        }
        return postings;
    }
}
