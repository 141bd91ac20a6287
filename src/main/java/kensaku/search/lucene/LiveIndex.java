package kensaku.search.lucene;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import kensaku.analysis.CompanyGazetteer;
import kensaku.index.IndexDirectory;
import kensaku.index.IndexVerifier;
import kensaku.index.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import kensaku.search.IndexEvents;
import kensaku.search.IndexInfo;
import kensaku.search.IndexUnavailableException;
import kensaku.search.Visibility;

/**
 * Serves whichever index generation is live, and moves to a new one when the offline index command switches.
 * Requests acquire a snapshot and release it when done; a request always sees one generation from start to end.
 */
public final class LiveIndex implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveIndex.class);
    /** When the background verification of a large index starts if no one called {@link #prepareLater}. */
    private static final Duration VERIFY_AT_THE_LATEST = Duration.ofSeconds(5);

    private final IndexDirectory directory;
    private final Schema schema;
    private final AtomicReference<IndexSnapshot> current = new AtomicReference<>();
    private final ScheduledExecutorService watcher;
    /** Swapped when the analysis folder's gazetteer changes; the next generation's suggester is built with it. */
    private volatile CompanyGazetteer suggestions;
    private final Visibility visibility;
    /** Generations found damaged: never switched to, and not verified again every poll. */
    private final Set<Path> refused = ConcurrentHashMap.newKeySet();
    /** "ok", or "verifying" while the generation served since start is being checked in the background. */
    private volatile String status = "ok";
    /** Why nothing can be served (the live generation is damaged and there is no intact one), or null. */
    private volatile String unavailable;
    private final IndexEvents events;
    /** The last failed switch, so that a broken generation is reported once rather than at every poll. */
    private String lastFailure;

    /** Opens the live generation; fails when there is none or it cannot be read. */
    public LiveIndex(IndexDirectory directory, Schema schema, Duration pollInterval) throws IOException {
        this(directory, schema, pollInterval, null);
    }

    /**
     * As above, and builds each generation's suggester with this gazetteer before switching to it, so no user
     * waits for it (half a second at 100k articles); the first generation's when {@link #prepareLater} asks.
     */
    public LiveIndex(IndexDirectory directory, Schema schema, Duration pollInterval, CompanyGazetteer suggestions)
            throws IOException {
        this(directory, schema, pollInterval, suggestions, IndexEvents.NONE, Visibility.published());
    }

    /** As above, and tells {@code events} of every generation switched to and every switch that failed. */
    public LiveIndex(IndexDirectory directory, Schema schema, Duration pollInterval, CompanyGazetteer suggestions,
                     IndexEvents events) throws IOException {
        this(directory, schema, pollInterval, suggestions, events, Visibility.published());
    }

    /**
     * As above, the suggestions prepared for what this visibility shows; and built again on the watcher thread
     * soon after a scheduled article goes live or one expires, so users rarely wait for that either.
     */
    public LiveIndex(IndexDirectory directory, Schema schema, Duration pollInterval, CompanyGazetteer suggestions,
                     IndexEvents events, Visibility visibility) throws IOException {
        this(directory, schema, pollInterval, suggestions, events, visibility, directory.live().orElseThrow(() ->
                new IOException("no index at " + directory.root() + "; run the index command first")));
    }

    private LiveIndex(IndexDirectory directory, Schema schema, Duration pollInterval, CompanyGazetteer suggestions,
            IndexEvents events, Visibility visibility, Path first) throws IOException {
        this.events = events;
        this.directory = directory;
        this.schema = schema;
        this.suggestions = suggestions;
        this.visibility = visibility;
        current.set(IndexSnapshot.open(first, schema));
        this.watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "kensaku-index-watcher");
            thread.setDaemon(true);
            return thread;
        });
        long millis = pollInterval.toMillis();
        watcher.scheduleWithFixedDelay(this::refreshQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Prepares the suggestions of the generations switched to from now on with this gazetteer. */
    public void suggestWith(CompanyGazetteer gazetteer) {
        this.suggestions = gazetteer;
    }

    /**
     * The live generation, verified first ({@link IndexVerifier}): before serving when it is at most
     * {@code verifyFirstBytes} large, else in the background with {@link #status} "verifying" until done. A damaged
     * generation is refused with a warning and the previous one served if it is intact; fails with a one-line
     * message when there is none.
     */
    public static LiveIndex verified(IndexDirectory directory, Schema schema, Duration pollInterval,
            CompanyGazetteer suggestions, IndexEvents events, long verifyFirstBytes) throws IOException {
        return verified(directory, schema, pollInterval, suggestions, events, Visibility.published(), verifyFirstBytes);
    }

    /** As above, showing what {@code visibility} shows. */
    public static LiveIndex verified(IndexDirectory directory, Schema schema, Duration pollInterval,
            CompanyGazetteer suggestions, IndexEvents events, Visibility visibility, long verifyFirstBytes)
            throws IOException {
        Path live = directory.live().orElseThrow(() ->
                new IOException("no index at " + directory.root() + "; run the index command first"));
        if (IndexVerifier.size(live) > verifyFirstBytes) {
            LiveIndex index = new LiveIndex(directory, schema, pollInterval, suggestions, events, visibility, live);
            index.status = "verifying";
            // Reading the whole index back takes a core for seconds (3 s at 100k): started now it competed with
            // start-up and doubled the time to the first answer (docs/BENCHMARKS.md). prepareLater starts it once the
            // server is up; this is for a caller that never asks.
            index.watcher.schedule(index::verifyServedOnce, VERIFY_AT_THE_LATEST.toMillis(), TimeUnit.MILLISECONDS);
            return index;
        }
        IndexVerifier.Result check = IndexVerifier.verify(live);
        if (check.intact()) {
            return new LiveIndex(directory, schema, pollInterval, suggestions, events, visibility, live);
        }
        Path previous = intactPrevious(directory, check);
        LiveIndex index = new LiveIndex(directory, schema, pollInterval, suggestions, events, visibility, previous);
        index.refused.add(live);
        return index;
    }

    /** The previous generation if it verifies; else the damage of the live one, as the one-line failure. */
    private static Path intactPrevious(IndexDirectory directory, IndexVerifier.Result damaged) throws IOException {
        Optional<Path> previous = directory.previous();
        if (previous.isPresent() && IndexVerifier.verify(previous.get()).intact()) {
            LOG.warn("refusing the live index generation, {}; serving the previous one, {}, until a new build",
                    damaged.describe(), previous.get().getFileName());
            return previous.get();
        }
        throw new IOException("refusing to serve " + damaged.describe()
                + (previous.isPresent() ? " (the previous generation is damaged too)" : " (no previous generation)")
                + "; rebuild the index with the index command --full");
    }

    /**
     * Verifies the generation served since start if it still waits for it. Both callers run on the one watcher
     * thread, so the second finds the status no longer "verifying".
     */
    private void verifyServedOnce() {
        if (status.equals("verifying")) {
            verifyServed();
        }
    }

    /** Verifies the generation served since start; moves off it if it is damaged. */
    private void verifyServed() {
        IndexSnapshot served = current.get();
        if (served == null) {
            return;
        }
        IndexVerifier.Result check = IndexVerifier.verify(served.folder());
        if (!check.intact()) {
            refused.add(served.folder());
            try {
                switchTo(intactPrevious(directory, check));
            } catch (IOException | RuntimeException e) {
                unavailable = e.getMessage();
                LOG.error("{}", e.getMessage());
            }
        } else {
            LOG.info("verified {}", check.describe());
        }
        status = "ok";
    }

    /** "ok", or "verifying" while the generation served since start is still being checked. */
    public String status() {
        return unavailable != null ? "damaged" : status;
    }

    /** Switches to the live generation if it changed and verifies. Returns true when it switched. */
    public synchronized boolean refresh() throws IOException {
        IndexSnapshot old = current.get();
        Optional<Path> live = directory.live();
        if (live.isEmpty() || old == null || live.get().equals(old.folder()) || refused.contains(live.get())) {
            return false;
        }
        IndexVerifier.Result check = IndexVerifier.verify(live.get());
        if (!check.intact()) {
            refused.add(live.get());
            LOG.error("refusing the new index generation, {}; still serving {}", check.describe(),
                    old.folder().getFileName());
            events.switchFailed(new IOException("damaged: " + check.describe()));
            return false;
        }
        switchTo(live.get());
        return true;
    }

    private synchronized void switchTo(Path folder) throws IOException {
        IndexSnapshot old = current.get();
        if (old == null) {
            return;
        }
        IndexSnapshot fresh = IndexSnapshot.open(folder, schema);
        warmQuietly(fresh);
        current.set(fresh);
        unavailable = null;
        old.release();
        LOG.info("now serving {} ({} articles)", fresh.info().generation(), fresh.info().documents());
        events.switched(fresh.info());
    }

    private void refreshQuietly() {
        try {
            refresh();
            lastFailure = null;
        } catch (IOException | RuntimeException e) {
            // Keep serving what we have; the next poll tries again, and a failure that repeats is reported once.
            if (!e.toString().equals(lastFailure)) {
                lastFailure = e.toString();
                LOG.warn("could not switch to the new index; still serving the previous one", e);
                events.switchFailed(e);
            }
        }
        IndexSnapshot snapshot = current.get();
        if (snapshot != null && snapshot.suggesterStale(visibility, visibility.now())) {
            warmQuietly(snapshot); // an article went live or expired: what suggestions may offer changed
        }
    }

    /**
     * Builds the serving generation's suggester on the watcher thread after the delay: called once the server is
     * up, so that the build does not compete with start-up for the cores.
     */
    public void prepareLater(Duration delay) {
        IndexSnapshot snapshot = current.get();
        if (snapshot != null) {
            watcher.schedule(() -> warmQuietly(snapshot), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
        // Then the background verification, on the same thread: after start-up, and after the suggestions.
        watcher.schedule(this::verifyServedOnce, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void warmQuietly(IndexSnapshot snapshot) {
        if (suggestions == null || !snapshot.tryRetain()) {
            return;
        }
        try {
            snapshot.suggester(suggestions, visibility, visibility.now());
        } catch (IOException | RuntimeException e) {
            // The first suggestion will build it (or report why it cannot); serving goes on either way.
            LOG.warn("could not prepare suggestions for {}: {}", snapshot.folder(), e.toString());
        } finally {
            release(snapshot);
        }
    }

    /** The snapshot to answer one request with; pass it to {@link #release} when done. */
    IndexSnapshot acquire() {
        if (unavailable != null) {
            throw new IndexUnavailableException(unavailable);
        }
        while (true) {
            IndexSnapshot snapshot = current.get();
            if (snapshot == null) {
                throw new IllegalStateException("index closed");
            }
            if (snapshot.tryRetain()) {
                return snapshot;
            }
            // Lost a race with a switch: the snapshot was closed between get() and retain; take the new one.
        }
    }

    void release(IndexSnapshot snapshot) {
        try {
            snapshot.release();
        } catch (IOException e) {
            LOG.warn("closing an old index generation failed: {}", e.toString());
        }
    }

    public IndexInfo info() {
        IndexSnapshot snapshot = acquire();
        try {
            return snapshot.info();
        } finally {
            release(snapshot);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        watcher.shutdownNow();
        IndexSnapshot snapshot = current.getAndSet(null);
        if (snapshot != null) {
            snapshot.release();
        }
    }
}
