package kensaku.analytics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes events from request threads without ever making them wait: a bounded queue, and when it is full the event
 * is dropped and counted. One writer thread drains it into the store in batches, at least once a second (so a
 * {@code kill -9} loses at most the last second), and deletes events past the retention once a day.
 */
public final class EventRecorder implements AutoCloseable {
    public static final int QUEUE_CAPACITY = 20_000;
    static final Duration FLUSH_EVERY = Duration.ofMillis(500);
    private static final int MAX_BATCH = 5_000;
    private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);

    private final EventStore store;
    private final Duration retention;
    private final Clock clock;
    private final BlockingQueue<Event> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Thread writer;
    private volatile boolean closing;
    private Instant nextPurge = Instant.MIN;

    public EventRecorder(EventStore store, Duration retention, Clock clock) {
        this(store, retention, clock, QUEUE_CAPACITY);
    }

    EventRecorder(EventStore store, Duration retention, Clock clock, int capacity) {
        this.store = store;
        this.retention = retention;
        this.clock = clock;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.writer = Thread.ofPlatform().name("kensaku-analytics-writer").daemon().unstarted(this::drain);
        writer.start();
    }

    /** Queues an event; never blocks: when the writer is behind, the event is dropped and counted. */
    public void record(Event event) {
        if (closing || !queue.offer(event)) {
            dropped.incrementAndGet();
        }
    }

    public long dropped() {
        return dropped.get();
    }

    public long written() {
        return written.get();
    }

    /** Events lost because the store refused a batch (disk full, file removed); logged when it happens. */
    public long failed() {
        return failed.get();
    }

    public int queued() {
        return queue.size();
    }

    public Clock clock() {
        return clock;
    }

    public EventStore store() {
        return store;
    }

    private void drain() {
        List<Event> batch = new ArrayList<>();
        while (!closing || !queue.isEmpty()) {
            try {
                Event first = queue.poll(FLUSH_EVERY.toMillis(), TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, MAX_BATCH - 1);
                    write(batch);
                    batch.clear();
                }
                purgeWhenDue();
            } catch (InterruptedException e) {
                closing = true;
            }
        }
    }

    private void write(List<Event> batch) {
        try {
            store.write(batch);
            written.addAndGet(batch.size());
        } catch (Exception e) {
            failed.addAndGet(batch.size());
            LOG.warn("analytics: {} events not stored: {}", batch.size(), e.getMessage());
        }
    }

    /** Once a day (and at start): events older than the retention go. */
    private void purgeWhenDue() {
        Instant now = clock.instant();
        if (now.isBefore(nextPurge)) {
            return;
        }
        nextPurge = now.plus(Duration.ofDays(1));
        try {
            store.deleteBefore(now.minus(retention));
        } catch (Exception e) {
            LOG.warn("analytics: old events not deleted: {}", e.getMessage());
        }
    }

    /** Writes what is queued, then closes the store. */
    @Override
    public void close() {
        closing = true;
        try {
            writer.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.close();
    }
}
