package kensaku.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import kensaku.analysis.CompanyGazetteer;
import kensaku.analysis.JapaneseAnalyzers;
import kensaku.analytics.Analytics;
import kensaku.corpus.ArticleReader;
import kensaku.index.IndexDirectory;
import kensaku.index.IndexFixtures;
import kensaku.index.IndexProgress;
import kensaku.index.IndexVerifier;
import kensaku.index.Indexer;
import kensaku.index.Schema;
import kensaku.metrics.MeteredBackend;
import kensaku.metrics.ServerMetrics;
import kensaku.search.IndexEvents;
import kensaku.search.IndexUnavailableException;
import kensaku.search.lucene.LiveIndex;
import kensaku.search.SearchRequest;
import kensaku.search.lucene.SearchService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One changed byte in a generation's stored fields, terms, doc values or norms: found by {@code verify}, never
 * served by {@code serve}, which falls back to the previous generation or refuses in one line.
 */
class DamagedIndexTest {
    private static final Schema SCHEMA = new Schema(IndexFixtures.TOKYO);
    private static final long VERIFY_FIRST = Long.MAX_VALUE;

    @TempDir
    Path temp;

    private IndexDirectory buildFull(Path index) throws IOException {
        CompanyGazetteer gazetteer = CompanyGazetteer.builtIn();
        try (JapaneseAnalyzers analyzers = new JapaneseAnalyzers(gazetteer)) {
            new Indexer(SCHEMA, analyzers, gazetteer, new ArticleReader(IndexFixtures.TOKYO), 2)
                    .build(IndexFixtures.SEEDS, new IndexDirectory(index), IndexProgress.SILENT, true);
        }
        return new IndexDirectory(index);
    }

    /** Changes one byte in the middle of the generation's file with this extension; returns its name. */
    private static String damage(Path generation, String extension) throws IOException {
        Path file;
        try (Stream<Path> files = Files.list(generation)) {
            file = files.filter(f -> f.getFileName().toString().endsWith(extension)).findFirst().orElseThrow();
        }
        try (RandomAccessFile bytes = new RandomAccessFile(file.toFile(), "rw")) {
            long at = Math.max(0, (bytes.length() - 16) / 2);
            bytes.seek(at);
            int was = bytes.read();
            bytes.seek(at);
            bytes.write(was ^ 0x5A);
        }
        return file.getFileName().toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {".fdt", ".tim", ".dvd", ".nvd"})
    void aDamagedLiveGenerationIsFoundAndThePreviousOneServed(String extension) throws Exception {
        Path index = temp.resolve("index");
        buildFull(index);
        IndexDirectory directory = buildFull(index);
        Path live = directory.live().orElseThrow();
        Path previous = directory.previous().orElseThrow();
        assertTrue(IndexVerifier.verify(live).intact());
        String file = damage(live, extension);

        IndexVerifier.Result result = IndexVerifier.verify(live);
        assertFalse(result.intact());
        assertTrue(result.describe().contains(file), result.describe());
        assertEquals(1, verify(index));

        try (LiveIndex served = LiveIndex.verified(directory, SCHEMA, Duration.ofHours(1), null, IndexEvents.NONE, VERIFY_FIRST)) {
            assertEquals(previous.getFileName().toString(), served.info().generation());
            assertEquals("ok", served.status());
            assertFalse(served.refresh(), "the damaged live generation is not switched to");
        }
    }

    @Test
    void aDamagedOnlyGenerationIsRefusedInOneLineBySearchAndServe() throws Exception {
        Path index = temp.resolve("index");
        IndexDirectory directory = buildFull(index);
        damage(directory.live().orElseThrow(), ".dvd");
        IOException refused = assertThrows(IOException.class,
                () -> LiveIndex.verified(directory, SCHEMA, Duration.ofHours(1), null, IndexEvents.NONE, VERIFY_FIRST));
        assertTrue(refused.getMessage().contains("damaged") && !refused.getMessage().contains("\n"), refused.getMessage());

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        int status;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            status = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Main.run("serve", "--index", index.toString(),
                    "--corpus", IndexFixtures.SEEDS.toString(), "--port", "0"));
        } finally {
            System.setErr(original);
        }
        assertEquals(2, status);
        String message = err.toString(StandardCharsets.UTF_8).strip();
        assertTrue(message.startsWith("kensaku serve: refusing to serve"), message);
        assertFalse(message.contains("\tat "), "no stack trace: " + message);
    }

    @Test
    void aLargeIndexIsVerifiedInTheBackgroundAndLeftWhenDamaged() throws Exception {
        Path index = temp.resolve("index");
        IndexDirectory directory = buildFull(index);
        damage(directory.live().orElseThrow(), ".tim");
        try (LiveIndex served = LiveIndex.verified(directory, SCHEMA, Duration.ofHours(1), null, IndexEvents.NONE, 0)) {
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (served.status().equals("verifying") && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertEquals("damaged", served.status());
            try (JapaneseAnalyzers analyzers = new JapaneseAnalyzers(CompanyGazetteer.builtIn())) {
                SearchService service = new SearchService(served, SCHEMA, analyzers, CompanyGazetteer.builtIn());
                assertThrows(IndexUnavailableException.class, () -> service.search(SearchRequest.of("AWS")));
                // What /api/health reads in a real serve: the engine under metrics and analytics.
                try (ServerMetrics metrics = new ServerMetrics();
                     Analytics analytics = Analytics.open(directory.root().resolveSibling("state"), Duration.ofDays(1))) {
                    assertEquals("damaged", analytics.wrap(new MeteredBackend(service, metrics)).status());
                }
            }
        }
    }

    @Test
    void aNewDamagedGenerationIsNotSwitchedTo() throws Exception {
        Path index = temp.resolve("index");
        IndexDirectory directory = buildFull(index);
        try (LiveIndex served = LiveIndex.verified(directory, SCHEMA, Duration.ofHours(1), null, IndexEvents.NONE, VERIFY_FIRST)) {
            String first = served.info().generation();
            buildFull(index);
            damage(directory.live().orElseThrow(), ".fdt");
            assertFalse(served.refresh());
            assertEquals(first, served.info().generation());
        }
        assertEquals(1, verify(index));
    }

    private static int verify(Path index) {
        return Main.run("verify", "--index", index.toString());
    }
}
