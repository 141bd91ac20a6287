package kensaku.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kensaku.analysis.CompanyGazetteer;
import kensaku.index.Schema;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * A corrected query for one that found nothing or almost nothing: each word of the query that no title or body
 * holds is replaced by the closest indexed word (Levenshtein distance up to 2 on the analysed form, so width,
 * case and the katakana long vowel are already folded: エヌビデア → エヌビディア, Bedrok → Bedrock). Only
 * words the index has are offered, so a suggestion always finds something. A word with no indexed neighbour is
 * also compared with the company gazetteer's aliases, because an article may name a company in only one script:
 * the seeds write NVIDIA, never エヌビディア, yet エヌビデア should still be corrected to the katakana name (which
 * the query-time synonyms then expand to NVIDIA).
 */
public final class DidYouMean {
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
    private static final List<String> FIELDS = List.of(Schema.BODY, Schema.TITLE);

    private final Analyzer morphological;
    private final DirectSpellChecker checker = new DirectSpellChecker();
    private final CompanyNameCorrection companyNames;

    DidYouMean(Analyzer morphological, CompanyGazetteer gazetteer) {
        this.morphological = morphological;
        // Katakana words are short in characters: 3 is enough to correct, say, マイクロソフド.
        checker.setMinQueryLength(MIN_WORD_CHARS);
        checker.setMaxQueryLength(MAX_WORD_CHARS);
        checker.setMaxEdits(MAX_EDITS);
        this.companyNames = new CompanyNameCorrection(morphological, gazetteer);
    }

    /**
     * The query with its unknown words corrected, or empty when every word is known or none has a neighbour. A
     * word is known when an article not {@code hidden} holds it (hidden may be null: every article is shown).
     */
    Optional<String> correct(IndexSearcher searcher, String query, Query hidden) throws IOException {
        return correct(searcher, query, hidden, null);
    }

    /** As above, looking up no more words once the request's deadline has passed (null: no deadline). */
    Optional<String> correct(IndexSearcher searcher, String query, Query hidden, Deadline deadline) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        List<Replacement> replacements = new ArrayList<>();
        int looked = 0;
        try (TokenStream stream = morphological.tokenStream(Schema.BODY, query)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String word = term.toString();
                if (looked >= MAX_CORRECTED_WORDS || (deadline != null && deadline.passed())) {
                    break;
                }
                if (isUnknown(searcher, word, hidden)) {
                    looked++;
                    Optional<String> closest = closest(reader, word);
                    if (closest.isPresent()) {
                        replacements.add(new Replacement(offset.startOffset(), offset.endOffset(), closest.get()));
                    }
                }
            }
            stream.end();
        }
        return replacements.isEmpty() ? Optional.empty() : Optional.of(applied(query, replacements));
    }

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

    private static boolean isUnknown(IndexSearcher searcher, String word, Query hidden) throws IOException {
        for (String field : FIELDS) {
            Term term = new Term(field, word);
            if (searcher.getIndexReader().docFreq(term) > 0 && (hidden == null
                    || searcher.count(PublishingBounds.visible(new TermQuery(term), hidden)) > 0)) {
                return false;
            }
        }
        return true;
    }

    private Optional<String> closest(IndexReader reader, String word) throws IOException {
        for (String field : FIELDS) {
            SuggestWord[] found = checker.suggestSimilar(new Term(field, word), 1, reader,
                    SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
            if (found.length > 0) {
                return Optional.of(found[0].string);
            }
        }
        return companyNames.closest(word);
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
