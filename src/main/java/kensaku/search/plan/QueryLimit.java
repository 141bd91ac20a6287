package kensaku.search.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * Keeps a query within what one search may cost: at most {@link #MAX_WORDS} words, the rest ignored and named in
 * the response. A word is what the planner searches on its own: a space-separated word, or each run of one that
 * particles split (アマゾンの投資 is two); {@code OR} is not a word. Each word becomes about seven Lucene clauses
 * (four morphological fields, three bigram views), twice that when particles split it, so 32 words stay far below
 * Lucene's (and OpenSearch's) limit of 1,024 clauses, with room for the filters. A query whose words still build
 * more than {@link #MAX_CLAUSES} clauses (company names expand to synonyms) is cut further, word by word from the
 * end. The planner applies it for both backends, so they answer a long query the same way.
 */
public final class QueryLimit {
    /** Words searched; later ones are ignored (and reported). */
    public static final int MAX_WORDS = 32;
    /** Clauses the text query may have; Lucene's limit is 1,024, filters (≤ 151) and proximity come on top. */
    static final int MAX_CLAUSES = 600;
    /**
     * Characters one word may have; the rest of a longer one is ignored. Japanese compounds without particles
     * rarely pass 20; a run of company names, each expanding to synonyms, would otherwise build a phrase query of
     * 2^n alternatives before any limit could count them.
     */
    public static final int MAX_WORD_CHARS = 48;

    private final WordRuns wordRuns;
    private final ToIntFunction<String> clauses;

    /** @param clauses how many leaf clauses the search for a text has (may throw {@code TooManyClauses}) */
    QueryLimit(WordRuns wordRuns, ToIntFunction<String> clauses) {
        this.wordRuns = wordRuns;
        this.clauses = clauses;
    }

    /**
     * @param kept    the query as searched: a prefix of the one typed, cut at a word boundary
     * @param ignored the words left out, as typed; empty when the whole query is searched
     */
    public record Limited(String kept, List<String> ignored) {
        public Limited {
            ignored = List.copyOf(ignored);
        }
    }

    public Limited apply(String query) {
        List<Integer> wordEnds = new ArrayList<>();
        boolean whole = wordEnds(query, wordEnds);
        int words = Math.min(MAX_WORDS, wordEnds.size());
        if (words == 0) {
            return new Limited(query, List.of());
        }
        while (words > 1 && tooMany(cut(query, wordEnds, words))) {
            words = words * 3 / 4;
        }
        int end = words >= wordEnds.size() && whole ? query.length() : wordEnds.get(words - 1);
        // One word can still be too much: a long run of company names, each with its synonyms. Keep its start.
        while (end > 1 && tooMany(closeQuote(query.substring(0, end)))) {
            end = end / 2;
            if (Character.isLowSurrogate(query.charAt(end))) {
                end--;
            }
        }
        if (end >= query.length()) {
            return new Limited(query, List.of());
        }
        String kept = closeQuote(query.substring(0, end));
        List<String> ignored = List.of(query.substring(end).replace('"', ' ').strip().split("\\s+"));
        return new Limited(kept, ignored.size() == 1 && ignored.get(0).isEmpty() ? List.of() : ignored);
    }

    /**
     * Whether {@link #apply} can cut this query only for its clauses: no more than {@link #MAX_WORDS} words, none
     * longer than {@link #MAX_WORD_CHARS}, quotes balanced. Such a query is kept whole exactly when its search stays
     * within {@link #MAX_CLAUSES}, which the planner counts on the plan it has already made.
     */
    boolean withinWords(String query) {
        List<Integer> wordEnds = new ArrayList<>();
        return wordEnds(query, wordEnds) && wordEnds.size() <= MAX_WORDS && closeQuote(query).equals(query);
    }

    private boolean tooMany(String text) {
        try {
            return clauses(text) > MAX_CLAUSES;
        } catch (IndexSearcher.TooManyClauses e) {
            return true;
        }
    }

    /** How many leaf clauses the search for this text has: what Lucene counts against its limit. */
    int clauses(String text) {
        return clauses.applyAsInt(text);
    }

    static int countClauses(Query query) {
        int[] count = {0};
        query.visit(new QueryVisitor() {
            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }

            @Override
            public void visitLeaf(Query leaf) {
                count[0]++;
            }

            @Override
            public void consumeTerms(Query leaf, org.apache.lucene.index.Term... terms) {
                count[0]++;
            }
        });
        return count[0];
    }

    /**
     * Adds the offset just after each word of the query (see the class comment for what a word is) to {@code ends};
     * false when it stopped at a word longer than {@link #MAX_WORD_CHARS}, whose end it puts at that length.
     */
    private boolean wordEnds(String query, List<Integer> ends) {
        int i = 0;
        int n = query.length();
        while (i < n) {
            while (i < n && isSpace(query.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isSpace(query.charAt(i))) {
                i++;
            }
            if (start == i) {
                break;
            }
            String token = query.substring(start, i);
            if (token.equals("OR") || token.equals("|") || token.equals("｜")) {
                continue;
            }
            List<String> runs = wordRuns.of(token);
            int from = 0;
            for (int r = 0; r < runs.size(); r++) {
                int at = token.indexOf(runs.get(r), from);
                int runStart = at < 0 ? from : at;
                if (runs.get(r).length() > MAX_WORD_CHARS) {
                    ends.add(start + runStart + MAX_WORD_CHARS - (Character.isHighSurrogate(
                            query.charAt(start + runStart + MAX_WORD_CHARS - 1)) ? 1 : 0));
                    return false;
                }
                from = runStart + runs.get(r).length();
                if (r < runs.size() - 1) {
                    ends.add(start + from);
                }
            }
            ends.add(i);
        }
        return true;
    }

    private static String cut(String query, List<Integer> wordEnds, int words) {
        return words > wordEnds.size() ? query : closeQuote(query.substring(0, wordEnds.get(words - 1)));
    }

    /** A cut inside a quoted phrase keeps the phrase's start as a phrase. */
    private static String closeQuote(String text) {
        long quotes = text.chars().filter(c -> c == '"').count();
        return quotes % 2 == 0 ? text : text + '"';
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c);
    }
}
