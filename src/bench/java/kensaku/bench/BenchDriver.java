package kensaku.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kensaku.analysis.CompanyGazetteer;
import kensaku.corpus.ArticleReader;
import kensaku.index.IndexDirectory;

/**
 * The benchmark: indexes a corpus with kensaku (a separate JVM), serves it (another JVM) and sends the query
 * mix over HTTP at each level of concurrency; does the same with Groonga when {@code groonga} is on the PATH;
 * then measures an incremental reindex with a fraction of the files changed against a full one. Everything runs
 * in one call so every figure comes from the same machine state.
 */
public final class BenchDriver {
    /** What to run. */
    public record Config(Path corpus, Path work, QueryMix mix, List<Integer> clients, Duration warmUp,
                         Duration warmUpMax, Duration perLevel, int maxRequestsPerLevel, boolean useGroonga, int groongaThreads,
                         String serverHeap, List<String> serverJvmOptions, ZoneId zone, double changedFraction,
                         Path java, String classpath, boolean reuseIndex, int rounds) {
        public Config {
            Objects.requireNonNull(corpus);
            Objects.requireNonNull(work);
            Objects.requireNonNull(mix);
            clients = List.copyOf(clients);
            serverJvmOptions = List.copyOf(serverJvmOptions);
        }
    }

    /** Building an index or database. */
    public record Indexing(int articles, long millis, long peakHeapBytes, long peakRssBytes, long indexBytes,
                           long corpusBytes) {
        public double articlesPerSecond() {
            return articles / (millis / 1000.0);
        }

        public double megabytesPerSecond() {
            return corpusBytes / 1e6 / (millis / 1000.0);
        }

        public double sizeRatio() {
            return (double) indexBytes / corpusBytes;
        }
    }

    /** Serving: readiness, memory, the load levels and each query's answer checksum. */
    /** @param firstStartMillis the first start of a build (it writes the class-data archive); -1 when none */
    public record Serving(long firstStartMillis, long readyMillis, long liveHeapBytes, long rssBytes, long peakRssBytes,
                          List<LoadRunner.Level> levels, long[] checksums, List<String> errors) {
        public Serving {
            levels = List.copyOf(levels);
            errors = List.copyOf(errors);
        }

        public Optional<LoadRunner.Level> level(int clients) {
            return levels.stream().filter(l -> l.clients() == clients).findFirst();
        }
    }

    /** One engine's figures. */
    public record EngineRun(String engine, Indexing indexing, Serving serving) {}

    /** The incremental reindex against a full one, on the same corpus with the same files changed. */
    public record Reindex(int files, int changed, long incrementalMillis, long fullMillis) {
        public double speedUp() {
            return (double) fullMillis / incrementalMillis;
        }
    }

    /** The whole result. */
    public record Result(int articles, long corpusBytes, EngineRun kensaku, Optional<EngineRun> groonga,
                         String groongaNote, Optional<Reindex> reindex, QueryMix mix) {}

    private final Config config;
    private final PrintStream log;
    private final KensakuJvm jvm;

    public BenchDriver(Config config, PrintStream log) {
        this.config = config;
        this.log = log;
        this.jvm = new KensakuJvm(config.java(), config.classpath(), config.work().resolve("kensaku-serve.jsa"));
    }

    /** Starts a server and waits for its first answer. */
    interface Starter {
        ServerUnderTest start(Engine engine, List<String> command, URI probe) throws Exception;
    }

    /** The cost of search analytics (see {@link AnalyticsCost}) on the corpus's index, built first when missing. */
    public AnalyticsCost.Result analyticsCost() throws Exception {
        Files.createDirectories(config.work());
        Path index = config.work().resolve("kensaku-index");
        if (!config.reuseIndex() || new IndexDirectory(index).live().isEmpty()) {
            List<Path> files = new ArticleReader(config.zone()).listFiles(config.corpus());
            kensakuIndex(config.corpus(), index, true, 0, "index-full");
            log.printf(Locale.ROOT, "kensaku indexed %,d articles%n", files.size());
        }
        return AnalyticsCost.measure(config, jvm, index, (engine, command, probe) -> start(engine, command, probe, true), log);
    }

