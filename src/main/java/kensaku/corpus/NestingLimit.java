package kensaku.corpus;

import java.util.Locale;
import java.util.Set;

/**
 * Flattens nesting deeper than any article needs before commonmark and jsoup see the text. Both parsers take time
 * that grows with the square of the nesting depth (100,000 nested {@code <div>}s took 30 s, 100,000 nested
 * {@code [} 15 s and 2.5 GB) and recurse when rendering (a deeply nested list overflowed the stack). One linear
 * pass bounds the depth of each kind; an article within the limits is returned unchanged, character for character.
 *
 * <ul>
 *   <li>indentation: at most {@link #MAX_INDENT} columns (a list nested 32 levels deep);
 *   <li>block markers opening a line ({@code >}, {@code -}, {@code *}, {@code +}, {@code 1.}): at most
 *       {@link #MAX_DEPTH}; the rest are dropped;
 *   <li>open {@code [}: at most {@link #MAX_DEPTH} within a paragraph; deeper ones are escaped as text;
 *   <li>open HTML elements: at most {@link #MAX_HTML_DEPTH}; deeper tags are dropped, their text kept;
 *   <li>a {@code <} with no {@code >} within {@link #MAX_TAG_CHARS}, and runs of more than {@link #MAX_DEPTH}
 *       backticks, are escaped as text (commonmark scans ahead from each for its end).
 * </ul>
 */
final class NestingLimit {
    static final int MAX_DEPTH = 16;
    static final int MAX_INDENT = 64;
    static final int MAX_HTML_DEPTH = 64;
    /** Longest tag or autolink read as one: a '<' with no '>' this close is text. */
    static final int MAX_TAG_CHARS = 4096;
    private static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input", "link",
            "meta", "param", "source", "track", "wbr");

    private NestingLimit() {}

    static String flatten(String text) {
        String lines = flattenLines(text);
        return flattenInline(lines);
    }

    /** Indentation and block markers at the start of each line. */
    private static String flattenLines(String text) {
        StringBuilder out = null;
        int n = text.length();
        int lineStart = 0;
        while (lineStart < n) {
            int lineEnd = text.indexOf('\n', lineStart);
            lineEnd = lineEnd < 0 ? n : lineEnd + 1;
            int i = lineStart;
            int columns = 0;
            while (i < lineEnd && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                columns += text.charAt(i) == '\t' ? 4 - columns % 4 : 1;
                i++;
            }
            int markersStart = i;
            int markers = 0;
            int keptEnd = i;
            while (i < lineEnd) {
                int after = markerEnd(text, i, lineEnd);
                if (after < 0) {
                    break;
                }
                markers++;
                i = after;
                if (markers <= MAX_DEPTH) {
                    keptEnd = i;
                }
            }
            boolean tooDeep = columns > MAX_INDENT || markers > MAX_DEPTH;
            if (tooDeep && out == null) {
                out = new StringBuilder(n);
                out.append(text, 0, lineStart);
            }
            if (out != null) {
                if (tooDeep) {
                    out.append(" ".repeat(Math.min(columns, MAX_INDENT)));
                    out.append(text, markersStart, keptEnd);
                    out.append(text, i, lineEnd);
                } else {
                    out.append(text, lineStart, lineEnd);
                }
            }
            lineStart = lineEnd;
        }
        return out == null ? text : out.toString();
    }

    /** The end of a block marker ({@code >}, a bullet or an ordered-list number, with its space) at i, or -1. */
    private static int markerEnd(String text, int i, int lineEnd) {
        char c = text.charAt(i);
        int end;
        if (c == '>') {
            end = i + 1;
        } else if ((c == '-' || c == '*' || c == '+') && i + 1 < lineEnd && isBlank(text.charAt(i + 1))) {
            end = i + 1;
        } else if (Character.isDigit(c)) {
            int j = i;
            while (j < lineEnd && j - i < 9 && Character.isDigit(text.charAt(j))) {
                j++;
            }
            if (j >= lineEnd || (text.charAt(j) != '.' && text.charAt(j) != ')') || j + 1 >= lineEnd
                    || !isBlank(text.charAt(j + 1))) {
                return -1;
            }
            end = j + 1;
        } else {
            return -1;
        }
        while (end < lineEnd && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
            end++;
        }
        return end;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /** Open brackets within a paragraph, and open HTML elements. */
    private static String flattenInline(String text) {
        StringBuilder out = null;
        int n = text.length();
        int brackets = 0;
        int html = 0;
        int nextGt = 0;
        int copiedTo = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' && i + 1 < n && (text.charAt(i + 1) == '\n' || text.charAt(i + 1) == '\r')) {
                brackets = 0; // a blank line ends the paragraph, and with it any open bracket
            } else if (c == '[' && (i == 0 || text.charAt(i - 1) != '\\')) {
                brackets++;
                if (brackets > MAX_DEPTH) {
                    out = copy(out, text, copiedTo, i, n).append("\\[");
                    copiedTo = i + 1;
                }
            } else if (c == ']' && brackets > 0) {
                brackets--;
            } else if (c == '`' && (i == 0 || text.charAt(i - 1) != '`')) {
                int run = i;
                while (run < n && text.charAt(run) == '`') {
                    run++;
                }
                if (run - i > MAX_DEPTH) {
                    out = copy(out, text, copiedTo, i, n).append("\\`".repeat(run - i));
                    copiedTo = run;
                }
                i = run - 1;
            } else if (c == '<') {
                if (nextGt >= 0 && nextGt <= i) {
                    nextGt = text.indexOf('>', i);
                }
                if (nextGt < 0 || nextGt - i > MAX_TAG_CHARS) {
                    // commonmark looks for the '>' of an autolink or tag from every '<': far away, that is
                    // quadratic; no tag is this long, so the '<' is text.
                    out = copy(out, text, copiedTo, i, n).append("\\<");
                    copiedTo = i + 1;
                    continue;
                }
                int tagEnd = nextGt + 1;
                String name = tagName(text, i, nextGt);
                if (name == null || VOID.contains(name) || text.charAt(nextGt - 1) == '/') {
                    continue;
                }
                boolean closing = text.charAt(i + 1) == '/';
                boolean drop = closing ? html > MAX_HTML_DEPTH : html + 1 > MAX_HTML_DEPTH;
                html = closing ? Math.max(0, html - 1) : html + 1;
                if (drop) {
                    out = copy(out, text, copiedTo, i, n);
                    copiedTo = tagEnd;
                    i = tagEnd - 1;
                }
            }
        }
        if (out == null) {
            return text;
        }
        return out.append(text, copiedTo, n).toString();
    }

    private static StringBuilder copy(StringBuilder out, String text, int from, int to, int capacity) {
        StringBuilder target = out == null ? new StringBuilder(capacity + 16) : out;
        return target.append(text, from, to);
    }

    /** The lower-case element name of a tag spanning [lt, gt], or null when it is not a tag. */
    private static String tagName(String text, int lt, int gt) {
        int i = lt + 1;
        if (i < gt && text.charAt(i) == '/') {
            i++;
        }
        int start = i;
        while (i < gt && i - start < 32 && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '-')) {
            i++;
        }
        if (i == start || !Character.isLetter(text.charAt(start))
                || (i < gt && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '/')) {
            return null;
        }
        return text.substring(start, i).toLowerCase(Locale.ROOT);
    }
}
