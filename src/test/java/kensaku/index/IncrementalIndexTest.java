package kensaku.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kensaku.corpus.Publishing;
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

    @Test
    void aDraftTurnedPublishedAndBackIsAddedThenRemoved() throws IOException {
        Path post = corpus.resolve("post.md");
        String draft = "---\ntitle: 新製品の下書き\ndate: 2025-01-01\ndraft: true\n---\n\nフクロモモンガの新製品。\n";
        Files.writeString(post, draft, StandardCharsets.UTF_8);
        IndexReport asDraft = IndexFixtures.build(corpus, index);
        assertEquals(0, idCount("post.md"), "a draft is not indexed");
        assertEquals(List.of(new Withheld("post.md", Publishing.State.DRAFT, null, null, false)), asDraft.withheld());
        assertEquals(5, asDraft.documents());

        Files.writeString(post, draft.replace("draft: true", "draft: false"), StandardCharsets.UTF_8);
        IndexReport published = IndexFixtures.build(corpus, index);
        assertTrue(published.incremental());
        assertEquals(1, published.indexed());
        assertEquals(List.of(), published.withheld());
        assertEquals(1, idCount("post.md"));
        assertEquals(1, hitsFor("body", "フクロモモンガ"));

        Files.writeString(post, draft, StandardCharsets.UTF_8);
        IndexReport backToDraft = IndexFixtures.build(corpus, index);
        assertTrue(backToDraft.incremental());
        assertEquals(0, idCount("post.md"), "back to draft: out of the index again");
        assertEquals(0, hitsFor("body", "フクロモモンガ"));
        assertEquals(0, backToDraft.deleted(), "its file is still there: withheld, not deleted");
        assertEquals(List.of(Publishing.State.DRAFT), backToDraft.withheld().stream().map(Withheld::state).toList());
        assertEquals(5, backToDraft.documents());
    }

    @Test
    void anUnchangedArticleThatExpiredSinceTheLastBuildLeavesTheIndex() throws IOException {
        Instant soon = Instant.now().plusSeconds(2).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Files.writeString(corpus.resolve("sale.md"), "---\ntitle: セール\nexpiryDate: " + soon + "\n---\n\n期間限定セール。\n",
                StandardCharsets.UTF_8);
        IndexFixtures.build(corpus, index);
        assertEquals(1, idCount("sale.md"), "indexed while it has not expired (and hidden by searches once it has)");
        awaitInstant(soon);
        IndexReport after = IndexFixtures.build(corpus, index);
        assertEquals(0, idCount("sale.md"));
        assertEquals(List.of(new Withheld("sale.md", Publishing.State.EXPIRED, soon, null, false)),
                after.withheld());
        assertEquals(0, after.indexed());
    }

    @Test
    void scheduledArticlesAreIndexedAndReportedEvenWhenUnchanged() throws IOException {
        Files.writeString(corpus.resolve("later.md"),
                "+++\ntitle = \"予告\"\npublishDate = 2099-01-01T00:00:00Z\n+++\n\n未来の記事。\n", StandardCharsets.UTF_8);
        IndexReport first = IndexFixtures.build(corpus, index);
        IndexReport second = IndexFixtures.build(corpus, index);
        for (IndexReport report : List.of(first, second)) {
            assertEquals(Optional.of(Instant.parse("2099-01-01T00:00:00Z")), report.nextGoLive());
            assertEquals(1, report.withheld(Publishing.State.SCHEDULED).size());
            assertEquals(6, report.documents());
        }
        assertEquals(1, idCount("later.md"));
        assertEquals(1, second.unchanged() - 5);
    }

    @Test
    void aPreviewBuildsDraftsNeverLingerInAPublishedBuild() throws IOException {
        Files.writeString(corpus.resolve("wip.md"), "---\ntitle: 作業中\ndraft: true\n---\n\n作業中の本文。\n",
                StandardCharsets.UTF_8);
        IndexReport preview = build(true);
        assertTrue(preview.includesDrafts());
        assertEquals(1, idCount("wip.md"), "a preview build indexes the draft");
        assertEquals(1, hitsFor(Schema.DRAFT, Schema.DRAFT_VALUE), "marked as a draft");
        IndexReport published = build(false);
        assertFalse(published.incremental(), "drafts indexed or not: never built upon the other kind");
        assertEquals(0, idCount("wip.md"));
        assertEquals(5, published.documents());
    }

    private IndexReport build(boolean includeDrafts) throws IOException {
        CompanyGazetteer gazetteer = CompanyGazetteer.builtIn();
        try (JapaneseAnalyzers analyzers = new JapaneseAnalyzers(gazetteer)) {
            return new Indexer(new Schema(IndexFixtures.TOKYO), analyzers, gazetteer,
                    new ArticleReader(IndexFixtures.TOKYO), 2, includeDrafts)
                    .build(corpus, new IndexDirectory(index), IndexProgress.SILENT);
        }
    }

    /** Sleeps until the instant has passed, no longer. */
    static void awaitInstant(Instant instant) {
        while (!Instant.now().isAfter(instant)) {
            try {
                Thread.sleep(Math.max(1, java.time.Duration.between(Instant.now(), instant).toMillis() + 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
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
