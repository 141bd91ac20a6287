package kensaku.search.highlight;

import static kensaku.search.highlight.SentenceCharacters.CAPITAL;
import static kensaku.search.highlight.SentenceCharacters.DIGIT;
import static kensaku.search.highlight.SentenceCharacters.END;
import static kensaku.search.highlight.SentenceCharacters.LETTER;
import static kensaku.search.highlight.SentenceCharacters.PERIOD;
import static kensaku.search.highlight.SentenceCharacters.SENTENCE_START;
import static kensaku.search.highlight.SentenceCharacters.SPACE;
import static kensaku.search.highlight.SentenceCharacters.START;
import static kensaku.search.highlight.SentenceCharacters.TERM;
import static kensaku.search.highlight.SentenceCharacters.UNMODELLED;
import static kensaku.search.highlight.SentenceCharacters.is;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The JDK's Japanese sentence boundaries, found by looking at the few characters around each candidate instead of
 * running the JDK's rule machine. That machine takes one call per character through a {@link CharacterIterator}, and
 * its backward table rewinds towards the start of the text (it turns round only at a paragraph separator, U+2029,
 * or a few rare patterns): the sentence breaks around each match took a quarter of highlighting's time
 * (docs/BENCHMARKS.md, change 28). The rules are the JDK's: a sentence ends after 。！？!? and any closing
 * punctuation and spaces after them; a period ends one only before a capital, kanji or kana after a space, or
 * before opening punctuation or a symbol that comes before a letter. Where a candidate's neighbours hold
 * something these shortcuts do not model (see {@link #modelled}), the text gets the boundaries the JDK's iterator
 * finds going forward, listed once. Either way every boundary is the JDK's forward one ({@code SentenceBreaksTest}
 * holds them to it); going backward, the JDK can also answer one of its turning-round points, which is not a
 * boundary, and this class does not copy that.
 */
final class SentenceBreaks extends BreakIterator {
    private String text = "";
    private int current;
    /**
     * Every boundary as the JDK's iterator finds them going forward, listed once the text turns out to hold something
     * the shortcuts do not model; null until then.
     */
    private int[] listed;

    @Override
    public void setText(String newText) {
        text = newText;
        current = 0;
        listed = endsUnresolved(newText) ? jdkBoundaries(newText) : null;
    }

    @Override
    public void setText(CharacterIterator newText) {
        StringBuilder copy = new StringBuilder(newText.getEndIndex() - newText.getBeginIndex());
        for (char c = newText.first(); c != CharacterIterator.DONE; c = newText.next()) {
            copy.append(c);
        }
        setText(copy.toString());
    }

    @Override
    public CharacterIterator getText() {
        return new StringCharacterIterator(text);
    }

    @Override
    public int first() {
        return current = 0;
    }

    @Override
    public int last() {
        return current = text.length();
    }

    @Override
    public int current() {
        return current;
    }

    @Override
    public int next() {
        return following(current);
    }

    @Override
    public int previous() {
        return preceding(current);
    }

    @Override
    public int next(int n) {
        int result = current;
        for (; n > 0 && result != DONE; n--) {
            result = next();
        }
        for (; n < 0 && result != DONE; n++) {
            result = previous();
        }
        return result;
    }

    @Override
    public int following(int offset) {
        check(offset);
        if (offset == text.length()) {
            current = text.length();
            return DONE;
        }
        int p = offset + 1;
        while (p < text.length() && !boundaryAt(p)) {
            p++;
        }
        return current = p;
    }

    @Override
    public int preceding(int offset) {
        check(offset);
        if (offset == 0) {
            current = 0;
            return DONE;
        }
        int p = offset - 1;
        while (p > 0 && !boundaryAt(p)) {
            p--;
        }
        return current = p;
    }

    @Override
    public boolean isBoundary(int offset) {
        check(offset);
        current = offset;
        return offset == 0 || offset == text.length() || boundaryAt(offset);
    }

    private void check(int offset) {
        if (offset < 0 || offset > text.length()) {
            throw new IllegalArgumentException("offset " + offset + " is outside the text (0–" + text.length() + ")");
        }
    }

    /** Whether a sentence ends just before {@code p}, for 0 < p < length. */
    private boolean boundaryAt(int p) {
        if (listed != null) {
            return Arrays.binarySearch(listed, p) >= 0;
        }
        char before = text.charAt(p - 1);
        char at = text.charAt(p);
        if (!is(before, SPACE | TERM | PERIOD | END | UNMODELLED) && !is(at, PERIOD | UNMODELLED)) {
            return false;
        }
        int afterRun = p;
        while (afterRun > 0 && is(text.charAt(afterRun - 1), SPACE)) {
            afterRun--;
        }
        int runStart = afterRun;
        while (runStart > 0 && is(text.charAt(runStart - 1), TERM | PERIOD | END)) {
            runStart--;
        }
        int lookahead = p;
        while (lookahead < text.length() && is(text.charAt(lookahead), START | SENTENCE_START)) {
            lookahead++;
        }
        // The JDK's machine carries what it saw across a stretch of punctuation and symbols, so check all of it.
        int from = runStart;
        while (from > 0 && !is(text.charAt(from - 1), LETTER | DIGIT)) {
            from--;
        }
        int to = lookahead;
        while (to < text.length() && !is(text.charAt(to), LETTER | DIGIT)) {
            to++;
        }
        if (!modelled(Math.max(0, from - 1), Math.min(text.length(), to + 1))) {
            listed = jdkBoundaries(text);
            return Arrays.binarySearch(listed, p) >= 0;
        }
        return ruleAt(p, afterRun, runStart, lookahead);
    }

    /**
     * The JDK's rules at {@code p}: {@code afterRun} is where the spaces before it start, {@code runStart} where the
     * periods, terminators and closing punctuation before those start, {@code lookahead} where the opening
     * punctuation and symbols from {@code p} end.
     */
    private boolean ruleAt(int p, int afterRun, int runStart, int lookahead) {
        char before = text.charAt(p - 1);
        char at = text.charAt(p);
        boolean spaces = afterRun < p;
        if (is(at, SPACE) || !spaces && is(at, TERM | PERIOD | END)) {
            return false;
        }
        boolean term = false;
        boolean period = false;
        for (int q = runStart; q < afterRun; q++) {
            term |= is(text.charAt(q), TERM);
            period |= is(text.charAt(q), PERIOD);
        }
        if (term) {
            return true;
        }
        if (!period) {
            return false;
        }
        if (spaces && is(at, CAPITAL)) {
            return true;
        }
        // An ASCII quote closing the period's run also counts as the opening punctuation the JDK looks for after
        // it: "A.\"B" ends a sentence after the quote.
        boolean quoted = !spaces && (before == '"' || before == '\'');
        return (lookahead > p || quoted) && lookahead < text.length() && is(text.charAt(lookahead), LETTER);
    }

    private static int[] jdkBoundaries(String text) {
        BreakIterator jdk = BreakIterator.getSentenceInstance(Locale.JAPANESE);
        jdk.setText(text);
        List<Integer> found = new ArrayList<>();
        for (int b = jdk.first(); b != DONE; b = jdk.next()) {
            found.add(b);
        }
        return found.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Whether the JDK's machine, still looking past a period for a letter when the text ends, would set that period
     * apart in ways no rule states ("日本.#" breaks at 2, 3 and 4): a period after the last letter or digit.
     */
    private static boolean endsUnresolved(String text) {
        for (int i = text.length() - 1; i >= 0 && !is(text.charAt(i), LETTER | DIGIT); i--) {
            if (is(text.charAt(i), PERIOD)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the shortcuts find the JDK's boundary from the characters in [from, to): none is one they do not
     * model, and no period there is followed by a run the JDK's machine reads two ways ({@link #ambiguousRun}).
     */
    private boolean modelled(int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (is(c, UNMODELLED) || is(c, PERIOD) && ambiguousRun(text, i + 1)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the run of periods and closing punctuation from {@code from} holds an ASCII quote (which the JDK reads
     * both as closing and as opening punctuation), or is followed by two spaces or more.
     */
    private static boolean ambiguousRun(String text, int from) {
        int i = from;
        for (; i < text.length() && is(text.charAt(i), PERIOD | END); i++) {
            if (text.charAt(i) == '"' || text.charAt(i) == '\'') {
                return true;
            }
        }
        return i + 1 < text.length() && is(text.charAt(i), SPACE) && is(text.charAt(i + 1), SPACE);
    }
}
