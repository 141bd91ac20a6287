package kensaku.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** The benchmark result as Markdown: one table with kensaku, Groonga and their ratio, then the details. */
public final class BenchReport {
    private BenchReport() {}

    public static String markdown(BenchDriver.Result result) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "### %,d articles, %.1f MB%n%n", result.articles(), result.corpusBytes() / 1e6));
        md.append(result.groongaNote()).append("\n\n");
        md.append("| figure | kensaku | Groonga | kensaku ÷ Groonga | better |\n|---|---:|---:|---:|---|\n");
        BenchDriver.EngineRun k = result.kensaku();
        Optional<BenchDriver.EngineRun> g = result.groonga();
        row(md, "indexing, articles/s", k, g, r -> r.indexing().articlesPerSecond(), "%.0f", "higher");
        row(md, "indexing, MB/s", k, g, r -> r.indexing().megabytesPerSecond(), "%.2f", "higher");
        row(md, "indexing, elapsed s", k, g, r -> r.indexing().millis() / 1e3, "%.1f", "lower");
        row(md, "indexing, peak heap MiB", k, g, r -> mib(r.indexing().peakHeapBytes()), "%.0f", "lower");
        row(md, "indexing, peak RSS MiB", k, g, r -> mib(r.indexing().peakRssBytes()), "%.0f", "lower");
        row(md, "index size ÷ corpus bytes", k, g, r -> r.indexing().sizeRatio(), "%.2f", "lower");
        row(md, "serve start → first answer, ms", k, g, r -> (double) r.serving().readyMillis(), "%.0f", "lower");
        row(md, "same, first start of a new build, ms", k, g, r -> r.serving().firstStartMillis() < 0 ? Double.NaN
                : (double) r.serving().firstStartMillis(), "%.0f", "lower");
        row(md, "live heap after warm-up, MiB", k, g, r -> mib(r.serving().liveHeapBytes()), "%.0f", "lower");
        row(md, "RSS after warm-up, MiB", k, g, r -> mib(r.serving().rssBytes()), "%.0f", "lower");
        row(md, "peak RSS serving, MiB", k, g, r -> mib(r.serving().peakRssBytes()), "%.0f", "lower");
        for (LoadRunner.Level level : k.serving().levels()) {
            int c = level.clients();
            row(md, "queries/s, " + c + " client" + (c == 1 ? "" : "s"), k, g,
                    r -> r.serving().level(c).map(LoadRunner.Level::throughput).orElse(Double.NaN), "%.0f", "higher");
            for (double p : new double[] {50, 90, 99}) {
                row(md, String.format(Locale.ROOT, "p%.0f ms, %d client%s", p, c, c == 1 ? "" : "s"), k, g,
                        r -> r.serving().level(c).map(l -> l.percentileMillis(p)).orElse(Double.NaN), "%.1f", "lower");
            }
            row(md, "server CPU per query ms, " + c + " client" + (c == 1 ? "" : "s"), k, g,
                    r -> r.serving().level(c).map(LoadRunner.Level::serverCpuMillisPerQuery).orElse(Double.NaN),
                    "%.2f", "lower");
            row(md, "load generator CPU per query ms, " + c + " client" + (c == 1 ? "" : "s"), k, g,
                    r -> r.serving().level(c).map(LoadRunner.Level::clientCpuMillisPerQuery).orElse(Double.NaN),
                    "%.2f", "lower");
            row(md, "JIT compiler % of server CPU, " + c + " client" + (c == 1 ? "" : "s"), k, g,
                    r -> r.serving().level(c).map(LoadRunner.Level::compilerPercentOfServerCpu).orElse(Double.NaN),
                    "%.1f", "lower");
        }
        md.append('\n');
        md.append("Requests, errors and checksum mismatches per level: ");
        List<String> counts = new ArrayList<>();
        for (BenchDriver.EngineRun run : engines(result)) {
            for (LoadRunner.Level l : run.serving().levels()) {
                counts.add(String.format(Locale.ROOT, "%s %d clients %,d requests in %.1f s, %d errors, %d mismatches",
                        run.engine(), l.clients(), l.requests(), l.seconds(), l.errors(), l.mismatches()));
            }
        }
        md.append(String.join("; ", counts)).append(".\n\n");
        categories(md, result);
        checksums(md, result);
        result.reindex().ifPresent(r -> md.append(String.format(Locale.ROOT,
                "#### Incremental reindex%n%n| files | changed | incremental s | --full s | speed-up |%n|---:|---:|---:|---:|---:|%n"
                        + "| %,d | %,d | %.1f | %.1f | %.1f× |%n%n", r.files(), r.changed(), r.incrementalMillis() / 1e3,
                r.fullMillis() / 1e3, r.speedUp())));
        return md.toString();
    }

    private static List<BenchDriver.EngineRun> engines(BenchDriver.Result result) {
        List<BenchDriver.EngineRun> runs = new ArrayList<>(List.of(result.kensaku()));
        result.groonga().ifPresent(runs::add);
        return runs;
    }

    private static void categories(StringBuilder md, BenchDriver.Result result) {
        int clients = result.kensaku().serving().levels().stream().map(LoadRunner.Level::clients)
                .filter(c -> c == 4).findFirst().orElse(result.kensaku().serving().levels().get(0).clients());
        md.append("#### Latency by category at ").append(clients).append(" clients (ms)\n\n");
        md.append("| category | kensaku p50 | kensaku p99 | Groonga p50 | Groonga p99 |\n|---|---:|---:|---:|---:|\n");
        for (String category : result.mix().categories()) {
            md.append("| ").append(category);
            for (int e = 0; e < 2; e++) {
                Optional<LoadRunner.Level> level = e == 0 ? result.kensaku().serving().level(clients)
                        : result.groonga().flatMap(r -> r.serving().level(clients));
                for (double p : new double[] {50, 99}) {
                    md.append(" | ").append(level.map(l -> l.latencyNanosByCategory().get(category))
                            .map(v -> String.format(Locale.ROOT, "%.1f", LoadRunner.Level.percentile(v, p))).orElse("–"));
                }
            }
            md.append(" |\n");
        }
        md.append('\n');
    }

    private static void checksums(StringBuilder md, BenchDriver.Result result) {
        md.append("#### Answer checksums (CRC-32 of total and result ids, per query)\n\n");
        md.append("| query | kensaku | Groonga |\n|---|---|---|\n");
        List<QueryMix.Query> queries = result.mix().queries();
        for (int i = 0; i < queries.size(); i++) {
            int q = i;
            md.append("| `").append(queries.get(i).toString().replace("\t", ": ").replace("|", "\\|")).append("` | ")
                    .append(String.format(Locale.ROOT, "%08x", result.kensaku().serving().checksums()[q])).append(" | ")
                    .append(result.groonga().map(r -> String.format(Locale.ROOT, "%08x", r.serving().checksums()[q]))
                            .orElse("–")).append(" |\n");
        }
        md.append('\n');
    }

    private static void row(StringBuilder md, String name, BenchDriver.EngineRun k, Optional<BenchDriver.EngineRun> g,
                            Function<BenchDriver.EngineRun, Double> figure, String format, String better) {
        double kv = figure.apply(k);
        Optional<Double> gv = g.map(figure);
        md.append("| ").append(name).append(" | ").append(value(kv, format)).append(" | ")
                .append(gv.map(v -> value(v, format)).orElse("–")).append(" | ")
                .append(gv.filter(v -> v > 0 && kv > 0).map(v -> String.format(Locale.ROOT, "%.2f", kv / v)).orElse("–"))
                .append(" | ").append(better).append(" |\n");
    }

    private static String value(double v, String format) {
        return Double.isNaN(v) || v < 0 ? "–" : String.format(Locale.ROOT, format, v);
    }

    private static double mib(long bytes) {
        return bytes < 0 ? -1 : bytes / 1048576.0;
    }
}
