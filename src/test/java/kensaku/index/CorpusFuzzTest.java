package kensaku.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import kensaku.FuzzSeed;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import kensaku.corpus.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed articles of every kind beside good ones: the build never crashes, reports each bad file by path,
 * and indexes the rest.
 */
class CorpusFuzzTest {
    @TempDir
    Path temp;

    @Test
    void brokenFilesAreReportedByPathAndTheRestIsIndexed() throws IOException {
        long seed = FuzzSeed.get();
        Random random = new Random(seed);
        Path corpus = IndexFixtures.corpusOf(temp.resolve("corpus"), IndexFixtures.SEEDS);
        Map<String, byte[]> broken = new TreeMap<>();
        broken.put("bad/yaml.md", utf8("---\ntitle: [unclosed\ntags: {a: \n---\n本文\n"));
        broken.put("bad/toml.md", utf8("+++\ntitle = \"unclosed\ntags = [1,\n+++\n本文\n"));
        broken.put("bad/unterminated.md", utf8("---\ntitle: 終わらない\n本文だけが続く\n"));
        broken.put("bad/list-front-matter.md", utf8("---\n- a\n- b\n---\n本文\n"));
        broken.put("bad/impossible-date.md", utf8("---\ntitle: x\ndate: 2025-13-45\n---\n本文\n"));
        broken.put("bad/binary.md", randomBytes(random, 4096, true));
        broken.put("bad/latin1.md", "---\ntitle: café\n---\nDéjà vu à Genève".getBytes(StandardCharsets.ISO_8859_1));
        broken.put("bad/invalid-utf8.md", invalidUtf8(random));
        broken.put("bad/empty.md", new byte[0]);
        broken.put("bad/whitespace-only.md", utf8("  \n\n\t\n"));
        broken.put("bad/alias-bomb.md", utf8(aliasBomb()));
        for (Map.Entry<String, byte[]> file : broken.entrySet()) {
            Path path = corpus.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.write(path, file.getValue());
        }
        Map<String, byte[]> odd = new TreeMap<>();
        odd.put("odd/long-line.md", utf8("---\ntitle: 一行だけの長い記事\n---\n" + "投資".repeat(1_600_000)));
        odd.put("odd/nested-lists.md", utf8("---\ntitle: 入れ子\n---\n" + nestedList(300)));
        odd.put("odd/huge-front-matter.md", utf8("---\ntitle: 大きな前付け\ntags: [" + "\"タグ\", ".repeat(20_000)
                + "\"最後\"]\n---\n本文があります。\n"));
        odd.put("odd/no-front-matter.txt", utf8("前付けのない記事の本文。\n"));
        for (Map.Entry<String, byte[]> file : odd.entrySet()) {
            Path path = corpus.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.write(path, file.getValue());
        }

        IndexReport report = IndexFixtures.build(corpus, temp.resolve("index"));

        Set<String> failed = report.failed().stream().map(Problem::id).collect(Collectors.toSet());
        assertEquals(broken.keySet(), failed, "seed " + seed + ": " + report.failed());
        report.failed().forEach(p -> assertTrue(!p.reason().isBlank(), p.toString()));
        assertEquals(5 + odd.size(), report.documents(), "seed " + seed + ": the seeds and the odd-but-valid files");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] randomBytes(Random random, int size, boolean withNul) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        if (withNul) {
            bytes[random.nextInt(size)] = 0;
        }
        return bytes;
    }

    /** Valid-looking Japanese text with a few bytes that no decoder accepts. */
    private static byte[] invalidUtf8(Random random) {
        byte[] text = utf8("---\ntitle: 壊れた記事\n---\n日本語の本文です。".repeat(3));
        text[text.length - 2 - random.nextInt(5)] = (byte) 0xC3;
        text[text.length - 1] = (byte) 0xFF;
        return text;
    }

    private static String aliasBomb() {
        StringBuilder yaml = new StringBuilder("---\na: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n");
        char previous = 'a';
        for (char name = 'b'; name <= 'k'; name++) {
            yaml.append(name).append(": &").append(name).append(" [");
            for (int i = 0; i < 9; i++) {
                yaml.append(i == 0 ? "" : ",").append('*').append(previous);
            }
            yaml.append("]\n");
            previous = name;
        }
        return yaml.append("---\n本文\n").toString();
    }

    private static String nestedList(int depth) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            list.append("  ".repeat(i)).append("- 階層").append(i).append('\n');
        }
        return list.toString();
    }
}
