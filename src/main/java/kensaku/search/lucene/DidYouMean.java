package kensaku.search.lucene;

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
import kensaku.search.Deadline;
import kensaku.search.plan.CompanyNameCorrection;
import kensaku.search.plan.Corrections;

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
    private static final List<String> FIELDS = List.of(Schema.BODY, Schema.TITLE);

    private final Analyzer morphological;
    private final DirectSpellChecker checker = new DirectSpellChecker();
    private final CompanyNameCorrection companyNames;

    DidYouMean(Analyzer morphological, CompanyGazetteer gazetteer) {
        this.morphological = morphological;
        // Katakana words are short in characters: 3 is enough to correct, say, マイクロソフド.
        checker.setMinQueryLength(Corrections.MIN_WORD_CHARS);
        checker.setMaxQueryLength(Corrections.MAX_WORD_CHARS);
        checker.setMaxEdits(Corrections.MAX_EDITS);
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
        List<Corrections.Replacement> replacements = new ArrayList<>();
        int looked = 0;
        try (TokenStream stream = morphological.tokenStream(Schema.BODY, query)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String word = term.toString();
                if (looked >= Corrections.MAX_CORRECTED_WORDS || (deadline != null && deadline.passed())) {
                    break;
                }
                if (isUnknown(searcher, word, hidden)) {
                    looked++;
                    Optional<String> closest = closest(reader, word);
                    if (closest.isPresent()) {
                        replacements.add(new Corrections.Replacement(offset.startOffset(), offset.endOffset(), closest.get()));
                    }
                }
            }
            stream.end();
        }
        return replacements.isEmpty() ? Optional.empty() : Optional.of(Corrections.applied(query, replacements));
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
}
