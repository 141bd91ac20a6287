package kensaku.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What search analytics cost: two {@code kensaku serve} JVMs on the same index, one with {@code --no-analytics}, one
 * recording every search as committed ({@code commit=1} on each, far more than readers commit), measured in
 * alternating rounds by the same load generator so that a noisy neighbour weighs on both alike. Reports the
 * throughput ratio and what the store took per search.
 */
public final class AnalyticsCost {
    /**
     * @param off          analytics off, one level per client count
     * @param on           analytics on, every search committed
     * @param events       searches the store holds after the run
     * @param storeBytes   the store's file (and its WAL) after the server stopped
     */
    public record Result(List<LoadRunner.Level> off, List<LoadRunner.Level> on, long events, long storeBytes) {
        public double bytesPerEvent() {
            return events == 0 ? Double.NaN : (double) storeBytes / events;
        }
    }

    private AnalyticsCost() {}

    static Result measure(BenchDriver.Config config, KensakuJvm jvm, Path index, BenchDriver.Starter starter, PrintStream log)
            throws Exception {
        Path state = config.work().resolve("analytics-state");
        if (Files.exists(state)) {
            try (var files = Files.walk(state)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        List<ServerUnderTest> servers = new ArrayList<>();
        try {
            int offPort = BenchDriver.freePort();
            servers.add(starter.start(new KensakuEngine(offPort, "analytics-off", false), serve(config, jvm, index, offPort,
                    "--no-analytics"), KensakuEngine.probe(offPort)));
            int onPort = BenchDriver.freePort();
            servers.add(starter.start(new KensakuEngine(onPort, "analytics-on", true), serve(config, jvm, index, onPort,
                    "--state", state.toString()), KensakuEngine.probe(onPort)));
            new LoadRounds(config, log).measure(servers);
        } finally {
            for (ServerUnderTest server : servers) {
                BenchDriver.stop(server.process());
            }
        }
        Path store = state.resolve("analytics.sqlite");
        checkpoint(store);
        long bytes = Files.size(store) + sizeOrZero(state.resolve("analytics.sqlite-wal"));
        Result result = new Result(servers.get(0).serving(-1).levels(), servers.get(1).serving(-1).levels(), count(store),
                bytes);
        log.print(markdown(result));
        return result;
    }

    private static List<String> serve(BenchDriver.Config config, KensakuJvm jvm, Path index, int port, String... more) {
        List<String> args = new ArrayList<>(List.of("serve", "--corpus", config.corpus().toString(), "--index",
                index.toString(), "--port", Integer.toString(port), "--zone", config.zone().getId()));
        args.addAll(List.of(more));
        return jvm.command(config.serverHeap(), jvm.serveOptions(config.serverJvmOptions()), args.toArray(String[]::new));
    }

    private static long sizeOrZero(Path file) throws IOException {
        return Files.exists(file) ? Files.size(file) : 0;
    }

    /** Folds a WAL the server left (if it was stopped before its own checkpoint) into the file, so the size is the data's. */
    private static void checkpoint(Path store) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + store.toAbsolutePath());
             Statement s = db.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }

    private static long count(Path store) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + store.toAbsolutePath());
             Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM searches")) {
            return r.next() ? r.getLong(1) : 0;
        }
    }

    public static String markdown(Result r) {
        StringBuilder out = new StringBuilder("\n| clients | analytics off q/s | analytics on q/s | on / off | p50 off | p50 on |\n"
                + "|---:|---:|---:|---:|---:|---:|\n");
        for (int i = 0; i < r.off().size(); i++) {
            LoadRunner.Level off = r.off().get(i);
            LoadRunner.Level on = r.on().get(i);
            out.append(String.format(Locale.ROOT, "| %d | %.0f | %.0f | %.3f | %.1f ms | %.1f ms |%n", off.clients(),
                    off.throughput(), on.throughput(), on.throughput() / off.throughput(), off.percentileMillis(50),
                    on.percentileMillis(50)));
        }
        out.append(String.format(Locale.ROOT, "%nstore: %,d searches in %,d bytes = %.0f bytes per search"
                + " (%.0f MB per million)%n", r.events(), r.storeBytes(), r.bytesPerEvent(), r.bytesPerEvent()));
        return out.toString();
    }
}
