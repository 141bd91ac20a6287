package kensaku.bench.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kensaku.analysis.CompanyGazetteer;
import kensaku.analysis.JapaneseAnalyzers;
import kensaku.bench.HighlightCpu;
import kensaku.bench.QueryCpu;
import kensaku.bench.QueryMix;
import kensaku.cli.Main;
import kensaku.index.IndexDirectory;
import kensaku.index.Schema;
import kensaku.search.lucene.LiveIndex;
import kensaku.search.lucene.SearchService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark tools on a small corpus, so they cannot rot: {@code gen-corpus} is deterministic and its output
 * indexes without a failure; {@code bench} runs end to end (kensaku in separate JVMs; Groonga too when it is on the
 * PATH) and reports sane figures: every query answered, no errors, no checksum mismatches, an incremental reindex.
 */
class BenchSmokeTest {
    private static final int DOCS = 100;

    @TempDir
    Path temp;

    @Test
    void generatedCorpusIsDeterministicAndIndexesWithoutFailures() throws IOException {
        Path first = temp.resolve("first");
        Path second = temp.resolve("second");
        Path other = temp.resolve("other");
        assertEquals(0, BenchMain.run("gen-corpus", "--docs", Integer.toString(DOCS), "--out", first.toString(), "--seed", "7"));
        assertEquals(0, BenchMain.run("gen-corpus", "--docs", Integer.toString(DOCS), "--out", second.toString(), "--seed", "7"));
        assertEquals(0, BenchMain.run("gen-corpus", "--docs", Integer.toString(DOCS), "--out", other.toString(), "--seed", "8"));
        List<Path> files = files(first);
        assertEquals(DOCS, files.size());
        assertEquals(files.stream().map(first::relativize).toList(), files(second).stream().map(second::relativize).toList());
        boolean yaml = false;
        boolean toml = false;
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            assertArrayEquals(bytes, Files.readAllBytes(second.resolve(first.relativize(file))), file.toString());
            String text = new String(bytes, StandardCharsets.UTF_8);
            yaml |= text.startsWith("---\n");
            toml |= text.startsWith("+++\n");
            assertTrue(bytes.length >= 800 && bytes.length <= 62_000, file + ": " + bytes.length + " bytes");
        }
        assertTrue(yaml && toml, "both front-matter styles");
        assertNotEquals(Files.readString(files.get(0)), Files.readString(files(other).get(0)), "another seed, other text");

