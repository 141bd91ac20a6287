package kensaku.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kensaku.FuzzSeed;
import kensaku.index.IndexDirectory;
import kensaku.index.IndexFixtures;
import kensaku.index.Schema;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the real {@code index} command (a separate JVM) with SIGKILL at random points of a build and checks that
 * the previous index stays live and intact, and that the next build succeeds and removes the leftovers.
 */
class CrashSafetyTest {
    private static final int RUNS = 10;
    private static final int COPIES_OF_EACH_SEED = 30;

    @TempDir
    Path temp;

    @Test
    void killingABuildAnywhereLeavesThePreviousIndexServing() throws Exception {
        long seed = FuzzSeed.get();
        Random random = new Random(seed);
        Path corpus = largeCorpus();
        Path index = temp.resolve("index");
        assertEquals(0, runIndex(corpus, index, "--full").waitFor(), "the first build");
        IndexDirectory directory = new IndexDirectory(index);
        Path live = directory.live().orElseThrow();
        int documents = documentsIn(live);

        for (int run = 0; run < RUNS; run++) {
            Process build = runIndex(corpus, index, "--full");
            long delayMillis = 300 + random.nextInt(4_000);
            boolean finished = build.waitFor(delayMillis, TimeUnit.MILLISECONDS);
            if (!finished) {
                build.destroyForcibly().waitFor();
            }
            Path nowLive = directory.live().orElseThrow();
            assertTrue(finished || nowLive.equals(live) || Files.isDirectory(nowLive),
                    "seed " + seed + " run " + run + ": the live index is whole");
            assertEquals(documents, documentsIn(nowLive), "seed " + seed + " run " + run);
            checkIntact(nowLive, "seed " + seed + " run " + run);
            live = nowLive;
        }

        assertEquals(0, runIndex(corpus, index, "--full").waitFor(), "seed " + seed + ": the next build succeeds");
        try (Stream<Path> children = Files.list(index)) {
            List<String> names = children.map(p -> p.getFileName().toString()).sorted().toList();
            assertFalse(names.stream().anyMatch(n -> n.startsWith("tmp-")), "seed " + seed + ": leftovers removed " + names);
            assertTrue(names.stream().filter(n -> n.startsWith("gen-")).count() <= 2, names.toString());
        }
    }

    @Test
    void killingTheServerWhileItAnswersNeverDamagesTheIndex() throws Exception {
        Path corpus = corpusOfCopies(2);
        Path index = temp.resolve("index");
        assertEquals(0, runIndex(corpus, index, "--full").waitFor(), "the first build");
        Path live = new IndexDirectory(index).live().orElseThrow();
        int documents = documentsIn(live);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (int run = 0; run < 3; run++) {
            int port = freePort();
            Process server = runJava("serve", "--corpus", corpus.toString(), "--index", index.toString(),
                    "--port", Integer.toString(port));
            URI search = URI.create("http://127.0.0.1:" + port + "/api/search?q=AI&size=20");
            awaitAnswer(http, search, server);
            for (int i = 0; i < 20; i++) {
                http.sendAsync(HttpRequest.newBuilder(search).build(), HttpResponse.BodyHandlers.discarding());
            }
            server.destroyForcibly().waitFor();
            assertEquals(live, new IndexDirectory(index).live().orElseThrow(), "run " + run);
            assertEquals(documents, documentsIn(live), "run " + run);
            checkIntact(live, "run " + run);
        }
    }

    @Test
    void aServerStartedOnAnIndexOfAnotherSchemaRebuildsItAndServes() throws Exception {
        Path corpus = corpusOfCopies(1);
        Path index = temp.resolve("index");
        assertEquals(0, runIndex(corpus, index, "--full").waitFor(), "the first build");
        Path old = new IndexDirectory(index).live().orElseThrow();
        markAsSchema(old, Schema.VERSION - 1);
        int port = freePort();
        Process server = runJava("serve", "--corpus", corpus.toString(), "--index", index.toString(),
                "--port", Integer.toString(port));
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            URI health = URI.create("http://127.0.0.1:" + port + "/api/health");
            awaitAnswer(http, health, server);
            String body = http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(body.contains("\"schema_version\":" + Schema.VERSION), body);
            assertTrue(body.contains("\"documents\":5"), body);
            assertFalse(new IndexDirectory(index).live().orElseThrow().equals(old), "a new generation is live");
        } finally {
            server.destroyForcibly().waitFor();
        }
    }

    /** Rewrites a generation's commit to claim another schema version, as an index of an older kensaku would. */
    private static void markAsSchema(Path generation, int version) throws IOException {
        try (FSDirectory directory = FSDirectory.open(generation);
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig()
                     .setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
            Map<String, String> data = new HashMap<>();
            writer.getLiveCommitData().forEach(entry -> data.put(entry.getKey(), entry.getValue()));
            data.put(Schema.COMMIT_SCHEMA_VERSION, Integer.toString(version));
            writer.setLiveCommitData(data.entrySet());
            writer.commit();
        }
    }

    private static void awaitAnswer(HttpClient http, URI uri, Process server) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && server.isAlive()) {
            try {
                if (http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the server is still starting
            }
            Thread.sleep(100);
        }
        fail("the server did not answer " + uri);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private Path largeCorpus() throws IOException {
        return corpusOfCopies(COPIES_OF_EACH_SEED);
    }

    private Path corpusOfCopies(int copies) throws IOException {
        Path corpus = Files.createDirectories(temp.resolve("corpus"));
        try (Stream<Path> seeds = Files.list(IndexFixtures.SEEDS)) {
            for (Path seedFile : seeds.toList()) {
                for (int copy = 0; copy < copies; copy++) {
                    Path folder = Files.createDirectories(corpus.resolve("copy" + copy));
                    Files.copy(seedFile, folder.resolve(seedFile.getFileName()));
                }
            }
        }
        return corpus;
    }

    /** The same classes this test runs with, in a JVM of its own so it can be killed. */
    private Process runIndex(Path corpus, Path index, String... extra) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("index", "--corpus", corpus.toString(), "--index", index.toString()));
        arguments.addAll(List.of(extra));
        return runJava(arguments.toArray(String[]::new));
    }

    private Process runJava(String... arguments) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "kensaku.cli.Main"));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(temp.resolve(arguments[0] + "-output.log").toFile()).start();
    }

    private static int documentsIn(Path generation) throws IOException {
        try (FSDirectory dir = FSDirectory.open(generation); DirectoryReader reader = DirectoryReader.open(dir)) {
            return reader.numDocs();
        }
    }

    private static void checkIntact(Path generation, String context) throws IOException {
        try (FSDirectory dir = FSDirectory.open(generation); CheckIndex check = new CheckIndex(dir)) {
            assertTrue(check.checkIndex().clean, context + ": CheckIndex finds " + generation + " clean");
        }
    }
}
