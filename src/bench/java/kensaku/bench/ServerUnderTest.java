package kensaku.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A server under test, its load runner and what was measured of it so far. */
final class ServerUnderTest {
    private final Engine engine;
    private final Process process;
    private final boolean java;
    private final long readyMillis;
    private final LoadRunner runner;
    private final Map<Integer, List<LoadRunner.Level>> rounds = new TreeMap<>();
    long liveHeap = -1;
    long rss = -1;
    long peakRss = -1;

    ServerUnderTest(Engine engine, Process process, boolean java, long readyMillis, LoadRunner runner) {
        this.engine = engine;
        this.process = process;
        this.java = java;
        this.readyMillis = readyMillis;
        this.runner = runner;
    }

    Engine engine() {
        return engine;
    }

    Process process() {
        return process;
    }

    long pid() {
        return process.pid();
    }

    /** A JVM, whose heap and JIT compiler can be read; Groonga is not. */
    boolean java() {
        return java;
    }

    long readyMillis() {
        return readyMillis;
    }

    LoadRunner runner() {
        return runner;
    }

    void add(LoadRunner.Level round) {
        rounds.computeIfAbsent(round.clients(), k -> new ArrayList<>()).add(round);
    }

    BenchDriver.Serving serving(long firstStartMillis) {
        List<LoadRunner.Level> levels = rounds.values().stream().map(LoadRunner.Level::combine).toList();
        List<String> errors = runner.firstErrors().entrySet().stream()
                .map(e -> e.getKey() + " → " + e.getValue()).toList();
        return new BenchDriver.Serving(firstStartMillis, readyMillis, liveHeap, rss, peakRss, levels,
                runner.checksums(), errors);
    }
}
