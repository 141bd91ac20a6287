package kensaku.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Each term's hiragana as katakana, after Kuromoji has cut the text with the hiragana in place: the words are
 * those of the text as written, and すし and スシ become the same term.
 */
public final class HiraganaToKatakanaFilter extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    public HiraganaToKatakanaFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        char[] buffer = term.buffer();
        for (int i = 0; i < term.length(); i++) {
            buffer[i] = Kana.toKatakana(buffer[i]);
        }
        return true;
    }
}
