package kensaku.analysis;

/**
 * Hiragana and katakana as one script for searching: the same word typed before or after the IME's conversion
 * (あんそろぴっく, アンソロピック) is the same word. Only the kana blocks move; ー, the iteration marks and every other
 * character stay as they are.
 */
public final class Kana {
    private static final int HIRAGANA_TO_KATAKANA = 0x60;

    private Kana() {}

    /** The katakana of a hiragana character (ぁ–ゖ, ゝ, ゞ); any other character unchanged. */
    public static char toKatakana(char c) {
        return (c >= 'ぁ' && c <= 'ゖ') || c == 'ゝ' || c == 'ゞ' ? (char) (c + HIRAGANA_TO_KATAKANA) : c;
    }

    /** The hiragana of a katakana character (ァ–ヶ, ヽ, ヾ); any other character unchanged. */
    public static char toHiragana(char c) {
        return (c >= 'ァ' && c <= 'ヶ') || c == 'ヽ' || c == 'ヾ' ? (char) (c - HIRAGANA_TO_KATAKANA) : c;
    }

    /** Every hiragana character of the text as katakana. */
    public static String katakana(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = toKatakana(chars[i]);
        }
        return new String(chars);
    }

    /** Every katakana character of the text as hiragana (how an IME shows romaji before conversion). */
    public static String hiragana(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = toHiragana(chars[i]);
        }
        return new String(chars);
    }

    /** A katakana character, or ー (the long-vowel mark both scripts use), or a katakana iteration mark. */
    public static boolean isKatakana(char c) {
        return (c >= 'ァ' && c <= 'ヺ') || (c >= 'ー' && c <= 'ヾ');
    }

    public static boolean isHiragana(char c) {
        return (c >= 'ぁ' && c <= 'ゖ') || c == 'ゝ' || c == 'ゞ';
    }

    /** Non-empty and nothing but hiragana, katakana and ー: a word as typed before conversion, or a reading. */
    public static boolean isKanaOnly(CharSequence text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isKatakana(c) && !isHiragana(c)) {
                return false;
            }
        }
        return true;
    }

    /** Holds at least one hiragana character. */
    public static boolean hasHiragana(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (isHiragana(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
