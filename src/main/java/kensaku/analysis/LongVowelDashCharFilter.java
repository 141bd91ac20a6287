package kensaku.analysis;

import java.io.IOException;
import java.io.Reader;
import org.apache.lucene.analysis.CharFilter;

/**
 * Turns a dash-like character typed for the long-vowel mark into ー when the character before it is kana, ー, ｰ or
 * another such dash (サ－バ－, an IME slip that width folding would otherwise make ASCII hyphens). The same
 * replacement as {@link JapaneseAnalyzers#DASH_AFTER_KANA}, but streaming: one character of memory instead of the
 * whole text buffered and matched by a regular expression, which cost 5% of a full build (docs/BENCHMARKS.md).
 * One character becomes one, so offsets need no correction.
 */
final class LongVowelDashCharFilter extends CharFilter {
    // The character before the next one read, as it was in the input. A UTF-16 unit, not a code point, as the
    // pattern's look-behind sees it: a dash after a kana of the supplementary planes stays a dash there too.
    private int previous = -1;

    LongVowelDashCharFilter(Reader input) {
        super(input);
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int read = input.read(buffer, offset, length);
        for (int i = offset; i < offset + Math.max(read, 0); i++) {
            char c = buffer[i];
            if (isDash(c) && previous >= 0 && comesBeforeLongVowel(previous)) {
                buffer[i] = 'ー';
            }
            previous = c;
        }
        return read;
    }

    @Override
    protected int correct(int currentOff) {
        return currentOff;
    }

    static boolean isDash(int c) {
        return c == '－' || c == '—' || c == '―' || c == '─' || c == '━';
    }

    private static boolean comesBeforeLongVowel(int c) {
        if (c == 'ー' || c == 'ｰ' || isDash(c)) {
            return true;
        }
        if (c < 0x3040) { // below every kana: the common case of Latin, digits and punctuation
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HIRAGANA;
    }
}
