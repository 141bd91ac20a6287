package kensaku.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import kensaku.analysis.CompanyGazetteer;
import kensaku.analysis.JapaneseAnalyzers;
import kensaku.corpus.ArticleReader;
import kensaku.corpus.Problem;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexerTest {
    @TempDir
    Path temp;

    @Test
    void indexesEverySeedArticleAndRecordsTheSchema() throws IOException {
        IndexReport report = IndexFixtures.build(IndexFixtures.SEEDS, temp.resolve("index"));

        assertEquals(5, report.filesRead());
        assertEquals(5, report.indexed());
        assertEquals(List.of(), report.failed());
        assertEquals(5, report.companyMentions().get("NVIDIA"), "every seed article mentions NVIDIA");
        try (FSDirectory dir = FSDirectory.open(new IndexDirectory(temp.resolve("index")).live().orElseThrow());
             DirectoryReader reader = DirectoryReader.open(dir)) {
            assertEquals(5, reader.numDocs());
            assertEquals(Integer.toString(Schema.VERSION),
                    reader.getIndexCommit().getUserData().get(Schema.COMMIT_SCHEMA_VERSION));
            assertEquals("Asia/Tokyo", reader.getIndexCommit().getUserData().get(Schema.COMMIT_ZONE));
        }
    }

    @Test
    void aFullBuildByFourWorkersEndsInOneSegment() throws IOException {
        Path corpus = IndexFixtures.corpusOf(temp.resolve("corpus"), IndexFixtures.SEEDS,
                Path.of("src/test/resources/relevance/corpus"));
        CompanyGazetteer gazetteer = CompanyGazetteer.builtIn();
        IndexReport report;
        try (JapaneseAnalyzers analyzers = new JapaneseAnalyzers(gazetteer)) {
            // Each worker writes segments of its own, merged only at the end of a full build.
            report = new Indexer(new Schema(IndexFixtures.TOKYO), analyzers, gazetteer,
                    new ArticleReader(IndexFixtures.TOKYO), 4).build(corpus, new IndexDirectory(temp.resolve("index")),
                    IndexProgress.SILENT, true);
        }
        try (FSDirectory dir = FSDirectory.open(report.generation()); DirectoryReader reader = DirectoryReader.open(dir)) {
            assertEquals(report.indexed(), reader.numDocs());
            assertEquals(1, reader.leaves().size(), "segments of a full build");
        }
    }

    @Test
    void reportsBrokenFilesByPathAndIndexesTheRest() throws IOException {
        Path corpus = IndexFixtures.corpusOf(temp.resolve("corpus"), IndexFixtures.SEEDS, Path.of("src/test/resources/index/broken"));

        IndexReport report = IndexFixtures.build(corpus, temp.resolve("index"));

        assertEquals(7, report.filesRead());
        assertEquals(5, report.indexed());
        assertEquals(List.of("bad-date.md", "bad-yaml.md"), report.failed().stream().map(Problem::id).toList());
        assertTrue(report.failed().get(0).reason().contains("date"), report.failed().get(0).reason());
        assertEquals(5, report.documents());
    }

    @Test
    void aBuildThatIndexesNothingLeavesThePreviousIndexLive() throws IOException {
        Path index = temp.resolve("index");
        IndexReport first = IndexFixtures.build(IndexFixtures.SEEDS, index);
        Path onlyBroken = IndexFixtures.corpusOf(temp.resolve("broken"), Path.of("src/test/resources/index/broken"));

        assertThrows(IOException.class, () -> IndexFixtures.build(onlyBroken, index));

        IndexDirectory directory = new IndexDirectory(index);
        assertEquals(first.generation(), directory.live().orElseThrow());
        assertEquals(5, documentsIn(directory.live().orElseThrow()));
    }

    @Test
    void aMissingCorpusFolderFailsWithoutTouchingTheIndex() throws IOException {
        Path index = temp.resolve("index");
        IndexReport first = IndexFixtures.build(IndexFixtures.SEEDS, index);

        IOException error = assertThrows(IOException.class, () -> IndexFixtures.build(temp.resolve("nowhere"), index));

        assertTrue(error.getMessage().contains("nowhere"), error.getMessage());
        assertEquals(first.generation(), new IndexDirectory(index).live().orElseThrow());
    }

    @Test
    void aKilledBuildLeavesTheLiveIndexAndItsLeftoversAreRemovedByTheNextBuild() throws IOException {
        Path index = temp.resolve("index");
        IndexReport first = IndexFixtures.build(IndexFixtures.SEEDS, index);
        // What kill -9 in the middle of a build leaves behind: a half-written build folder and a half-written pointer.
        Path halfBuilt = Files.createDirectory(index.resolve("tmp-20260101T000000000"));
        Files.writeString(halfBuilt.resolve("_0.fdt"), "partial", StandardCharsets.UTF_8);
        Files.writeString(index.resolve("CURRENT.next"), "gen-2026", StandardCharsets.UTF_8);

        assertEquals(first.generation(), new IndexDirectory(index).live().orElseThrow());
        IndexReport second = IndexFixtures.build(IndexFixtures.SEEDS, index);

        assertFalse(Files.exists(halfBuilt));
        assertFalse(Files.exists(index.resolve("CURRENT.next")));
        assertEquals(second.generation(), new IndexDirectory(index).live().orElseThrow());
    }

    @Test
    void keepsTheLiveGenerationAndTheOneBeforeIt() throws IOException {
        Path index = temp.resolve("index");
        IndexFixtures.build(IndexFixtures.SEEDS, index);
        IndexReport second = IndexFixtures.build(IndexFixtures.SEEDS, index);
        IndexReport third = IndexFixtures.build(IndexFixtures.SEEDS, index);

        try (Stream<Path> children = Files.list(index)) {
            List<Path> generations = children.filter(p -> p.getFileName().toString().startsWith("gen-")).sorted().toList();
            assertEquals(List.of(second.generation(), third.generation()), generations);
        }
    }

    @Test
    void onlyOneBuildAtATime() throws IOException {
        IndexDirectory directory = new IndexDirectory(temp.resolve("index"));
        try (IndexDirectory.BuildLock held = directory.lockForBuild()) {
            IOException error = assertThrows(IOException.class,
                    () -> IndexFixtures.build(IndexFixtures.SEEDS, temp.resolve("index")));
            assertTrue(error.getMessage().contains("another index build"), error.getMessage());
        }
    }

    private static int documentsIn(Path generation) throws IOException {
        try (FSDirectory dir = FSDirectory.open(generation); DirectoryReader reader = DirectoryReader.open(dir)) {
            return reader.numDocs();
        }
    }
}
