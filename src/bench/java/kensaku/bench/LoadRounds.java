package kensaku.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Warms every server, then measures each level in rounds, the engines taking turns within a round, so that a
 * neighbour's load on a shared machine falls on both engines alike rather than on whichever ran second.
 */
final class LoadRounds {
    private static final Duration SETTLE_SPELL = Duration.ofSeconds(5);
    private static final double SETTLED_PERCENT = 2.0;

    private final BenchDriver.Config config;
    private final PrintStream log;

    LoadRounds(BenchDriver.Config config, PrintStream log) {
        this.config = config;
        this.log = log;
    }

    void measure(List<ServerUnderTest> servers) throws Exception {
        int warmClients = Math.min(4, config.clients().stream().max(Integer::compare).orElse(1));
        for (ServerUnderTest server : servers) {
            server.runner().warmUp(1, config.warmUp());
            server.runner().measure(warmClients, Integer.MAX_VALUE, config.warmUp());
            if (server.java()) {
                warmUntilCompiled(server, warmClients);
            }
            server.liveHeap = server.java()
                    ? ProcessStats.liveHeapBytes(config.java(), server.pid()).orElse(-1L) : -1;
            server.rss = ProcessStats.procStatusBytes(server.pid(), "VmRSS");
        }
        for (int round = 1; round <= config.rounds(); round++) {
            for (int clients : config.clients()) {
                for (ServerUnderTest server : servers) {
                    CpuUse before = CpuUse.of(server);
                    LoadRunner.Level level = server.runner().measure(clients,
                            Math.max(1, config.maxRequestsPerLevel() / config.rounds()),
                            config.perLevel().dividedBy(config.rounds()));
                    CpuUse spent = CpuUse.of(server).since(before);
                    level = level.withCpu(spent.server(), spent.client(), spent.compiler());
                    log(round, server, level);
                    server.add(level);
                }
            }
        }
        for (ServerUnderTest server : servers) {
            server.peakRss = ProcessStats.procStatusBytes(server.pid(), "VmHWM");
            server.runner().firstErrors().forEach((q, e) ->
                    log.println(server.engine().name() + " error: " + config.mix().queries().get(q) + " → " + e));
        }
    }

    /**
     * Goes on warming a JVM server in short spells until its JIT compiler takes under {@value #SETTLED_PERCENT}% of
     * its CPU, or {@code warmUpMax} has passed: on a slow day the compiler was still taking 14% of the server's CPU
     * in the first measured round after a fixed 15 s, which charged compilation to the search figures.
     */
    private void warmUntilCompiled(ServerUnderTest server, int clients) throws Exception {
        if (config.warmUpMax().isZero()) {
            return;
        }
        long deadline = System.nanoTime() + config.warmUpMax().toNanos();
        while (System.nanoTime() < deadline) {
            CpuUse before = CpuUse.of(server);
            server.runner().measure(clients, Integer.MAX_VALUE, SETTLE_SPELL);
            CpuUse spent = CpuUse.of(server).since(before);
            if (spent.server() <= 0 || spent.compiler() < 0) {
                return; // /proc does not say: the fixed warm-up is all there is
            }
            double percent = 100.0 * spent.compiler() / spent.server();
            log.printf(Locale.ROOT, "%s warm-up: JIT compiler %.1f%% of the server's CPU over the last %d s%n",
                    server.engine().name(), percent, SETTLE_SPELL.toSeconds());
            if (percent < SETTLED_PERCENT) {
                return;
            }
        }
        log.printf(Locale.ROOT, "%s warm-up: the JIT compiler had not settled after %d s more%n",
                server.engine().name(), config.warmUpMax().toSeconds());
    }

    private void log(int round, ServerUnderTest server, LoadRunner.Level level) {
        double jit = level.compilerPercentOfServerCpu();
        log.printf(Locale.ROOT, "round %d %s %2d clients: %,d requests in %.1f s, %.0f q/s, p50 %.1f p90 %.1f "
                        + "p99 %.1f ms, CPU per query: server %.2f ms, load generator %.2f ms%s, %d errors, "
                        + "%d checksum mismatches%n", round, server.engine().name(),
                level.clients(), level.requests(), level.seconds(), level.throughput(), level.percentileMillis(50),
                level.percentileMillis(90), level.percentileMillis(99), level.serverCpuMillisPerQuery(),
                level.clientCpuMillisPerQuery(),
                Double.isNaN(jit) ? "" : String.format(Locale.ROOT, ", JIT %.1f%% of the server's", jit),
                level.errors(), level.mismatches());
    }

    /**
     * CPU used so far, in nanoseconds (-1 where it cannot be read): the server's, its JIT compiler's (-1 for a
     * server that is not a JVM) and this process's, the load generator's.
     */
    private record CpuUse(long server, long compiler, long client) {
        static CpuUse of(ServerUnderTest server) {
            return new CpuUse(ProcessStats.cpuNanos(server.pid()),
                    server.java() ? ProcessStats.compilerCpuNanos(server.pid()) : -1, ProcessStats.ownCpuNanos());
        }

        CpuUse since(CpuUse before) {
            return new CpuUse(difference(before.server, server), difference(before.compiler, compiler),
                    difference(before.client, client));
        }

        private static long difference(long before, long after) {
            return before < 0 || after < 0 ? -1 : after - before;
        }
    }
}
