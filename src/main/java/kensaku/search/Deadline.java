package kensaku.search;

import java.time.Duration;

/**
 * The one time budget of a request, started when the request arrives: waiting for a search slot, analysis, the
 * search, facets, highlighting and did-you-mean all spend it. A step that finds it spent is skipped, and the
 * answer says {@code timed_out}.
 */
public record Deadline(long endNanos) {
    public static Deadline after(Duration budget, long startNanos) {
        return new Deadline(startNanos + budget.toNanos());
    }

    public boolean passed() {
        return System.nanoTime() - endNanos >= 0;
    }

    /** What is left, at least a millisecond (a Lucene timeout of 0 would mean none). */
    public long remainingMillis() {
        return Math.max(1, Duration.ofNanos(endNanos - System.nanoTime()).toMillis());
    }
}
