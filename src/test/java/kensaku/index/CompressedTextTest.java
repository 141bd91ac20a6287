package kensaku.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.SplittableRandom;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CompressedTextTest {
    @ParameterizedTest
    @ValueSource(strings = {"", "a", "<p>エヌビディアの決算</p>", "<h2>見出し</h2>\n<p>𠮷野家と😀、半角ｶﾅ</p>"})
    void givesBackTheSameText(String text) throws IOException {
        assertEquals(text, CompressedText.decompress(CompressedText.compress(text)));
    }

    @org.junit.jupiter.api.Test
    void aLongArticleComesBackWholeAndSmaller() throws IOException {
        StringBuilder html = new StringBuilder();
        SplittableRandom random = new SplittableRandom(7);
        String[] words = {"<p>", "</p>", "生成AI", "投資", "データセンター", "の", "は", "NVIDIA", "、", "。"};
        while (html.length() < 60_000) {
            html.append(words[random.nextInt(words.length)]);
        }
        BytesRef compressed = CompressedText.compress(html.toString());
        BytesRef offset = new BytesRef(new byte[compressed.length + 10], 5, compressed.length);
        System.arraycopy(compressed.bytes, compressed.offset, offset.bytes, 5, compressed.length);
        assertEquals(html.toString(), CompressedText.decompress(offset), "read from inside a larger buffer");
        assertTrue(compressed.length < html.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length / 2,
                "compressed to " + compressed.length);
    }

    @org.junit.jupiter.api.Test
    void aDamagedValueIsAnErrorNotAWrongText() {
        BytesRef compressed = CompressedText.compress("<p>生成AIへの投資が続く。</p>".repeat(50));
        BytesRef cut = new BytesRef(compressed.bytes, compressed.offset, compressed.length / 2);
        org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> CompressedText.decompress(cut));
    }
}
