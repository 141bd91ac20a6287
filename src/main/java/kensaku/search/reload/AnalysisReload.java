package kensaku.search.reload;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import kensaku.analysis.AnalysisConfig;
import kensaku.analysis.AnalysisFingerprint;
import kensaku.analysis.AnalysisFolder;
import kensaku.analysis.InvalidAnalysisFileException;
import kensaku.analysis.JapaneseAnalyzers;
import kensaku.search.AnalysisStatus;
import kensaku.search.ArticleView;
import kensaku.search.Hit;
import kensaku.search.IndexInfo;
import kensaku.search.SearchBackend;
import kensaku.search.SearchRequest;
import kensaku.search.SearchResponse;
import kensaku.search.Suggestion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A backend whose analysis follows the analysis folder while it serves. Every poll (a second by default) hashes the
 * folder's files; when they changed it loads and checks them whole and, if they are sound, builds new analyzers and a
 * new backend on them and switches to it in one atomic step. A request runs entirely on the backend it started on
 * (the old analyzers are closed when the last such request ends), so a switch fails no request and no request mixes
 * two configurations. A file with a bad line is logged by file and line, shown by {@link #analysis()}, and the
 * previous configuration keeps serving.
 *
 * <p>Polling rather than {@code WatchService}: a watch misses changes on network and container file systems and
 * after an editor's rename-over-save on some, while hashing four small files once a second costs microseconds and
 * also sees an edit that leaves size and mtime alone (mtimes are 1–2 s coarse on some file systems).
 *
 * <p>Index-time files (user dictionary, stop words) cannot take effect before a reindex: while the served index was
 * built with the previous ones, queries keep being analysed with those (so query and index terms agree), and
 * {@link #analysis()} and the log say 「再インデックスが必要」. The new ones apply as soon as a generation built with
 * them is served. Synonyms and the query-time use of company aliases apply at once.
 */
public final class AnalysisReload implements SearchBackend, Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(AnalysisReload.class);

    /** Makes the backend that serves with these analyzers (the same kind of backend every time). */
    @FunctionalInterface
    public interface BackendFactory {
        SearchBackend create(JapaneseAnalyzers analyzers);
    }

    /** The index being served, as cheaply as it can be asked every second. */
    public interface ServedIndex {
        /** The generation (folder or cluster index) being served now. */
        String generation() throws IOException;

        /** The analysis fingerprint that generation recorded. */
        AnalysisFingerprint fingerprint(String generation) throws IOException;
    }

    private final AnalysisFolder folder;
    private final BackendFactory factory;
    private final ServedIndex served;
    private final Consumer<AnalysisConfig> switched;
    private final AtomicReference<Active> current = new AtomicReference<>();
    private final ScheduledExecutorService poller;
    private final Object checking = new Object();

    /** The folder's last loaded configuration (what the operator wants), and what the poller saw last. */
    private AnalysisConfig wanted;
    private String lastStamp;
    private String lastGeneration;
    private AnalysisFingerprint lastIndexed;
    private volatile AnalysisStatus status;

    /**
     * @param analyzers the analyzers the server started with, loaded from {@code folder}; owned from now on
     * @param switched  told of every configuration switched to (after the switch), e.g. to prepare suggestions
     */
    public AnalysisReload(AnalysisFolder folder, JapaneseAnalyzers analyzers, BackendFactory factory,
                          ServedIndex served, Duration pollInterval, Consumer<AnalysisConfig> switched) {
        this.folder = folder;
        this.factory = factory;
        this.served = served;
        this.switched = switched;
        this.wanted = analyzers.config();
        this.lastStamp = folder.stamp();
        this.current.set(new Active(factory.create(analyzers), analyzers, Instant.now()));
        this.status = new AnalysisStatus(source(), Instant.now().toString(), List.of(), null);
        check();
        this.poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "kensaku-analysis-reload");
            thread.setDaemon(true);
            return thread;
        });
        long millis = pollInterval.toMillis();
        poller.scheduleWithFixedDelay(this::checkQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Looks at the folder and the served index now (the poller does this every interval). */
    public void check() {
        synchronized (checking) {
            boolean changed = false;
            boolean newGeneration = false;
            String stamp = folder.stamp();
            if (!stamp.equals(lastStamp)) {
                lastStamp = stamp;
                changed = load();
            }
            Active active = current.get();
            String generation = generation();
            if (generation != null && !generation.equals(lastGeneration)) {
                newGeneration = lastGeneration != null; // not the one served at start
                lastGeneration = generation;
                lastIndexed = fingerprintOf(generation);
                changed = true;
            }
            if (changed) {
                apply(active, newGeneration);
            }
        }
    }

    /** Reads the folder whole; false (and the problem recorded) when it cannot be used. */
    private boolean load() {
        try {
            wanted = folder.load();
            status = new AnalysisStatus(source(), status.loadedAt(), status.reindexChanges(), null);
            LOG.info("analysis folder {} changed; loaded it", source());
            return true;
        } catch (InvalidAnalysisFileException e) {
            refuse(new AnalysisStatus.Problem(e.file(), e.line(), e.reason()), e.getMessage());
        } catch (IOException | RuntimeException e) {
            refuse(new AnalysisStatus.Problem(source(), 0, String.valueOf(e.getMessage())), String.valueOf(e.getMessage()));
        }
        return false;
    }

    private void refuse(AnalysisStatus.Problem problem, String message) {
        status = new AnalysisStatus(source(), status.loadedAt(), status.reindexChanges(), problem);
        LOG.warn("analysis folder not reloaded, the previous configuration keeps serving: {}", message);
    }

    /** Switches to what the folder asks for, as far as the served index allows; says whether a reindex is due. */
    private void apply(Active active, boolean newGeneration) {
        List<String> changes = lastIndexed == null ? List.of() : wanted.fingerprint().changedSince(lastIndexed);
        AnalysisConfig target = forQueries(wanted, active.analyzers.config(), lastIndexed);
        String loadedAt = status.loadedAt();
        if (!target.sameAs(active.analyzers.config())) {
            JapaneseAnalyzers analyzers = new JapaneseAnalyzers(target);
            Active next = new Active(factory.create(analyzers), analyzers, Instant.now());
            current.set(next);
            active.release();
            loadedAt = next.loadedAt.toString();
            LOG.info("analysis switched: queries now use {}", describe(target));
            switched.accept(target);
        } else if (newGeneration) {
            // A generation built elsewhere (another folder state) gets the query-time part in force now.
            switched.accept(target);
        }
        boolean newlyRequired = !changes.isEmpty() && !changes.equals(status.reindexChanges());
        status = new AnalysisStatus(source(), loadedAt, changes, status.error());
        if (newlyRequired) {
            LOG.warn("{} (reindex required: {})", status.message(), String.join(", ", changes));
        }
    }

    /**
     * The configuration to analyse queries with: the folder's, except that while the served index was built with the
     * user dictionary and stop words now in use, and the folder has others, those in use stay until a reindex.
     */
    static AnalysisConfig forQueries(AnalysisConfig wanted, AnalysisConfig inUse, AnalysisFingerprint indexed) {
        if (indexed == null || indexed.parts().isEmpty()) {
            return wanted;
        }
        boolean wantedMatches = sameIndexTimeFiles(wanted.fingerprint(), indexed);
        boolean inUseMatches = sameIndexTimeFiles(inUse.fingerprint(), indexed);
        return !wantedMatches && inUseMatches ? wanted.withIndexTimeFilesOf(inUse) : wanted;
    }

    private static boolean sameIndexTimeFiles(AnalysisFingerprint a, AnalysisFingerprint b) {
        return Objects.equals(a.parts().get(AnalysisFingerprint.USER_DICTIONARY), b.parts().get(AnalysisFingerprint.USER_DICTIONARY))
                && Objects.equals(a.parts().get(AnalysisFingerprint.STOP_WORDS), b.parts().get(AnalysisFingerprint.STOP_WORDS))
                && Objects.equals(a.parts().get(AnalysisFingerprint.CHAIN), b.parts().get(AnalysisFingerprint.CHAIN));
    }

    private static String describe(AnalysisConfig config) {
        return config.synonyms().name() + ", " + config.userDictionary().name() + ", " + config.stopWords().name()
                + ", " + config.gazetteer().companies().size() + " companies";
    }

    private String source() {
        return folder.folder().map(Object::toString).orElse("built-in");
    }

    private String generation() {
        try {
            return served.generation();
        } catch (IOException | RuntimeException e) {
            return null; // not reachable now (a cluster node down): asked again at the next poll
        }
    }

    private AnalysisFingerprint fingerprintOf(String generation) {
        try {
            return served.fingerprint(generation);
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot read the analysis the served index was built with: {}", e.getMessage());
            return null;
        }
    }

    private void checkQuietly() {
        try {
            check();
        } catch (RuntimeException e) {
            LOG.warn("analysis reload check failed: {}", e.toString());
        }
    }

    /** The configuration serving queries now. */
    public AnalysisConfig config() {
        return current.get().analyzers.config();
    }

    @Override
    public AnalysisStatus analysis() {
        return status;
    }

    @Override
    public SearchResponse search(SearchRequest request) throws IOException {
        return use(backend -> backend.search(request));
    }

    @Override
    public Optional<ArticleView> article(String id) throws IOException {
        return use(backend -> backend.article(id));
    }

    @Override
    public Optional<List<Hit>> related(String id, int size) throws IOException {
        return use(backend -> backend.related(id, size));
    }

    @Override
    public List<Suggestion> suggest(String prefix, int limit) throws IOException {
        return use(backend -> backend.suggest(prefix, limit));
    }

    @Override
    public IndexInfo info() throws IOException {
        return use(SearchBackend::info);
    }

    @Override
    public String status() {
        Active active = acquire();
        try {
            return active.backend.status();
        } finally {
            active.release();
        }
    }

    /** The backend serving now, for what only it knows (its load, for metrics); do not keep it. */
    public SearchBackend serving() {
        return current.get().backend;
    }

    @Override
    public void close() {
        poller.shutdownNow();
        current.get().release();
    }

    private interface Call<T> {
        T on(SearchBackend backend) throws IOException;
    }

    private <T> T use(Call<T> call) throws IOException {
        Active active = acquire();
        try {
            return call.on(active.backend);
        } finally {
            active.release();
        }
    }

    /** The backend serving now, held until released: a switch never closes analyzers under a running request. */
    private Active acquire() {
        while (true) {
            Active active = current.get();
            if (active.tryAcquire()) {
                return active;
            }
        }
    }

    /** A backend and its analyzers, counted: one count for being current, one per running request. */
    private static final class Active {
        final SearchBackend backend;
        final JapaneseAnalyzers analyzers;
        final Instant loadedAt;
        private final AtomicInteger holders = new AtomicInteger(1);

        Active(SearchBackend backend, JapaneseAnalyzers analyzers, Instant loadedAt) {
            this.backend = backend;
            this.analyzers = analyzers;
            this.loadedAt = loadedAt;
        }

        boolean tryAcquire() {
            int count;
            do {
                count = holders.get();
                if (count == 0) {
                    return false; // switched away from and closed since it was read: take the new one
                }
            } while (!holders.compareAndSet(count, count + 1));
            return true;
        }

        void release() {
            if (holders.decrementAndGet() == 0) {
                analyzers.close();
            }
        }
    }
}
