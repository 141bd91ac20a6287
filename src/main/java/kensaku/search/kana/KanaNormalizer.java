package kensaku.search.kana;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds what a person types into one comparable form for prefix matching: NFKC (full/half width), lower case,
 * hiragana to katakana (so とよ finds トヨタ), long-vowel marks kept.
 */
public final class KanaNormalizer {
    private KanaNormalizer() {}

    public static String fold(String text) {
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
        StringBuilder folded = new StringBuilder(nfkc.length());
        nfkc.codePoints().forEach(cp -> folded.appendCodePoint(isFoldableHiragana(cp) ? cp + 0x60 : cp));
        return folded.toString();
    }

    private static boolean isFoldableHiragana(int codePoint) {
        return codePoint >= 0x3041 && codePoint <= 0x3096;
    }
}
