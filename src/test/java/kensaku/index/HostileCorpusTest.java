package kensaku.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Articles built to make a parser take quadratic time, overflow its stack or fill the heap, up to 2 MB each,
 * beside the seed articles: every one is indexed or reported, the seeds are all searchable, and the build is
 * done in seconds (once 30 s for the nested divs alone, 15 s and 2.5 GB for the brackets, a StackOverflowError
 * for the list). The files are generated here, not committed.
 */
public class HostileCorpusTest {
    private static final int N = 40_000;

    @TempDir
    Path temp;

    private static String times(String text, int count) {
        return text.repeat(count);
    }

    /** Name → body (after a front matter with that name as title). */
    public static Map<String, String> hostile() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("nested-divs", times("<div>", N) + "中身" + times("</div>", N));
        files.put("nested-spans", times("<span><b><i>", N / 3) + "中身");
        files.put("unclosed-formatting", times("<b><i><a href=x>", N / 3) + "中身");
        files.put("nested-brackets", times("[", N) + "中身" + times("](u)", 10));
        files.put("bracket-pairs", times("[a](", N / 2) + "中身");
        files.put("nested-quotes", times(">", N) + " 中身");
        files.put("nested-bullets", times("- ", N / 2) + "中身");
        files.put("nested-list", IntStream.range(0, 1_400).mapToObj(i -> " ".repeat(i * 2 / 3 * 3 / 2) + "- 項目" + i)
                .collect(Collectors.joining("\n")));
        files.put("indented-list", IntStream.range(0, 1_000).mapToObj(i -> " ".repeat(i) + "1. 項目")
                .collect(Collectors.joining("\n")));
        files.put("emphasis-run", times("*a", N / 2) + times("_b", N / 2));
        files.put("strong-run", times("**強調", N / 5));
        files.put("backtick-run", IntStream.range(1, 1_400).mapToObj(i -> "`".repeat(i) + "a")
                .collect(Collectors.joining()));
        files.put("links", times("[リンク](https://example.com/a) ", N / 3));
        files.put("autolinks", times("<https://example.com/", N / 3));
        files.put("far-angle", times("<a", N / 2) + ">");
        files.put("million-lines", times("行\n", 1_000_000));
        files.put("table", "|" + times(" a |", 2_000) + "\n|" + times("---|", 2_000) + "\n"
                + times("|" + times(" b |", 2_000) + "\n", 50));
        files.put("entities", times("&amp;&#x3042;&nbsp;", N / 2));
        return files;
    }

    @Test
    void hostileArticlesIndexInSecondsWithTheRestIntact() throws Exception {
        Path corpus = IndexFixtures.corpusOf(temp.resolve("corpus"), IndexFixtures.SEEDS);
        int seeds;
        try (var listed = Files.list(corpus)) {
            seeds = (int) listed.filter(Files::isRegularFile).count();
        }
        Map<String, String> files = hostile();
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(corpus.resolve("hostile/" + file.getKey() + ".md").toAbsolutePath(),
                    "---\ntitle: " + file.getKey() + "\n---\n" + file.getValue(), StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE_NEW);
        }
        IndexReport report = assertTimeoutPreemptively(Duration.ofSeconds(120),
                () -> IndexFixtures.build(corpus, temp.resolve("index")));
        System.out.println("hostile corpus indexed in " + report.elapsed().toMillis() + " ms: " + report.failed());
        assertEquals(seeds + files.size(), report.filesRead());
        assertEquals(report.filesRead(), report.documents() + report.failed().size());
        assertTrue(report.failed().stream().allMatch(p -> p.id().startsWith("hostile/")), report.failed().toString());
        assertTrue(report.documents() >= seeds + files.size() - 2, "nearly all hostile files are indexed as text: "
                + report.failed());
    }

    @org.junit.jupiter.api.BeforeEach
    void folder() throws IOException {
        Files.createDirectories(temp.resolve("corpus/hostile"));
    }
}
