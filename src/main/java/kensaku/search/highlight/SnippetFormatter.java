package kensaku.search.highlight;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Formats highlighted passages as escaped HTML with matches in {@code <mark>}, at most {@code maxChars} characters
 * of text. A passage longer than that is cut to a window around its first match; cuts fall between code points,
 * never inside a surrogate pair, and are shown with an ellipsis. Overlapping matches (bigram views overlap by one
 * character) are merged into one mark.
 */
public final class SnippetFormatter extends PassageFormatter {
    /** The highlighted html, or the fallback (the escaped plain text) when the highlighter marked nothing. */
    public static String nonEmpty(String html, String fallback) {
        return html == null || html.isEmpty() ? fallback : html;
    }

    private static final String ELLIPSIS = "…";
    private static final int LEAD_CHARS = 40;

    private final int maxChars;

    SnippetFormatter(int maxChars) {
        this.maxChars = maxChars;
    }

    @Override
    public String format(Passage[] passages, String content) {
        if (passages.length == 0) {
            return "";
        }
        Passage passage = passages[0];
        List<int[]> marks = mergedMatches(passage);
        int start = passage.getStartOffset();
        int end = passage.getEndOffset();
        if (end - start > maxChars) {
            int anchor = marks.isEmpty() ? start : Math.max(start, marks.get(0)[0] - LEAD_CHARS);
            start = anchor;
            end = Math.min(end, start + maxChars);
        }
        start = codePointStart(content, start);
        end = codePointStart(content, end);
        StringBuilder html = new StringBuilder(end - start + 32);
        String leading = content.substring(0, start).strip();
        if (!leading.isEmpty() && start > 0) {
            html.append(ELLIPSIS);
        }
        appendMarked(html, content, start, end, marks);
        if (end < content.length() && !content.substring(end).isBlank()) {
            html.append(ELLIPSIS);
        }
        return html.toString().strip();
    }

    private static void appendMarked(StringBuilder html, String content, int start, int end, List<int[]> marks) {
        int at = start;
        for (int[] mark : marks) {
            int markStart = codePointStart(content, Math.max(mark[0], start));
            int markEnd = codePointStart(content, Math.min(mark[1], end));
            if (markStart >= markEnd || markStart < at) {
                continue;
            }
            escape(html, content, at, markStart);
            html.append("<mark>");
            escape(html, content, markStart, markEnd);
            html.append("</mark>");
            at = markEnd;
        }
        escape(html, content, at, end);
    }

    private static List<int[]> mergedMatches(Passage passage) {
        int count = passage.getNumMatches();
        int[][] matches = new int[count][];
        for (int i = 0; i < count; i++) {
            matches[i] = new int[] {passage.getMatchStarts()[i], passage.getMatchEnds()[i]};
        }
        Arrays.sort(matches, (a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
        List<int[]> merged = new ArrayList<>();
        for (int[] match : matches) {
            int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && match[0] <= last[1]) {
                last[1] = Math.max(last[1], match[1]);
            } else {
                merged.add(match.clone());
            }
        }
        return merged;
    }

    /** Moves an offset that points at the second half of a surrogate pair back to the pair's start. */
    static int codePointStart(String content, int offset) {
        int clamped = Math.max(0, Math.min(offset, content.length()));
        if (clamped > 0 && clamped < content.length() && Character.isLowSurrogate(content.charAt(clamped))
                && Character.isHighSurrogate(content.charAt(clamped - 1))) {
            return clamped - 1;
        }
        return clamped;
    }

    /** HTML-escapes content[from, to), turning line breaks into spaces so a snippet reads as one line. */
    static void escape(StringBuilder html, String content, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = content.charAt(i);
            switch (c) {
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                case '\n', '\r', '\t' -> html.append(' ');
                default -> html.append(c);
            }
        }
    }

    public static String escape(String text) {
        StringBuilder html = new StringBuilder(text.length() + 16);
        escape(html, text, 0, text.length());
        return html.toString();
    }
}
