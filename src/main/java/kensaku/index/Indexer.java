package kensaku.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
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
import kensaku.analysis.JapaneseAnalyzers;
import kensaku.analysis.MorphologyAndReading;
import kensaku.corpus.Article;
import kensaku.corpus.ArticleReader;
import kensaku.corpus.Problem;
import kensaku.corpus.Publishing;
import kensaku.corpus.ReadResult;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a new index generation from a corpus folder and makes it live, or leaves the previous one serving when
 * the build cannot finish.
 *
 * <p>By default a build is incremental: it starts from the live generation's files, re-analyses only articles
 * whose file content changed, deletes those whose file is gone, and keeps the last good version of a file that
 * has become unreadable (reported as stale). A full build starts empty.
 */
public final class Indexer {
    private static final Logger LOG = LoggerFactory.getLogger(Indexer.class);

    private final Schema schema;
    private final JapaneseAnalyzers analyzers;
    private final CompanyGazetteer gazetteer;
    private final ArticleReader reader;
    private final int threads;
    private final boolean includeDrafts;

    public Indexer(Schema schema, JapaneseAnalyzers analyzers, CompanyGazetteer gazetteer, ArticleReader reader,
                   int threads) {
        this(schema, analyzers, gazetteer, reader, threads, false);
    }

    /**
     * @param includeDrafts a preview build: drafts and {@code published: false} posts are indexed too, marked as
     *                      drafts (shown only by a server started with {@code --include-drafts})
     */
    public Indexer(Schema schema, JapaneseAnalyzers analyzers, CompanyGazetteer gazetteer, ArticleReader reader,
                   int threads, boolean includeDrafts) {
        this.schema = schema;
        this.analyzers = analyzers;
        this.gazetteer = gazetteer;
        this.reader = reader;
        this.threads = Math.max(1, threads);
        this.includeDrafts = includeDrafts;
    }

    /** An incremental build. */
    public IndexReport build(Path corpus, IndexDirectory target, IndexProgress progress) throws IOException {
        return build(corpus, target, progress, false);
    }

    /**
     * Reads the corpus, writes a new generation and switches to it. Files that fail are reported in the result;
     * the build itself fails (IOException, nothing switched) when the new index would hold no article at all,
     * so an emptied or unmounted folder never replaces a good index.
     */
    public IndexReport build(Path corpus, IndexDirectory target, IndexProgress progress, boolean full)
            throws IOException {
        Instant start = Instant.now();
        if (!Files.isDirectory(corpus)) {
            throw new IOException("corpus folder " + corpus + " does not exist or is not a folder");
        }
        try (IndexDirectory.BuildLock lock = target.lockForBuild()) {
            List<Path> leftovers = target.removeStale();
            if (!leftovers.isEmpty()) {
                LOG.info("removed {} leftover folder(s) from earlier builds: {}", leftovers.size(), leftovers);
            }
            // An index analysed otherwise is never built upon: unchanged articles would keep the old terms.
            List<String> analysisChanged = analysisChanged(target);
            if (!analysisChanged.isEmpty()) {
                LOG.info("the analysis changed since the live index was built ({}): re-analysing every article",
                        String.join(", ", analysisChanged));
            }
            Optional<PreviousGeneration> previous = full || !analysisChanged.isEmpty() ? Optional.empty()
                    : PreviousGeneration.of(target, schema, includeDrafts);
            List<Problem> notFiles = new ArrayList<>();
            List<Path> files = reader.listFiles(corpus, notFiles);
            LOG.info("indexing {} files from {} into {} ({}, {} threads, zone {})", files.size(), corpus,
                    target.root(), previous.isPresent() ? "incremental" : "full", threads, schema.zone());
            progress.started(files.size());
            Path folder = target.newBuildFolder();
            BuildTally tally = new BuildTally();
            Map<String, String> known = previous.map(PreviousGeneration::hashById).orElse(Map.of());
            int documents;
            try {
                if (previous.isPresent()) {
                    previous.get().seed(folder);
                }
                documents = write(corpus, files, folder, previous, tally, progress, start);
                if (documents == 0) {
                    throw new IOException("no article could be indexed from " + corpus + " (" + files.size()
                            + " files, " + tally.failed().size() + " failed, " + tally.withheld().size()
                            + " drafts, unpublished, opted out or expired); the previous index stays live");
                }
                // What is switched to was read back whole: a bad disk or a bug never becomes the live index.
                IndexVerifier.Result check = IndexVerifier.verify(folder);
                if (!check.intact()) {
                    throw new IOException("the new index does not verify (" + check.problem()
                            + "); the previous index stays live");
                }
            } catch (IOException | RuntimeException e) {
                throw failedBuild(target, folder, e);
            }
            // Never more than two generations, even if killed between the switch and the clean-up below.
            target.removeAllButLive();
            Path generation = target.publish(folder);
            target.removeStale();
            int deleted = (int) known.keySet().stream().filter(id -> !tally.seenIds.contains(id)).count();
            return new IndexReport(files.size(), tally.indexed.get(), tally.unchanged.get(), deleted, documents,
                    tally.failed(), tally.stale(), new HashMap<>(tally.companies), tally.bytes.get(),
                    Duration.between(start, Instant.now()), generation, previous.isPresent(), tally.withheld(),
                    includeDrafts, notFiles, analysisChanged);
        }
    }

