package kensaku.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import kensaku.index.Schema;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

/**
 * Marks query matches in titles and picks the best body passage. Offsets come from the postings (no
 * re-analysis), and matches from the bigram views are marked on the same stored text as the morphological ones.
 */
final class Highlights {
    static final int SNIPPET_MIN_CHARS = 120;
    static final int SNIPPET_MAX_CHARS = 200;
    /** Whole articles are highlightable: the seeds run to 60 KB and Lucene's default stops at 10,000 chars. */
    private static final int MAX_HIGHLIGHT_CHARS = 1_000_000;
    private static final Map<String, Set<String>> MASKS = Map.of(
            Schema.TITLE, Set.of(Schema.TITLE, Schema.TITLE_BIGRAM),
            Schema.BODY, Set.of(Schema.BODY, Schema.BODY_BIGRAM));

    private final Analyzer indexAnalyzer;

    Highlights(Analyzer indexAnalyzer) {
        this.indexAnalyzer = indexAnalyzer;
    }

    /**
     * Highlighted titles and snippets for the given documents, in the same order; each field marked with its own
     * query ({@link QueryPlanner#highlightQuery}), so the highlighter looks up only that field's terms.
     */
    Result highlight(IndexSearcher searcher, Query titleQuery, Query bodyQuery, int[] docIds) throws IOException {
        TitleAndBody highlighter = new TitleAndBody(builder(searcher));
        String[] titles = highlighter.highlightFields(new String[] {Schema.TITLE}, titleQuery, docIds, new int[] {1})
                .get(Schema.TITLE);
        String[] snippets = highlighter.highlightFields(new String[] {Schema.BODY}, bodyQuery, docIds, new int[] {1})
                .get(Schema.BODY);
        return new Result(titles, snippets);
    }

    record Result(String[] titles, String[] snippets) {}

    /** The whole title, with every match marked; the body's best passage of about a sentence or two. */
    private static final class TitleAndBody extends UnifiedHighlighter {
        private static final PassageFormatter TITLE_FORMAT = new SnippetFormatter(Integer.MAX_VALUE);
        private static final PassageFormatter BODY_FORMAT = new SnippetFormatter(SNIPPET_MAX_CHARS);

        TitleAndBody(Builder builder) {
            super(builder);
        }

        @Override
        protected BreakIterator getBreakIterator(String field) {
            return Schema.TITLE.equals(field) ? new WholeBreakIterator()
                    : LengthGoalBreakIterator.createMinLength(BreakIterator.getSentenceInstance(Locale.JAPANESE),
                            SNIPPET_MIN_CHARS, 0.25f);
        }

        @Override
        protected PassageFormatter getFormatter(String field) {
            return Schema.TITLE.equals(field) ? TITLE_FORMAT : BODY_FORMAT;
        }
    }

    private UnifiedHighlighter.Builder builder(IndexSearcher searcher) {
        return UnifiedHighlighter.builder(searcher, indexAnalyzer)
                .withMaxLength(MAX_HIGHLIGHT_CHARS)
                .withMaskedFieldsFunc(field -> MASKS.getOrDefault(field, Set.of()))
                .withHighlightPhrasesStrictly(true);
    }
}