    public Result run() throws Exception {
        Files.createDirectories(config.work());
        List<Path> files = new ArticleReader(config.zone()).listFiles(config.corpus());
        long corpusBytes = 0;
        for (Path file : files) {
            corpusBytes += Files.size(file);
        }
        log.printf(Locale.ROOT, "corpus %s: %,d files, %,d bytes%n", config.corpus(), files.size(), corpusBytes);
        Path index = config.work().resolve("kensaku-index");
        Indexing kIndexing = config.reuseIndex() && new IndexDirectory(index).live().isPresent()
                ? new Indexing(files.size(), -1, -1, -1, ProcessStats.folderBytes(new IndexDirectory(index).live().get()),
                        corpusBytes)
                : kensakuIndex(config.corpus(), index, true, corpusBytes, "index-full");
        log.printf(Locale.ROOT, "kensaku indexed %,d articles in %.1f s%n", kIndexing.articles(), kIndexing.millis() / 1e3);
        Optional<Path> groonga = config.useGroonga() ? onPath("groonga") : Optional.empty();
        String note;
        Optional<Indexing> gIndexing = Optional.empty();
        GroongaDatabase database = new GroongaDatabase(groonga.orElse(Path.of("groonga")), config.work().resolve("groonga"));
        if (!config.useGroonga()) {
            note = "Groonga not run (--groonga off).";
        } else if (groonga.isEmpty()) {
            note = "Groonga not run: no `groonga` on the PATH (install groonga-bin and groonga-tokenizer-mecab).";
        } else {
            note = "Groonga: " + groongaVersion(groonga.get());
            gIndexing = Optional.of(config.reuseIndex() && Files.exists(database.database())
                    ? new Indexing(files.size(), -1, -1, -1, ProcessStats.folderBytes(config.work().resolve("groonga")),
                            corpusBytes)
                    : groongaLoad(database, corpusBytes));
        }
        log.println(note);
        List<ServerUnderTest> servers = new ArrayList<>();
        long firstStartMillis;
        try {
            int kPort = freePort();
            List<String> serve = jvm.command(config.serverHeap(), jvm.serveOptions(config.serverJvmOptions()),
                    "serve", "--corpus", config.corpus().toString(), "--index", index.toString(), "--port",
                    Integer.toString(kPort), "--zone", config.zone().getId());
            // The first start of a build writes the class-data archive (as bin/kensaku's does); the measured
            // start is the next one, what every restart of that build sees. Both are reported.
            Files.deleteIfExists(jvm.classArchive());
            ServerUnderTest first = start(new KensakuEngine(kPort), serve, KensakuEngine.probe(kPort), true);
            stop(first.process());
            firstStartMillis = first.readyMillis();
            log.println("(that was the first start of this build, which writes the class-data archive; again:)");
            servers.add(start(new KensakuEngine(kPort), serve, KensakuEngine.probe(kPort), true));
            if (gIndexing.isPresent()) {
                int gPort = freePort();
                servers.add(start(new GroongaEngine(gPort, config.zone()), groongaCommand(groonga.get(), database, gPort),
                        GroongaEngine.probe(gPort), false));
            }
            new LoadRounds(config, log).measure(servers);
        } finally {
            for (ServerUnderTest server : servers) {
                stop(server.process());
            }
        }
        EngineRun kensaku = new EngineRun("kensaku", kIndexing, servers.get(0).serving(firstStartMillis));
        Optional<EngineRun> groongaRun = gIndexing.map(g -> new EngineRun("Groonga", g, servers.get(1).serving(-1)));
        Optional<Reindex> reindex = config.changedFraction() > 0
                ? Optional.of(reindex(files, index, corpusBytes)) : Optional.empty();
        return new Result(files.size(), corpusBytes, kensaku, groongaRun, note, reindex, config.mix());
    }

    private static final Pattern ARTICLES = Pattern.compile("articles\\s+([\\d,]+) in the live index");

