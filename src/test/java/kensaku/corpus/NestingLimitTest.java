package kensaku.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class NestingLimitTest {
    @Test
    void ordinaryArticlesAreUnchanged() throws Exception {
        try (Stream<Path> files = Files.walk(Path.of("corpus"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file);
                assertSame(text, NestingLimit.flatten(text), file.toString());
            }
        }
        for (String text : List.of("- a\n  - b\n    - c\n", "> quote\n> > nested\n", "[link](u) and [[wiki]]",
                "<div><p>x</p></div>", "```\ncode\n```\n", "a < b and c > d")) {
            assertSame(text, NestingLimit.flatten(text));
        }
    }

    @Test
    void deepNestingOfEachKindIsBounded() {
        MarkdownText markdown = new MarkdownText();
        String divs = "<div>".repeat(1_000) + "中身" + "</div>".repeat(1_000);
        assertEquals(NestingLimit.MAX_HTML_DEPTH, count(NestingLimit.flatten(divs), "<div>"));
        assertEquals("中身", markdown.render(divs).text());
        assertEquals(NestingLimit.MAX_DEPTH, count(NestingLimit.flatten("[".repeat(1_000) + "x"), "[") - 
                count(NestingLimit.flatten("[".repeat(1_000) + "x"), "\\["));
        assertEquals("> ".repeat(NestingLimit.MAX_DEPTH) + "深い", NestingLimit.flatten("> ".repeat(500) + "深い"));
        String list = Stream.iterate(0, i -> i + 1).limit(300).map(i -> " ".repeat(i * 2) + "- 項目" + i)
                .reduce((a, b) -> a + "\n" + b).orElseThrow();
        assertTrue(NestingLimit.flatten(list).lines().allMatch(line -> line.indexOf('-') <= NestingLimit.MAX_INDENT));
        assertTrue(markdown.render(list).text().contains("項目299"));
        assertTrue(markdown.render("<https://example.com/".repeat(100)).text().startsWith("<https://example.com/"));
        assertEquals("`".repeat(20) + "a", markdown.render("`".repeat(20) + "a").text());
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }
}
