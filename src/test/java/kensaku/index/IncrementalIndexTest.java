package kensaku.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kensaku.analysis.CompanyGazetteer;
import kensaku.analysis.JapaneseAnalyzers;
import kensaku.corpus.ArticleReader;
import kensaku.corpus.Problem;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncrementalIndexTest {
    private static final String CHANGED = "002_c04c9c3010fcc63b.txt";
    private static final String REMOVED = "004_82b3f670182a709f.txt";

    @TempDir
    Path temp;
    Path corpus;
    Path index;

    @BeforeEach
    void firstBuild() throws IOException {
        corpus = IndexFixtures.corpusOf(temp.resolve("corpus"), IndexFixtures.SEEDS);
        index = temp.resolve("index");
        IndexReport first = IndexFixtures.build(corpus, index);
        assertFalse(first.incremental());
        assertEquals(5, first.indexed());
    }

    @Test
    void anUnchangedCorpusIsNotAnalysedAgain() throws IOException {
        IndexReport second = IndexFixtures.build(corpus, index);

        assertTrue(second.incremental());
        assertEquals(0, second.indexed());
        assertEquals(5, second.unchanged());
        assertEquals(5, second.documents());
    }

    @Test
    void reanalysesChangedFilesAddsNewOnesAndDeletesRemovedOnes() throws IOException {
        Files.writeString(corpus.resolve(CHANGED), "\n追記：新しい段落。", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        Files.delete(corpus.resolve(REMOVED));
        Files.writeString(corpus.resolve("new.md"), "---\ntitle: 追加記事\ndate: 2026-03-01\n---\n\n新規の本文。\n",
                StandardCharsets.UTF_8);

        IndexReport second = IndexFixtures.build(corpus, index);

        assertEquals(2, second.indexed());
        assertEquals(3, second.unchanged());
        assertEquals(1, second.deleted());
        assertEquals(5, second.documents());
        assertEquals(1, hitsFor("body", "追記"));
        assertEquals(0, idCount(REMOVED));
        assertEquals(1, idCount(CHANGED), "the changed article replaced, not duplicated");
    }

    @Test
    void aFileThatBecomesUnreadableKeepsItsLastGoodVersion() throws IOException {
        Files.write(corpus.resolve(CHANGED), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 0, 1, 2, 3});

        IndexReport second = IndexFixtures.build(corpus, index);

        assertEquals(List.of(CHANGED), second.stale().stream().map(Problem::id).toList());
        assertEquals(List.of(), second.failed());
        assertEquals(5, second.documents());
        assertEquals(1, idCount(CHANGED));
    }

    @Test
    void aFullBuildAnalysesEverything() throws IOException {
        reindexFull(corpus, index);
        try (FSDirectory dir = FSDirectory.open(new IndexDirectory(index).live().orElseThrow());
             DirectoryReader reader = DirectoryReader.open(dir)) {
            assertEquals(5, reader.numDocs());
            assertEquals(5, reader.maxDoc(), "a full build carries no deleted leftovers");
        }
    }

    private long idCount(String id) throws IOException {
        return hitsFor("id", id);
    }

    private long hitsFor(String field, String term) throws IOException {
        try (FSDirectory dir = FSDirectory.open(new IndexDirectory(index).live().orElseThrow());
             DirectoryReader reader = DirectoryReader.open(dir)) {
            return new IndexSearcher(reader).count(new TermQuery(new Term(field, term)));
        }
    }

    /** A full build, as `index --full` runs it. */
    private static void reindexFull(Path corpus, Path index) throws IOException {
        CompanyGazetteer gazetteer = CompanyGazetteer.builtIn();
        try (JapaneseAnalyzers analyzers = new JapaneseAnalyzers(gazetteer)) {
            IndexReport report = new Indexer(new Schema(IndexFixtures.TOKYO), analyzers, gazetteer,
                    new ArticleReader(IndexFixtures.TOKYO), 2)
                    .build(corpus, new IndexDirectory(index), IndexProgress.SILENT, true);
            assertFalse(report.incremental());
            assertEquals(5, report.indexed());
        }
    }
}
