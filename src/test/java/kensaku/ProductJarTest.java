package kensaku;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product jar carries nothing of the benchmark: no kensaku.bench class, no load generator (Apache HttpClient),
 * no JMH. The benchmark's own jar carries those and nothing of the product, and bin/kensaku runs it for the
 * benchmark's commands. Both jars are made before the tests run (pom.xml: process-classes).
 */
class ProductJarTest {
    private static final Path PRODUCT = Path.of("target/kensaku.jar");
    private static final Path BENCH = Path.of("target/kensaku-bench.jar");
    private static final List<String> BENCH_ONLY = List.of("kensaku/bench/", "org/apache/hc/", "org/openjdk/jmh/",
            "META-INF/BenchmarkList");

    @Test
    void theProductJarHoldsNoBenchmarkCodeNorItsLibraries() throws IOException {
        List<String> entries = entries(PRODUCT);
        assertTrue(entries.contains("kensaku/cli/Main.class"), "the product jar is the product: " + entries.size());
        assertTrue(entries.contains("org/apache/lucene/search/IndexSearcher.class"), "shaded with its libraries");
        assertEquals(List.of(), entries.stream().filter(e -> BENCH_ONLY.stream().anyMatch(e::startsWith)).toList());
    }

    @Test
    void theBenchmarkJarHoldsTheBenchmarkAndFindsTheProductBesideIt() throws IOException {
        List<String> entries = entries(BENCH);
        for (String needed : List.of("kensaku/bench/cli/BenchMain.class", "kensaku/bench/QueryMix.class",
                "kensaku/bench/queries.tsv", "org/apache/hc/client5/http/impl/classic/HttpClients.class",
                "org/openjdk/jmh/runner/Runner.class")) {
            assertTrue(entries.contains(needed), needed);
        }
        assertFalse(entries.stream().anyMatch(e -> e.startsWith("kensaku/cli/") || e.startsWith("org/apache/lucene/")),
                "nothing of the product or its libraries twice");
        try (JarFile jar = new JarFile(BENCH.toFile())) {
            assertEquals("kensaku.jar", jar.getManifest().getMainAttributes().getValue("Class-Path"));
            assertEquals("kensaku.bench.cli.BenchMain", jar.getManifest().getMainAttributes().getValue("Main-Class"));
        }
    }

    @Test
    void binKensakuRunsTheBenchmarkCommandsFromTheBenchmarkJar(@TempDir Path temp) throws Exception {
        Path out = temp.resolve("corpus");
        Run genCorpus = run(temp, "bin/kensaku", "gen-corpus", "--docs", "3", "--seed", "5", "--seeds",
                "src/test/resources/corpus", "--out", out.toString());
        assertEquals(0, genCorpus.status(), genCorpus.stderr());
        assertTrue(genCorpus.stdout().startsWith("wrote 3 articles"), genCorpus.stdout());
        try (var files = Files.list(out)) {
            assertEquals(3, files.count());
        }
        for (String command : List.of("bench", "query-cpu", "bench-hostile")) {
            Run help = run(temp, "bin/kensaku", command, "--help");
            assertEquals(0, help.status(), command + ": " + help.stderr());
            assertTrue(help.stdout().contains("Usage: kensaku " + command), help.stdout());
        }
        // The product's own command line no longer knows them.
        Run product = run(temp, "bin/kensaku", "--help");
        assertFalse(Pattern.compile("(?m)^  (gen-corpus|bench|query-cpu|bench-hostile|bench-micro) ").matcher(product.stdout())
                .find(), product.stdout());
        assertTrue(product.stdout().contains("kensaku-bench.jar"), "and says where they went: " + product.stdout());
    }

    @Test
    void aPackageSaysTheBenchmarkToolsAreNotInIt(@TempDir Path temp) throws Exception {
        // The package's layout (src/dist/build-package): bin/kensaku beside lib/kensaku.jar, and no benchmark jar.
        Path home = temp.resolve("kensaku");
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("lib"));
        Files.copy(Path.of("bin/kensaku"), home.resolve("bin/kensaku"));
        Files.createSymbolicLink(home.resolve("lib/kensaku.jar"), PRODUCT.toAbsolutePath());
        Run bench = run(temp, home.resolve("bin/kensaku").toString(), "bench", "--help");
        assertEquals(2, bench.status(), bench.stdout());
        assertEquals("kensaku bench: the benchmark tools are not part of the package; run them from a checkout of kensaku",
                bench.stderr().strip());
    }

    private record Run(int status, String stdout, String stderr) {}

    private static Run run(Path temp, String... command) throws Exception {
        File out = temp.resolve("out.txt").toFile();
        File err = temp.resolve("err.txt").toFile();
        Process process = new ProcessBuilder(command).redirectOutput(out).redirectError(err).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " still running after 60 s");
        }
        return new Run(process.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
                Files.readString(err.toPath(), StandardCharsets.UTF_8));
    }

    private static List<String> entries(Path jar) throws IOException {
        assertTrue(Files.isRegularFile(jar), jar + " is built before the tests (mvn test builds it)");
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().map(ZipEntry::getName).toList();
        }
    }
}
