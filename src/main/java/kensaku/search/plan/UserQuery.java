package kensaku.search.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * The user's query text read as search syntax: words and {@code "quoted phrases"} are all required,
 * {@code -word} excludes, {@code OR} (or {@code |}) between two parts makes either enough. Anything that does not
 * fit, such as an unbalanced quote or a dangling OR, is read as plain words: parsing never fails.
 *
 * @param required each inner list is one requirement met by any of its parts (a single part unless ORed)
 * @param excluded parts that must not match
 */
public record UserQuery(List<List<Part>> required, List<Part> excluded) {
    /** A piece of the query; {@code phrase} is true when the user quoted it. */
    public record Part(String text, boolean phrase) {
        String written() {
            return phrase ? '"' + text + '"' : text;
        }
    }

    public UserQuery {
        required = required.stream().map(List::copyOf).toList();
        excluded = List.copyOf(excluded);
    }

    public boolean isEmpty() {
        return required.isEmpty() && excluded.isEmpty();
    }

    /** The text of every part the query requires, words and phrases, ORed ones included, in order. */
    public List<String> requiredTexts() {
        return required.stream().flatMap(List::stream).map(Part::text).toList();
    }

    /** The query written back in its syntax: {@code parse(q.text())} gives q again (for parts without spaces or quotes). */
    public String text() {
        List<String> pieces = new ArrayList<>();
        for (List<Part> group : required) {
            pieces.add(String.join(" OR ", group.stream().map(Part::written).toList()));
        }
        excluded.forEach(part -> pieces.add("-" + part.written()));
        return String.join(" ", pieces);
    }

    public static UserQuery parse(String text) {
        List<Token> tokens = tokenize(normalizeQuotes(text));
        if (tokens.stream().anyMatch(t -> t.part() != null && hasIndexableCharacter(t.part().text()))) {
            tokens = tokens.stream().filter(t -> t.part() == null || hasIndexableCharacter(t.part().text())).toList();
        }
        List<List<Part>> required = new ArrayList<>();
        List<Part> excluded = new ArrayList<>();
        boolean orPending = false;
        for (Token token : tokens) {
            if (token.isOr()) {
                orPending = !required.isEmpty();
                continue;
            }
            if (token.negated()) {
                excluded.add(token.part());
                orPending = false;
            } else if (orPending) {
                required.get(required.size() - 1).add(token.part());
                orPending = false;
            } else {
                List<Part> group = new ArrayList<>();
                group.add(token.part());
                required.add(group);
            }
        }
        return new UserQuery(required, excluded);
    }

    /** Japanese keyboards type “ ” and 「」 as readily as ". */
    private static String normalizeQuotes(String text) {
        String normalized = text.replace('“', '"').replace('”', '"').replace('＂', '"');
        long quotes = normalized.chars().filter(c -> c == '"').count();
        return quotes % 2 == 0 ? normalized : normalized.replace('"', ' ');
    }

    private record Token(Part part, boolean negated, boolean isOr) {}

    private static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                i++;
                continue;
            }
            boolean negated = false;
            if ((c == '-' || c == '－') && i + 1 < n && !isSpace(text.charAt(i + 1))) {
                negated = true;
                i++;
                c = text.charAt(i);
            }
            if (c == '"') {
                int close = text.indexOf('"', i + 1);
                String phrase = text.substring(i + 1, close).strip();
                if (!phrase.isEmpty()) {
                    tokens.add(new Token(new Part(phrase, true), negated, false));
                }
                i = close + 1;
                continue;
            }
            int end = i;
            while (end < n && !isSpace(text.charAt(end)) && text.charAt(end) != '"') {
                end++;
            }
            String word = text.substring(i, end);
            i = end;
            if (!negated && (word.equals("OR") || word.equals("|") || word.equals("｜"))) {
                tokens.add(new Token(null, false, true));
            } else if (!word.isEmpty()) {
                tokens.add(new Token(new Part(word, false), negated, false));
            }
        }
        return tokens;
    }

    /**
     * A word of only emoji or symbols (🚀, ★) has nothing the analyzers index, so requiring it would find nothing:
     * beside real words it is dropped (🚀 生成AI finds what 生成AI finds). A query of nothing else still finds
     * nothing, rather than everything.
     */
    private static boolean hasIndexableCharacter(String word) {
        return word.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c);
    }
}
