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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import kensaku.analysis.CompanyGazetteer;
import kensaku.analysis.JapaneseAnalyzers;
import kensaku.corpus.Article;
import kensaku.corpus.ArticleReader;
import kensaku.corpus.Problem;
import kensaku.corpus.ReadResult;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a complete new index generation from a corpus folder and makes it live, or leaves the previous one
 * serving when the build cannot finish.
 */
public final class Indexer {
    private static final Logger LOG = LoggerFactory.getLogger(Indexer.class);

    private final Schema schema;
    private final JapaneseAnalyzers analyzers;
    private final CompanyGazetteer gazetteer;
    private final ArticleReader reader;
    private final int threads;

    public Indexer(Schema schema, JapaneseAnalyzers analyzers, CompanyGazetteer gazetteer, ArticleReader reader,
                   int threads) {
        this.schema = schema;
        this.analyzers = analyzers;
        this.gazetteer = gazetteer;
        this.reader = reader;
        this.threads = Math.max(1, threads);
    }

    /**
     * Reads every file under the corpus, writes the readable ones into a new generation and switches to it.
     * Files that fail are reported in the result; the build itself fails (IOException, nothing switched) when
     * the corpus holds no readable article at all, so an emptied or unmounted folder never replaces a good index.
     */
    public IndexReport build(Path corpus, IndexDirectory target, IndexProgress progress) throws IOException {
        Instant start = Instant.now();
        if (!Files.isDirectory(corpus)) {
            throw new IOException("corpus folder " + corpus + " does not exist or is not a folder");
        }
        try (IndexDirectory.BuildLock lock = target.lockForBuild()) {
            List<Path> leftovers = target.removeStale();
            if (!leftovers.isEmpty()) {
                LOG.info("removed {} leftover folder(s) from earlier builds: {}", leftovers.size(), leftovers);
            }
            List<Path> files = reader.listFiles(corpus);
            LOG.info("indexing {} files from {} into {} ({} threads, zone {})", files.size(), corpus, target.root(),
                    threads, schema.zone());
            progress.started(files.size());
            Path folder = target.newBuildFolder();
            Tally tally = writeAll(corpus, files, folder, progress);
            if (tally.indexed.get() == 0) {
                throw new IOException("no article could be indexed from " + corpus + " (" + files.size()
                        + " files, " + tally.problems.size() + " failed); the previous index stays live");
            }
            Path generation = target.publish(folder);
            target.removeStale();
            return new IndexReport(files.size(), tally.indexed.get(), tally.sortedProblems(),
                    new HashMap<>(tally.companies), tally.bytes.get(), Duration.between(start, Instant.now()),
                    generation);
        }
    }

    private Tally writeAll(Path corpus, List<Path> files, Path folder, IndexProgress progress) throws IOException {
        Tally tally = new Tally();
        IndexWriterConfig config = new IndexWriterConfig(schema.indexAnalyzer(analyzers))
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(256)
                .setCommitOnClose(false);
        ((ConcurrentMergeScheduler) config.getMergeScheduler()).setMaxMergesAndThreads(2, 1);
        try (FSDirectory directory = FSDirectory.open(folder); IndexWriter writer = new IndexWriter(directory, config)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> work = new ArrayList<>();
                for (Path file : files) {
                    work.add(pool.submit(() -> indexOne(corpus, file, writer, tally, progress)));
                }
                awaitAll(work);
            } finally {
                pool.shutdownNow();
            }
            writer.setLiveCommitData(commitData(tally.indexed.get()).entrySet());
            writer.commit();
        }
        return tally;
    }

    private void indexOne(Path corpus, Path file, IndexWriter writer, Tally tally, IndexProgress progress) {
        ReadResult result = reader.read(corpus, file);
        switch (result) {
            case ReadResult.Read read -> {
                Article article = read.article();
                Set<String> companies = companiesOf(article);
                try {
                    writer.addDocument(schema.facetsConfig().build(schema.toDocument(article, companies)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (IllegalArgumentException e) {
                    // Lucene refuses a few pathological documents (e.g. a term longer than 32 KB); report, go on.
                    tally.problems.add(new Problem(article.id(), "index: " + e.getMessage()));
                    progress.fileDone(new ReadResult.Failed(new Problem(article.id(), "index: " + e.getMessage())));
                    return;
                }
                tally.indexed.incrementAndGet();
                tally.bytes.addAndGet(fileSize(file));
                companies.forEach(c -> tally.companies.merge(c, 1, Integer::sum));
            }
            case ReadResult.Failed failed -> tally.problems.add(failed.problem());
        }
        progress.fileDone(result);
    }

    /** Companies named in the text, plus those that a tag names. */
    private Set<String> companiesOf(Article article) {
        Set<String> companies = new LinkedHashSet<>();
        companies.addAll(gazetteer.companiesIn(article.title()));
        companies.addAll(gazetteer.companiesIn(article.excerpt()));
        companies.addAll(gazetteer.companiesIn(article.bodyText()));
        for (String tag : article.tags()) {
            gazetteer.companyForTag(tag).ifPresent(companies::add);
        }
        return companies;
    }

    private Map<String, String> commitData(int docCount) {
        return Map.of(
                Schema.COMMIT_SCHEMA_VERSION, Integer.toString(Schema.VERSION),
                Schema.COMMIT_BUILT_AT, Instant.now().toString(),
                Schema.COMMIT_ZONE, schema.zone().getId(),
                Schema.COMMIT_DOC_COUNT, Integer.toString(docCount));
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

    private static final class Tally {
        final AtomicInteger indexed = new AtomicInteger();
        final AtomicLong bytes = new AtomicLong();
        final List<Problem> problems = java.util.Collections.synchronizedList(new ArrayList<>());
        final Map<String, Integer> companies = new ConcurrentHashMap<>();

        List<Problem> sortedProblems() {
            List<Problem> sorted = new ArrayList<>(problems);
            sorted.sort(java.util.Comparator.comparing(Problem::id));
            return sorted;
        }
    }
}