    /** What differs between the analysis in force and the live generation's; empty without a live generation. */
    private List<String> analysisChanged(IndexDirectory target) throws IOException {
        Optional<Path> live = target.live();
        return live.isEmpty() ? List.of() : IndexedAnalysis.changed(live.get(), analyzers.config().fingerprint());
    }

    /** The failure, with the build folder removed (a full disk stays full otherwise) and named. */
    private static IOException failedBuild(IndexDirectory target, Path folder, Exception e) {
        String notRemoved = target.discard(folder);
        String message = (e.getMessage() == null ? e.toString() : e.getMessage())
                + (notRemoved == null ? "; removed its build folder " + folder
                        : "; its build folder " + folder + " could not be removed (" + notRemoved + "), delete it");
        return new IOException(message, e);
    }

    /** Writes the build folder and returns how many articles it holds. */
    private int write(Path corpus, List<Path> files, Path folder, Optional<PreviousGeneration> previous,
                      BuildTally tally, IndexProgress progress, Instant now) throws IOException {
        Map<String, String> known = previous.map(PreviousGeneration::hashById).orElse(Map.of());
        IndexWriterConfig config = new IndexWriterConfig(schema.indexAnalyzer(analyzers))
                .setOpenMode(known.isEmpty() ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND)
                .setRAMBufferSizeMB(256)
                .setCommitOnClose(false);
        ((ConcurrentMergeScheduler) config.getMergeScheduler()).setMaxMergesAndThreads(2, 1);
        try (FSDirectory directory = FSDirectory.open(folder); IndexWriter writer = new IndexWriter(directory, config)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                Queue<Path> waiting = new ConcurrentLinkedQueue<>(files);
                List<Future<?>> work = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    work.add(pool.submit(() -> {
                        indexAll(waiting, corpus, writer, previous, tally, progress, now);
                        return null;
                    }));
                }
                awaitAll(work);
            } finally {
                pool.shutdownNow();
            }
            for (String id : known.keySet()) {
                if (!tally.seenIds.contains(id) || tally.removeIds.contains(id)) {
                    writer.deleteDocuments(new Term(Schema.ID, id));
                }
            }
            if (known.isEmpty()) {
                // A full build is written once and then only read: one segment means one term lookup per query
                // term instead of one per segment, and facet counts without a cross-segment ordinal map.
                writer.forceMerge(1);
            }
            int documents = writer.getDocStats().numDocs;
            writer.setLiveCommitData(commitData(documents).entrySet());
            writer.commit();
            return writer.getDocStats().numDocs;
        }
    }

    /**
     * One worker: takes files until none wait, with a Kuromoji pass of its own for the bodies. A worker that fails
     * empties the queue, so the others stop too and the build fails at once.
     */
    private void indexAll(Queue<Path> waiting, Path corpus, IndexWriter writer, Optional<PreviousGeneration> previous,
                          BuildTally tally, IndexProgress progress, Instant now) throws IOException {
        try (MorphologyAndReading bodyPass = analyzers.newMorphologyAndReading()) {
            for (Path file = waiting.poll(); file != null && !Thread.currentThread().isInterrupted();
                 file = waiting.poll()) {
                indexOne(corpus, file, writer, previous, tally, progress, now, bodyPass);
            }
        } catch (IOException | RuntimeException | Error e) {
            waiting.clear();
            throw e;
        }
    }

    private void indexOne(Path corpus, Path file, IndexWriter writer, Optional<PreviousGeneration> previous,
                          BuildTally tally, IndexProgress progress, Instant now, MorphologyAndReading bodyPass) {
        Map<String, String> known = previous.map(PreviousGeneration::hashById).orElse(Map.of());
        String id = ArticleReader.idOf(corpus, file);
        String knownHash = known.isEmpty() ? null : known.get(id);
        if (knownHash != null && knownHash.equals(reader.contentHash(file).orElse(null))) {
            // Unchanged since the live generation: its document is already in the seeded build folder, and
            // hashing the bytes is all it takes to know (decoding and rendering were most of an incremental run).
            tally.seenIds.add(id);
            if (withhold(id, previous.get().publishingOf(id), now, tally)) {
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
                if (withhold(article.id(), article.publishing(), now, tally)) {
                    tally.removeIds.add(article.id());
                } else if (article.contentHash().equals(known.get(article.id()))) {
                    tally.unchanged.incrementAndGet();
                } else {
                    result = write(article, file, writer, tally, bodyPass);
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
    private boolean withhold(String id, Publishing publishing, Instant now, BuildTally tally) {
        Withheld withheld = Withheld.of(id, publishing, now, includeDrafts);
        if (withheld == null) {
            return false;
        }
        tally.withheld(withheld);
        return !withheld.indexed();
    }

    private ReadResult write(Article article, Path file, IndexWriter writer, BuildTally tally,
                             MorphologyAndReading bodyPass) {
        Set<String> companies = companiesOf(gazetteer, article);
        try {
            writer.updateDocument(new Term(Schema.ID, article.id()),
                    schema.facetsConfig().build(schema.toDocument(article, companies, bodyPass)));
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

    /** Companies named in the text, plus those that a tag names; the company facet of every backend. */
    public static Set<String> companiesOf(CompanyGazetteer gazetteer, Article article) {
        Set<String> companies = new LinkedHashSet<>();
        companies.addAll(gazetteer.companiesIn(article.title()));
        companies.addAll(gazetteer.companiesIn(article.excerpt()));
        companies.addAll(gazetteer.companiesIn(article.bodyText()));
        for (String tag : article.tags()) {
            gazetteer.companyForTag(tag).ifPresent(companies::add);
        }
        return companies;
    }

    private Map<String, String> commitData(int documents) {
        return Map.of(
                Schema.COMMIT_ANALYSIS, analyzers.config().fingerprint().encode(),
                Schema.COMMIT_SCHEMA_VERSION, Integer.toString(Schema.VERSION),
                Schema.COMMIT_BUILT_AT, Instant.now().toString(),
                Schema.COMMIT_ZONE, schema.zone().getId(),
                Schema.COMMIT_DOC_COUNT, Integer.toString(documents),
                Schema.COMMIT_INCLUDES_DRAFTS, Boolean.toString(includeDrafts));
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