    private Indexing kensakuIndex(Path corpus, Path index, boolean full, long corpusBytes, String label)
            throws IOException, InterruptedException {
        Path gcLog = config.work().resolve(label + "-gc.log");
        Path out = config.work().resolve(label + ".out");
        List<String> args = new ArrayList<>(List.of("index", "--corpus", corpus.toString(), "--index", index.toString(),
                "--zone", config.zone().getId()));
        if (full) {
            args.add("--full");
        }
        List<String> command = jvm.command("4g", List.of("-Xlog:gc:file=" + gcLog), args.toArray(String[]::new));
        long t0 = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        long peakRss = 0;
        while (!process.waitFor(200, TimeUnit.MILLISECONDS)) {
            peakRss = Math.max(peakRss, ProcessStats.procStatusBytes(process.pid(), "VmHWM"));
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        String output = Files.readString(out, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IOException("kensaku index exited with " + process.exitValue() + ":\n" + output);
        }
        Matcher m = ARTICLES.matcher(output);
        int articles = m.find() ? Integer.parseInt(m.group(1).replace(",", "")) : -1;
        Path live = new IndexDirectory(index).live().orElseThrow();
        return new Indexing(articles, millis, ProcessStats.peakHeapFromGcLog(gcLog), peakRss,
                ProcessStats.folderBytes(live), corpusBytes);
    }

    private Indexing groongaLoad(GroongaDatabase database, long corpusBytes) throws Exception {
        deleteTree(config.work().resolve("groonga"));
        GroongaDatabase.Load load = database.build(config.corpus(), config.zone(), CompanyGazetteer.builtIn());
        log.printf(Locale.ROOT, "Groonga loaded %,d articles in %.1f s (+ indexes %.1f s)%n", load.articles(),
                load.loadMillis() / 1e3, load.indexMillis() / 1e3);
        return new Indexing(load.articles(), load.totalMillis(), -1, load.peakRssBytes(), load.databaseBytes(),
                corpusBytes);
    }

    private List<String> groongaCommand(Path groonga, GroongaDatabase database, int port) {
        return List.of(groonga.toString(), "--protocol", "http", "-s", "--bind-address", "127.0.0.1",
                "-p", Integer.toString(port), "--cache-limit", "0", "-t", Integer.toString(config.groongaThreads()),
                "--log-path", config.work().resolve("groonga").resolve("groonga.log").toString(),
                database.database().toString());
    }

    private ServerUnderTest start(Engine engine, List<String> command, URI probe, boolean java) throws Exception {
        Path out = config.work().resolve(engine.name().toLowerCase(Locale.ROOT) + "-serve.log");
        long t0 = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            long readyMillis = awaitFirstAnswer(process, probe, t0);
            log.printf(Locale.ROOT, "%s answered its first query %d ms after start%n", engine.name(), readyMillis);
            return new ServerUnderTest(engine, process, java, readyMillis, new LoadRunner(engine, config.mix()));
        } catch (Exception e) {
            stop(process);
            throw e;
        }
    }

    private static long awaitFirstAnswer(Process process, URI probe, long startNanos) throws Exception {
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1)).build()) {
            long deadline = startNanos + Duration.ofMinutes(10).toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IOException("the server exited with " + process.exitValue() + " before answering");
                }
                try {
                    HttpResponse<Void> response = http.send(HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(30))
                            .build(), HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() == 200) {
                        return (System.nanoTime() - startNanos) / 1_000_000;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(5);
            }
        }
        throw new IOException("the server did not answer " + probe + " within 10 minutes");
    }

    static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /**
     * A copy of the corpus made of hard links (no bytes copied) with every {@code 1/fraction}-th file rewritten
     * (a paragraph appended), then an incremental build and a {@code --full} build of it, one after the other.
     */
    private Reindex reindex(List<Path> files, Path index, long corpusBytes) throws IOException, InterruptedException {
        Path changedCorpus = config.work().resolve("corpus-changed");
        deleteTree(changedCorpus);
        int every = Math.max(1, (int) Math.round(1 / config.changedFraction()));
        int changed = 0;
        for (int i = 0; i < files.size(); i++) {
            Path source = files.get(i);
            Path target = changedCorpus.resolve(config.corpus().relativize(source));
            Files.createDirectories(target.getParent());
            if (i % every == every / 2) {
                String text = Files.readString(source, StandardCharsets.UTF_8);
                Files.writeString(target, text + "\n追記（" + i + "）: この記事はベンチマークのために更新された。\n",
                        StandardCharsets.UTF_8);
                changed++;
            } else {
                Files.createLink(target, source);
            }
        }
        Indexing incremental = kensakuIndex(changedCorpus, index, false, corpusBytes, "index-incremental");
        Indexing full = kensakuIndex(changedCorpus, index, true, corpusBytes, "index-full-again");
        log.printf(Locale.ROOT, "reindex with %,d of %,d files changed: incremental %.1f s, full %.1f s%n", changed,
                files.size(), incremental.millis() / 1e3, full.millis() / 1e3);
        return new Reindex(files.size(), changed, incremental.millis(), full.millis());
    }

    static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(java.io.File.pathSeparator)).map(dir -> Path.of(dir, program))
                .filter(Files::isExecutable).findFirst();
    }

    private static String groongaVersion(Path groonga) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(groonga.toString(), "--version").redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(10, TimeUnit.SECONDS);
        return out.lines().findFirst().orElse("unknown version").replaceAll("\\[.*", "").strip();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
