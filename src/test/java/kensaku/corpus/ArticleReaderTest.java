package kensaku.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleReaderTest {
    private static final Path FORMATS = Path.of("src/test/resources/corpus/formats");
    private final ArticleReader reader = new ArticleReader(ZoneId.of("Asia/Tokyo"));

    @TempDir
    Path dir;

    @Test
    void listsMarkdownAndTextFilesInSubFoldersSkippingHiddenAndOtherExtensions() throws IOException {
        List<String> ids = reader.listFiles(FORMATS).stream().map(f -> ArticleReader.idOf(FORMATS, f)).toList();
        assertEquals(List.of("heading-title.markdown", "sub/no-title.txt", "toml.md", "yaml-block.md",
                "yaml-inline.md"), ids);
    }

    @Test
    void yamlWithInlineArraysAndAnOffsetDate() {
        Article article = read(FORMATS, "yaml-inline.md");
        assertEquals("yaml-inline.md", article.id());
        assertEquals("エヌビディア、新型GPUを発表", article.title());
        assertEquals(Instant.parse("2025-09-30T16:39:46Z"), article.date());
        assertEquals(List.of("NVIDIA", "GPU"), article.tags(), "in file order, duplicates dropped");
        assertEquals(List.of("半導体"), article.categories());
        assertEquals("編集部", article.author());
        assertEquals("新型GPUの概要をまとめた。", article.excerpt());
        assertTrue(article.bodyText().contains("NVIDIAは新型GPUを発表した。詳しくは公式サイトを参照。"),
                article.bodyText());
        assertTrue(article.bodyText().contains("演算性能が2倍\n消費電力は同等"), article.bodyText());
        assertFalse(article.bodyText().contains("**") || article.bodyText().contains("https://"));
        assertEquals(64, article.contentHash().length());
    }

    @Test
    void yamlWithBlockListsADateOnlyInTheLocalZoneAndATable() {
        Article article = read(FORMATS, "yaml-block.md");
        assertEquals(Instant.parse("2019-06-30T15:00:00Z"), article.date(), "2019-07-01 in Asia/Tokyo");
        assertEquals(List.of("生成AI", "投資"), article.tags());
        assertEquals(List.of("AI News", "解説"), article.categories());
        assertEquals("説明文が抜粋になる", article.excerpt());
        assertTrue(article.bodyText().contains("Amazon"), article.bodyText());
        assertTrue(article.bodyText().contains("500億ドル"), article.bodyText());
        assertFalse(article.bodyText().contains("|"), "table pipes are not content: " + article.bodyText());
        assertTrue(article.bodyHtml().contains("<table>"), article.bodyHtml());
    }

    @Test
    void tomlFrontMatter() {
        Article article = read(FORMATS, "toml.md");
        assertEquals("TOML形式の記事", article.title());
        assertEquals(Instant.parse("2026-02-05T15:00:00Z"), article.date());
        assertEquals(List.of("Anthropic", "Claude"), article.tags());
        assertEquals("TOMLのsummaryも抜粋になる", article.excerpt());
        assertEquals("AnthropicはClaudeの新版を公開した。", article.bodyText().strip());
    }

    @Test
    void noFrontMatterTakesTheFirstHeadingAndDropsScriptsStylesAndGeneratorMarkers() {
        Article article = read(FORMATS, "heading-title.markdown");
        assertEquals("見出しから取るタイトル", article.title());
        assertNull(article.date());
        assertTrue(article.tags().isEmpty());
        String body = article.bodyText();
        assertTrue(body.contains("本文の太字とHTML。"), body);
        assertFalse(body.contains("alert") || body.contains("color") || body.contains("END"), body);
        assertFalse(article.bodyHtml().contains("<script"), article.bodyHtml());
    }

    @Test
    void noHeadingTakesTheFileName() {
        Article article = read(FORMATS, "sub/no-title.txt");
        assertEquals("sub/no-title.txt", article.id());
        assertEquals("no-title", article.title());
        assertEquals("見出しも前付けもない、ただの本文です。", article.bodyText().strip());
    }

    @Test
    void utf8WithBomAndCrlfLineEndsReadsLikePlainUtf8() throws IOException {
        String text = "---\r\ntitle: \"BOMとCRLF\"\r\ndate: 2026-02-06T00:00:00+09:00\r\ntags:\r\n  - 改行\r\n---\r\n本文\r\n";
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        Files.write(dir.resolve("bom.md"), bytes);
        Article article = read(dir, "bom.md");
        assertEquals("BOMとCRLF", article.title());
        assertEquals(List.of("改行"), article.tags());
        assertEquals("本文", article.bodyText().strip());
    }

    @Test
    void shiftJisAndEucJpAreDecodedNotIndexedAsMojibake() throws IOException {
        String text = "---\ntitle: 日本語の古い文字コードで書かれた記事\n---\n"
                + "生成AIへの投資が拡大している。各社はデータセンターの建設を急いでいる。\n";
        Files.write(dir.resolve("sjis.md"), text.getBytes(Charset.forName("windows-31j")));
        Files.write(dir.resolve("euc.md"), text.getBytes(Charset.forName("EUC-JP")));
        for (String name : List.of("sjis.md", "euc.md")) {
            Article article = read(dir, name);
            assertEquals("日本語の古い文字コードで書かれた記事", article.title(), name);
            assertTrue(article.bodyText().contains("データセンターの建設"), name);
        }
    }

    @Test
    void malformedFilesBecomeProblemsWithAReason() throws IOException {
        write("empty.md", "");
        write("bad-yaml.md", "---\ntitle: [unclosed\n---\n本文\n");
        write("bad-toml.md", "+++\ntitle = \n+++\n本文\n");
        write("bad-date.md", "---\ntitle: 日付\ndate: 2025-02-30\n---\n本文\n");
        write("unclosed.md", "---\ntitle: 閉じない\n本文\n");
        write("nothing.md", "---\ntags: [a]\n---\n\n");
        Files.write(dir.resolve("binary.md"), new byte[] {0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0, 0x14, 0});
        Files.write(dir.resolve("invalid.md"), new byte[] {'a', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, 'b'});
        assertProblem("empty.md", "empty");
        assertProblem("bad-yaml.md", "front matter");
        assertProblem("bad-toml.md", "front matter");
        assertProblem("bad-date.md", "2025-02-30");
        assertProblem("unclosed.md", "front matter");
        assertProblem("nothing.md", "no title and no body");
        assertProblem("binary.md", "binary");
        assertProblem("invalid.md", "encoding");
    }

    @Test
    void theSameBytesGiveTheSameHashAndAnEditChangesIt() throws IOException {
        write("a.md", "# 同じ\n本文\n");
        write("b.md", "# 同じ\n本文\n");
        write("c.md", "# 同じ\n本文。\n");
        assertEquals(read(dir, "a.md").contentHash(), read(dir, "b.md").contentHash());
        assertFalse(read(dir, "a.md").contentHash().equals(read(dir, "c.md").contentHash()));
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }

    private void assertProblem(String name, String reasonPart) {
        ReadResult result = reader.read(dir, dir.resolve(name));
        ReadResult.Failed failed = assertInstanceOf(ReadResult.Failed.class, result, name + " should fail");
        assertEquals(name, failed.problem().id());
        assertFalse(failed.problem().reason().isBlank());
        assertTrue(failed.problem().reason().toLowerCase().contains(reasonPart),
                name + ": " + failed.problem().reason());
    }

    private Article read(Path root, String id) {
        ReadResult result = reader.read(root, root.resolve(id));
        if (result instanceof ReadResult.Failed failed) {
            throw new AssertionError(id + " failed: " + failed.problem().reason());
        }
        return ((ReadResult.Read) result).article();
    }
}
