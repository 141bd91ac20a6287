package kensaku.analysis;

import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * The reading view keeps kana only: each term folded to katakana, typed as katakana so {@code CJKBigramFilter}
 * joins neighbouring readings into one run (半導体 + の + 需要 reads ハンドウタイノジュヨウ); a term with anything
 * else (Latin, digits, a kanji word Kuromoji has no reading for) is dropped, which breaks the run there.
 */
public final class ReadingKanaFilter extends FilteringTokenFilter {
    private static final String KATAKANA = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.KATAKANA];

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final TypeAttribute type = addAttribute(TypeAttribute.class);

    public ReadingKanaFilter(TokenStream input) {
        super(input);
    }

    @Override
    protected boolean accept() {
        char[] buffer = term.buffer();
        int length = term.length();
        if (length == 0) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            buffer[i] = Kana.toKatakana(buffer[i]);
            if (!Kana.isKatakana(buffer[i])) {
                return false;
            }
        }
        type.setType(KATAKANA);
        return true;
    }
}