        Path index = temp.resolve("index");
        assertEquals(0, Main.run("index", "--corpus", first.toString(), "--index", index.toString()),
                "exit 0 means every generated file was indexed");
    }

    @Test
    void benchRunsEndToEndAndReportsSaneFigures() throws IOException {
        Path corpus = temp.resolve("corpus");
        assertEquals(0, BenchMain.run("gen-corpus", "--docs", Integer.toString(DOCS), "--out", corpus.toString(), "--seed", "3"));
        Path report = temp.resolve("report.md");
        assertEquals(0, BenchMain.run("bench", "--corpus", corpus.toString(), "--work", temp.resolve("work").toString(),
                "--warmup-seconds", "1", "--warmup-max-seconds", "5", "--seconds", "2", "--rounds", "1", "--clients", "1,2",
                "--changed-percent", "5", "--report", report.toString()));
        String md = Files.readString(report, StandardCharsets.UTF_8);
        boolean groonga = !md.contains("Groonga not run");

        assertTrue(number(md, "indexing, articles/s", 0) > 0, md);
        assertTrue(number(md, "index size ÷ corpus bytes", 0) > 0, md);
        assertTrue(number(md, "serve start → first answer, ms", 0) > 0, md);
        assertTrue(number(md, "live heap after warm-up, MiB", 0) > 0, md);
        for (String level : List.of("1 client", "2 clients")) {
            assertTrue(number(md, "queries/s, " + level, 0) > 0, md);
            assertTrue(number(md, "p99 ms, " + level, 0) >= number(md, "p50 ms, " + level, 0), md);
            // Searching costs the server CPU, and so does sending and checking each request (/proc is readable here).
            assertTrue(number(md, "server CPU per query ms, " + level, 0) > 0, md);
            assertTrue(number(md, "load generator CPU per query ms, " + level, 0) > 0, md);
            // The JIT compiler's share is measured for kensaku's JVM; Groonga has none.
            double jit = number(md, "JIT compiler % of server CPU, " + level, 0);
            assertTrue(jit >= 0 && jit < 100, "JIT share " + jit + "\n" + md);
            if (groonga) {
                assertTrue(number(md, "queries/s, " + level, 1) > 0, md);
                assertTrue(number(md, "server CPU per query ms, " + level, 1) > 0, md);
                assertEquals(-1, number(md, "JIT compiler % of server CPU, " + level, 1), md);
            }
        }
        Matcher levels = Pattern.compile("(\\w+) (\\d+) clients ([\\d,]+) requests in [\\d.]+ s, (\\d+) errors, (\\d+) mismatches")
                .matcher(md);
        int seen = 0;
        while (levels.find()) {
            seen++;
            assertTrue(Integer.parseInt(levels.group(3).replace(",", "")) > 0, levels.group());
            assertEquals("0", levels.group(4), levels.group());
            assertEquals("0", levels.group(5), levels.group());
        }
        assertEquals(groonga ? 4 : 2, seen, md);
        // Every search of the mix was answered by kensaku: its checksum covers the total, so 0 means no answer
        // (a suggestion list may be empty, whose checksum is 0).
        Matcher checksums = Pattern.compile("(?m)^\\| `([^`]+)` \\| ([0-9a-f]{8}) \\|").matcher(md);
        int queries = 0;
        while (checksums.find()) {
            queries++;
            if (!checksums.group(1).startsWith("suggest")) {
                assertNotEquals("00000000", checksums.group(2), checksums.group());
            }
        }
        assertTrue(queries >= 40, "queries in the checksum table: " + queries);
        Matcher reindex = Pattern.compile("(?m)^\\| 100 \\| 5 \\| ([\\d.]+) \\| ([\\d.]+) \\|").matcher(md);
        assertTrue(reindex.find(), md);
        assertFalse(md.contains("NaN"), md);
    }

    /** The figure in a report row: column 0 is kensaku, 1 Groonga. */
    private static double number(String md, String row, int column) {
        Matcher m = Pattern.compile("(?m)^\\| " + Pattern.quote(row) + " \\| ([^|]+) \\| ([^|]+) \\|").matcher(md);
        assertTrue(m.find(), "no row " + row + " in\n" + md);
        String value = m.group(column + 1).strip();
        return value.equals("–") ? -1 : Double.parseDouble(value);
    }

    @Test
    void queryCpuTimesEverySearchCategoryAndHighlightCpuMarksThePages() throws Exception {
        Path corpus = temp.resolve("corpus");
        Path index = temp.resolve("index");
        assertEquals(0, BenchMain.run("gen-corpus", "--docs", Integer.toString(DOCS), "--out", corpus.toString(), "--seed", "7"));
        assertEquals(0, Main.run("index", "--corpus", corpus.toString(), "--index", index.toString()));
        Schema schema = new Schema(ZoneId.of("Asia/Tokyo"));
        QueryMix mix = QueryMix.builtIn();
        try (JapaneseAnalyzers analyzers = new JapaneseAnalyzers(CompanyGazetteer.builtIn());
             LiveIndex live = new LiveIndex(new IndexDirectory(index), schema, Duration.ofDays(1))) {
            QueryCpu.Result result = new QueryCpu(new SearchService(live, schema, analyzers, CompanyGazetteer.builtIn()),
                    mix).run(1, 2);
            List<String> searched = mix.categories().stream().filter(c -> !QueryMix.SUGGEST.equals(c)).toList();
            assertEquals(searched, List.copyOf(result.categoryMeanMillis().keySet()));
            assertTrue(result.bestPassMillis() > 0, "a search costs some CPU");
            assertTrue(result.allocatedBytesPerSearch() > 0, "and allocates: " + result.allocatedBytesPerSearch());
            result.categoryMeanMillis().forEach((category, millis) -> assertTrue(millis > 0, category));
            long searches = mix.queries().stream().filter(q -> !q.isSuggest()).count();
            assertEquals(searches, result.byQuery().size(), "every search of the mix is listed once");
            assertEquals(0, result.answersChanged(), "the same index answers the same every pass");
            QueryCpu.Result again = new QueryCpu(new SearchService(live, schema, analyzers, CompanyGazetteer.builtIn()),
                    mix).run(0, 1);
            assertEquals(result.answersChecksum(), again.answersChecksum(), "the checksum is of the answers, not the run");
            for (int i = 1; i < result.byQuery().size(); i++) {
                assertTrue(result.byQuery().get(i - 1).meanMillis() >= result.byQuery().get(i).meanMillis(),
                        "heaviest first");
            }
        }
        // HighlightCpu on the same index: it marks the mix's pages, and writes every mark it made.
        Path marks = temp.resolve("marks.txt");
        HighlightCpu.main(new String[] {index.toString(), "--passes", "2", "--marks", marks.toString()});
        List<String> lines = Files.readAllLines(marks);
        assertFalse(lines.isEmpty(), "the mix's pages have hits");
        assertTrue(lines.stream().anyMatch(line -> line.contains("<mark>")), "some hit is marked: " + lines);
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
