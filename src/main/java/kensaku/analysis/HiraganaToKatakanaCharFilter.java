package kensaku.analysis;

import java.io.IOException;
import java.io.Reader;
import org.apache.lucene.analysis.CharFilter;

/**
 * Hiragana to katakana before a tokenizer, one character for one, so offsets need no correction and highlights
 * land on the text as written. For the bigram view only: Kuromoji needs the hiragana to find particles and
 * okurigana, so the morphological view folds its terms after tokenizing ({@link HiraganaToKatakanaFilter}).
 */
public final class HiraganaToKatakanaCharFilter extends CharFilter {
    public HiraganaToKatakanaCharFilter(Reader in) {
        super(in);
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int read = input.read(buffer, offset, length);
        for (int i = offset; i < offset + read; i++) {
            buffer[i] = Kana.toKatakana(buffer[i]);
        }
        return read;
    }

    @Override
    protected int correct(int currentOffset) {
        return currentOffset;
    }
}
