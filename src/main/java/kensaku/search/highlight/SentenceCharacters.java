package kensaku.search.highlight;

/**
 * The character classes of the JDK's sentence rules (sun.text.resources.BreakIteratorRules, "SentenceBreakRules"),
 * each character's looked up once in a table, for {@link SentenceBreaks}.
 */
final class SentenceCharacters {
    private SentenceCharacters() {}

    static boolean is(char c, int kinds) {
        return (KINDS[c] & kinds) != 0;
    }

    static final int SPACE = 1;
    static final int TERM = 1 << 1;
    static final int PERIOD = 1 << 2;
    /** Closing punctuation and quotes. */
    static final int END = 1 << 3;
    /** Opening punctuation and quotes. */
    static final int START = 1 << 4;
    static final int LETTER = 1 << 5;
    /** A letter that is not lower case: a capital, kanji, kana. */
    static final int CAPITAL = 1 << 6;
    static final int DIGIT = 1 << 7;
    /** The JDK's "sent-start": anything that is not a letter, digit, space, punctuation named above or comma. */
    static final int SENTENCE_START = 1 << 8;
    /** Characters the JDK treats specially and these shortcuts do not model. */
    static final int UNMODELLED = 1 << 9;
    private static final short[] KINDS = kinds();

    private static short[] kinds() {
        short[] kinds = new short[Character.MAX_VALUE + 1];
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            kinds[c] = (short) kind((char) c);
        }
        return kinds;
    }

    private static int kind(char c) {
        int type = Character.getType(c);
        boolean quote = c == '"' || c == '\'';
        int kind = 0;
        if (c == '\t' || c == '\r' || c == '\f' || c == '\n' || c == '\u2028' || type == Character.SPACE_SEPARATOR) {
            kind |= SPACE;
        }
        if (c == '!' || c == '?' || c == '\u3002' || c == '\uff01' || c == '\uff1f') {
            kind |= TERM;
        }
        if (c == '.' || c == '\uff0e') {
            kind |= PERIOD;
        }
        if (quote || type == Character.END_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION) {
            kind |= END;
        }
        if (quote || type == Character.START_PUNCTUATION || type == Character.INITIAL_QUOTE_PUNCTUATION) {
            kind |= START;
        }
        if (Character.isLetter(c)) {
            kind |= Character.isLowerCase(c) ? LETTER : LETTER | CAPITAL;
        }
        if (type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER) {
            kind |= DIGIT;
        }
        if (kind == 0 && c != ',' && c != '\u2029') {
            kind |= SENTENCE_START;
        }
        if (Character.isSurrogate(c) || c == '\u2029' || c == '\u0964' || c == '\u0965'
                || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
            kind |= UNMODELLED;
        }
        return kind;
    }
}
