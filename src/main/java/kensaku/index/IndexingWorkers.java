package kensaku.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kensaku.analysis.CompanyGazetteer;
import kensaku.corpus.Article;
import kensaku.corpus.ArticleReader;
import kensaku.corpus.Problem;
import kensaku.corpus.Publishing;
import kensaku.corpus.ReadResult;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;

/**
 * The files of one build, each read, withheld or analysed and handed to the writer: one worker per core, each
 * taking the next file from a shared queue and analysing it in the writer's call on its own thread, so reading,
 * parsing and analysis keep both cores busy (one in-memory segment per worker).
 */
final class IndexingWorkers {
    private final Schema schema;
    private final CompanyGazetteer gazetteer;
    private final ArticleReader reader;
    private final boolean includeDrafts;
    private final IndexWriter writer;
    private final Optional<PreviousGeneration> previous;
    private final Map<String, String> known;
    private final BuildTally tally;
    private final IndexProgress progress;
    private final Instant now;

    /**
     * @param previous the live generation an incremental build starts from (its unchanged articles are kept as
     *                 they are), empty for a full build
     * @param now      the time publishing dates are judged at, the same for every file of the build
     */
    IndexingWorkers(Schema schema, CompanyGazetteer gazetteer, ArticleReader reader,
                    boolean includeDrafts, IndexWriter writer, Optional<PreviousGeneration> previous,
                    BuildTally tally, IndexProgress progress, Instant now) {
        this.schema = schema;
        this.gazetteer = gazetteer;
        this.reader = reader;
        this.includeDrafts = includeDrafts;
        this.writer = writer;
        this.previous = previous;
        this.known = previous.map(PreviousGeneration::hashById).orElse(Map.of());
        this.tally = tally;
        this.progress = progress;
        this.now = now;
    }

    /** Indexes every file with {@code threads} workers; the first failure stops them all and is thrown. */
    void indexAll(Path corpus, List<Path> files, int threads) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            Queue<Path> waiting = new ConcurrentLinkedQueue<>(files);
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                work.add(pool.submit(() -> {
                    takeUntilNoneWait(waiting, corpus);
                    return null;
                }));
            }
            awaitAll(work);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One worker. One that fails empties the queue, so the others stop too and the build fails at once. */
    private void takeUntilNoneWait(Queue<Path> waiting, Path corpus) {
        try {
            for (Path file = waiting.poll(); file != null && !Thread.currentThread().isInterrupted();
                 file = waiting.poll()) {
                indexOne(corpus, file);
            }
        } catch (RuntimeException | Error e) {
            waiting.clear();
            throw e;
        }
    }

    private void indexOne(Path corpus, Path file) {
        String id = ArticleReader.idOf(corpus, file);
        String knownHash = known.isEmpty() ? null : known.get(id);
        if (knownHash != null && knownHash.equals(reader.contentHash(file).orElse(null))) {
            // Unchanged since the live generation: its document is already in the seeded build folder, and
            // hashing the bytes is all it takes to know (decoding and rendering were most of an incremental run).
            tally.seenIds.add(id);
            if (withhold(id, previous.get().publishingOf(id))) {
                tally.removeIds.add(id); // expired since it was indexed
            } else {
                tally.unchanged.incrementAndGet();
            }
            progress.fileUnchanged(id);
            return;
        }
        ReadResult result = reader.read(corpus, file);
        switch (result) {
            case ReadResult.Read read -> {
                Article article = read.article();
                tally.seenIds.add(article.id());
                if (withhold(article.id(), article.publishing())) {
                    tally.removeIds.add(article.id());
                } else if (article.contentHash().equals(known.get(article.id()))) {
                    tally.unchanged.incrementAndGet();
                } else {
                    result = write(article, file);
                }
            }
            case ReadResult.Failed failed -> {
                Problem problem = failed.problem();
                tally.seenIds.add(problem.id());
                if (known.containsKey(problem.id())) {
                    tally.stale(problem);
                } else {
                    tally.failed(problem);
                }
            }
        }
        progress.fileDone(result);
    }

    /**
     * Notes an article that is not searchable now, and says whether it stays out of the index: drafts and
     * unpublished posts (unless this is a preview build), opt-outs and expired articles. Scheduled articles are
     * indexed, to appear at their time.
     */
    private boolean withhold(String id, Publishing publishing) {
        Withheld withheld = Withheld.of(id, publishing, now, includeDrafts);
        if (withheld == null) {
            return false;
        }
        tally.withheld(withheld);
        return !withheld.indexed();
    }

    private ReadResult write(Article article, Path file) {
        Set<String> companies = Indexer.companiesOf(gazetteer, article);
        try {
            writer.updateDocument(new Term(Schema.ID, article.id()),
                    schema.facetsConfig().build(schema.toDocument(article, companies)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            // Lucene refuses a few pathological documents (e.g. a single term over 32 KB): report it, go on.
            Problem problem = new Problem(article.id(), "index: " + e.getMessage());
            tally.failed(problem);
            return new ReadResult.Failed(problem);
        }
        tally.indexed.incrementAndGet();
        tally.bytes.addAndGet(fileSize(file));
        companies.forEach(c -> tally.companies.merge(c, 1, Integer::sum));
        return new ReadResult.Read(article);
    }

    private static long fileSize(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static void awaitAll(List<Future<?>> work) throws IOException {
        for (Future<?> future : work) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("index build interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof UncheckedIOException io) {
                    throw io.getCause();
                }
                throw new IOException("index build failed: " + e.getCause(), e.getCause());
            }
        }
    }
}
