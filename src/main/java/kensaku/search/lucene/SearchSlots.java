package kensaku.search.lucene;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.Semaphore;
import kensaku.search.SearchLoad;

/**
 * At most so many searches at once, the rest waiting in arrival order. A search is CPU work from start to end, so
 * more of them than cores only share the cores and all finish late (docs/BENCHMARKS.md, change 16).
 */
final class SearchSlots implements SearchLoad {
    private final Semaphore slots;
    private final int count;

    SearchSlots(int slots) {
        if (slots < 1) {
            throw new IllegalArgumentException("at least one search slot, got " + slots);
        }
        this.slots = new Semaphore(slots, true);
        this.count = slots;
    }

    /** One slot per core of this machine. */
    static SearchSlots perCore() {
        return new SearchSlots(Runtime.getRuntime().availableProcessors());
    }

    @Override
    public int searchesRunning() {
        return count - slots.availablePermits();
    }

    @Override
    public int searchesWaiting() {
        return slots.getQueueLength();
    }

    interface Search<T> {
        T run() throws IOException;
    }

    /** Runs the search in a slot, waiting for one first when all are taken. */
    <T> T run(Search<T> search) throws IOException {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to search");
        }
        try {
            return search.run();
        } finally {
            slots.release();
        }
    }
}
