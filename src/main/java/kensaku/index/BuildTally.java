package kensaku.index;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import kensaku.corpus.Problem;

/** Counts what a build did, from several worker threads. */
final class BuildTally {
    final AtomicInteger indexed = new AtomicInteger();
    final AtomicInteger unchanged = new AtomicInteger();
    final AtomicLong bytes = new AtomicLong();
    final Map<String, Integer> companies = new ConcurrentHashMap<>();
    /** Every id found in the corpus this run, readable or not: ids absent here were removed from the corpus. */
    final Set<String> seenIds = ConcurrentHashMap.newKeySet();
    /** Ids of articles now withheld that must leave the index if an earlier build put them there. */
    final Set<String> removeIds = ConcurrentHashMap.newKeySet();
    private final List<Withheld> withheld = Collections.synchronizedList(new ArrayList<>());
    private final List<Problem> failed = Collections.synchronizedList(new ArrayList<>());
    private final List<Problem> stale = Collections.synchronizedList(new ArrayList<>());

    void failed(Problem problem) {
        failed.add(problem);
    }

    void stale(Problem problem) {
        stale.add(problem);
    }

    void withheld(Withheld article) {
        withheld.add(article);
    }

    List<Withheld> withheld() {
        synchronized (withheld) {
            List<Withheld> copy = new ArrayList<>(withheld);
            copy.sort(Comparator.comparing(Withheld::id));
            return copy;
        }
    }

    List<Problem> failed() {
        return sorted(failed);
    }

    List<Problem> stale() {
        return sorted(stale);
    }

    private static List<Problem> sorted(List<Problem> problems) {
        synchronized (problems) {
            List<Problem> copy = new ArrayList<>(problems);
            copy.sort(Comparator.comparing(Problem::id));
            return copy;
        }
    }
}
