package kensaku.analysis;

import java.io.IOException;
import java.io.Reader;
import org.apache.lucene.analysis.charfilter.BaseCharFilter;

/**
 * Drops the comma of a thousands separator: a comma after an ASCII digit and before exactly three, so 1,250億ドル
 * and 1250億ドル are the same term and neither contains 250億ドル. The same replacement and the same offset
 * corrections as {@link JapaneseAnalyzers#THOUSANDS_SEPARATOR} through Lucene's pattern filter, but streaming with
 * four characters of look-ahead instead of the whole text buffered and matched by a regular expression.
 */
final class ThousandsSeparatorCharFilter extends BaseCharFilter {
    private static final int LOOK_AHEAD = 4; // three digits and the character after them

    private final char[] buffer = new char[4096];
    private int position; // next unread character in buffer
    private int limit; // end of the characters in buffer
    private boolean inputEnded;
    private boolean previousIsDigit;
    private int written; // characters handed out so far
    private int removed; // commas dropped so far

    ThousandsSeparatorCharFilter(Reader input) {
        super(input);
    }

    @Override
    public int read(char[] out, int offset, int length) throws IOException {
        int count = 0;
        while (count < length) {
            if (limit - position <= LOOK_AHEAD && !inputEnded) {
                fill();
            }
            if (position >= limit) {
                break;
            }
            char c = buffer[position];
            if (c == ',' && previousIsDigit && separatesThousands()) {
                position++;
                removed++;
                addOffCorrectMap(written, removed);
                previousIsDigit = false;
                continue;
            }
            out[offset + count++] = c;
            position++;
            written++;
            previousIsDigit = isDigit(c);
        }
        return count == 0 && length > 0 ? -1 : count;
    }

    /** Whether the comma at position is followed by exactly three digits. */
    private boolean separatesThousands() {
        for (int i = 1; i <= 3; i++) {
            if (position + i >= limit || !isDigit(buffer[position + i])) {
                return false;
            }
        }
        return position + 4 >= limit || !isDigit(buffer[position + 4]);
    }

    private void fill() throws IOException {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        while (limit < buffer.length) {
            int read = input.read(buffer, limit, buffer.length - limit);
            if (read < 0) {
                inputEnded = true;
                return;
            }
            limit += read;
            if (limit - position > LOOK_AHEAD) {
                return;
            }
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
