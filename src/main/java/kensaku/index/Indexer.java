package kensaku.index;

import java.io.IOException;
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
import java.util.Set;
import kensaku.analysis.CompanyGazetteer;
import kensaku.analysis.JapaneseAnalyzers;
import kensaku.corpus.Article;
import kensaku.corpus.ArticleReader;
import kensaku.corpus.Problem;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
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
        if (known.isEmpty()) {
            // A full build ends merged into one segment: merging the flushed segments as they come as well wrote
            // most of the index twice (a third of the merging CPU at 100k). Tiers of 50 still bound the segments
            // a far larger build keeps open.
            config.setMergePolicy(new TieredMergePolicy().setSegmentsPerTier(50).setMaxMergeAtOnce(50));
        }
        ((ConcurrentMergeScheduler) config.getMergeScheduler()).setMaxMergesAndThreads(2, 1);
        try (FSDirectory directory = FSDirectory.open(folder); IndexWriter writer = new IndexWriter(directory, config)) {
            new IndexingWorkers(schema, gazetteer, reader, includeDrafts, writer, previous, tally, progress,
                    now).indexAll(corpus, files, threads);
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
}
