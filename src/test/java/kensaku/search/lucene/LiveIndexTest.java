package kensaku.search.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import kensaku.analysis.CompanyGazetteer;
import kensaku.index.IndexDirectory;
import kensaku.index.IndexFixtures;
import kensaku.index.Schema;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import kensaku.search.IncompatibleIndexException;
import kensaku.search.IndexEvents;

class LiveIndexTest {
    @TempDir
    Path temp;

    @Test
    void switchesToANewGenerationWhileOlderSnapshotsStayReadable() throws IOException {
        Path corpus = IndexFixtures.corpusOf(temp.resolve("corpus"), IndexFixtures.SEEDS);
        Path root = temp.resolve("index");
        IndexFixtures.build(corpus, root);
        try (LiveIndex live = new LiveIndex(new IndexDirectory(root), new Schema(IndexFixtures.TOKYO), Duration.ofHours(1))) {
            IndexSnapshot before = live.acquire();
            Files.writeString(corpus.resolve("new.md"), "---\ntitle: 新しい記事\ndate: 2026-03-01\n---\n\n追加された本文。\n",
                    StandardCharsets.UTF_8);
            IndexFixtures.build(corpus, root);

            assertTrue(live.refresh());
            assertFalse(live.refresh(), "nothing changed since");
            assertEquals(6, live.info().documents());
            assertEquals(5, before.searcher().getIndexReader().numDocs(), "a request in flight keeps its generation");
            live.release(before);
        }
    }

    @Test
    void aLargeIndexIsVerifiedOnlyOnceStartUpIsOver() throws Exception {
        Path root = temp.resolve("index");
        IndexFixtures.build(IndexFixtures.corpusOf(temp.resolve("corpus"), IndexFixtures.SEEDS), root);
        // Every index is "large" with a limit of 0 bytes: verified in the background, not before serving.
        try (LiveIndex live = LiveIndex.verified(new IndexDirectory(root), new Schema(IndexFixtures.TOKYO),
                Duration.ofHours(1), null, IndexEvents.NONE, 0)) {
            Thread.sleep(300); // verifying five articles takes milliseconds: long done, had it started at once
            assertEquals("verifying", live.status(), "start-up has the cores to itself");
            live.prepareLater(Duration.ZERO);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (live.status().equals("verifying") && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals("ok", live.status());
        }
    }

    @Test
    void buildsEachGenerationsSuggesterBeforeServingIt() throws Exception {
        Path corpus = IndexFixtures.corpusOf(temp.resolve("corpus"), IndexFixtures.SEEDS);
        Path root = temp.resolve("index");
        IndexFixtures.build(corpus, root);
        try (LiveIndex live = new LiveIndex(new IndexDirectory(root), new Schema(IndexFixtures.TOKYO),
                Duration.ofHours(1), CompanyGazetteer.builtIn())) {
            assertFalse(hasSuggester(live), "not before it is asked for, so start-up has the cores");
            live.prepareLater(Duration.ZERO);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!hasSuggester(live) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(hasSuggester(live), "the first generation's suggester is built once asked for");

            Files.writeString(corpus.resolve("new.md"), "---\ntitle: 新しい記事\ndate: 2026-03-01\n---\n\n本文。\n",
                    StandardCharsets.UTF_8);
            IndexFixtures.build(corpus, root);
            assertTrue(live.refresh());
            assertTrue(hasSuggester(live), "a new generation is served with its suggester ready");
        }
        try (LiveIndex plain = new LiveIndex(new IndexDirectory(root), new Schema(IndexFixtures.TOKYO),
                Duration.ofHours(1))) {
            Thread.sleep(200);
            assertFalse(hasSuggester(plain), "without a gazetteer, built on first use only");
        }
    }

    private static boolean hasSuggester(LiveIndex live) throws IOException {
        IndexSnapshot snapshot = live.acquire();
        try {
            return snapshot.hasSuggester();
        } finally {
            live.release(snapshot);
        }
    }

    @Test
    void refusesAnIndexOfAnotherSchemaVersionWithAClearMessage() throws IOException {
        Path root = temp.resolve("index");
        IndexFixtures.build(IndexFixtures.SEEDS, root);
        Path live = new IndexDirectory(root).live().orElseThrow();
        try (FSDirectory dir = FSDirectory.open(live);
             IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
            writer.setLiveCommitData(Map.of(Schema.COMMIT_SCHEMA_VERSION, "0").entrySet());
            writer.commit();
        }

        IncompatibleIndexException error = assertThrows(IncompatibleIndexException.class,
                () -> new LiveIndex(new IndexDirectory(root), new Schema(IndexFixtures.TOKYO), Duration.ofHours(1)));
        assertTrue(error.getMessage().contains("rebuild"), error.getMessage());
    }

    @Test
    void noIndexYetIsAClearError() {
        IOException error = assertThrows(IOException.class,
                () -> new LiveIndex(new IndexDirectory(temp.resolve("empty")), new Schema(IndexFixtures.TOKYO), Duration.ofHours(1)));
        assertTrue(error.getMessage().contains("run the index command"), error.getMessage());
    }
}
