package kensaku.search.plan;

import java.util.List;

/**
 * The did-you-mean rules both engines follow: when a query gets a suggestion, which words are corrected, and how
 * a correction is written back into the query as the user typed it. Finding the closest indexed word is each
 * engine's own (Lucene's DirectSpellChecker embedded, the term suggester in the cluster, same settings).
 */
public final class Corrections {
    /** A query with this many results or fewer gets a suggestion, if one finds more. */
    public static final int FEW_RESULTS = 2;
    /** Words shorter than this are never corrected. */
    public static final int MIN_WORD_CHARS = 3;
    /**
     * Unknown words looked up per query: each lookup walks a Levenshtein automaton over the terms, so a pasted
     * paragraph of unknown words must not cost one each. Later words stay as typed.
     */
    public static final int MAX_CORRECTED_WORDS = 6;
    /** Longer words are not corrected: a typo in a 25-character word is rare, and the automaton grows with it. */
    public static final int MAX_WORD_CHARS = 24;
    /** Lucene's DirectSpellChecker allows at most 2 edits; said here so the limit is visible. */
    public static final int MAX_EDITS = 2;

    private Corrections() {}

    /** An indexed word to put in place of the query's characters [start, end). */
    public record Replacement(int start, int end, String text) {}

    /** The query with each replacement made, in the case the user typed (Bedrok → Bedrock, BEDROK → BEDROCK). */
    public static String applied(String query, List<Replacement> replacements) {
        StringBuilder corrected = new StringBuilder(query);
        for (int i = replacements.size() - 1; i >= 0; i--) {
            Replacement r = replacements.get(i);
            corrected.replace(r.start(), r.end(), inCaseOf(query.substring(r.start(), r.end()), r.text()));
        }
        return corrected.toString();
    }

    /** Indexed words are lower case; give back Bedrock for Bedrok, BEDROCK for BEDROK. */
    private static String inCaseOf(String typed, String suggestion) {
        if (!typed.isEmpty() && typed.codePoints().filter(Character::isLetter).allMatch(Character::isUpperCase)
                && typed.codePoints().anyMatch(Character::isUpperCase) && typed.length() > 1) {
            return suggestion.toUpperCase(java.util.Locale.ROOT);
        }
        if (!typed.isEmpty() && Character.isUpperCase(typed.codePointAt(0))) {
            return suggestion.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + suggestion.substring(1);
        }
        return suggestion;
    }
}
