package kensaku.search.highlight;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kensaku.index.Schema;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.FieldHighlighter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.SplittingBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import kensaku.search.plan.LuceneQueries;

/**
 * Marks query matches in titles and picks the best body passage. Offsets come from the postings (no
 * re-analysis), and matches from the bigram views are marked on the same stored text as the morphological ones.
 */
public final class Highlights {
    static final int SNIPPET_MIN_CHARS = 120;
    public static final int SNIPPET_MAX_CHARS = 200;
    /** Whole articles are highlightable: the seeds run to 60 KB and Lucene's default stops at 10,000 chars. */
    private static final int MAX_HIGHLIGHT_CHARS = 1_000_000;
    private static final Map<String, Set<String>> MASKS = Map.of(
            Schema.TITLE, Set.of(Schema.TITLE, Schema.TITLE_BIGRAM),
            Schema.BODY, Set.of(Schema.BODY, Schema.BODY_BIGRAM));

    private static final PassageFormatter TITLE_FORMAT = new SnippetFormatter(Integer.MAX_VALUE);
    private static final PassageFormatter BODY_FORMAT = new SnippetFormatter(SNIPPET_MAX_CHARS);

    private static final PassageScorer PASSAGE_SCORES = new PassageScores();

    private final Analyzer indexAnalyzer;

    public Highlights(Analyzer indexAnalyzer) {
        this.indexAnalyzer = indexAnalyzer;
    }

    /**
     * Highlighted titles and snippets for the given documents, in the same order; each field marked with its own
     * query ({@link LuceneQueries#highlightQuery}), so the highlighter looks up only that field's terms. The
     * title and body come from {@code stored} (by document id), read once with the rest of each hit.
     */
    public Result highlight(IndexSearcher searcher, Query titleQuery, Query bodyQuery, int[] docIds,
            Map<Integer, Document> stored) throws IOException {
        TitleAndBody highlighter = new TitleAndBody(builder(searcher, indexAnalyzer), stored);
        String[] titles = highlighter.highlightFields(new String[] {Schema.TITLE}, titleQuery, docIds, new int[] {1})
                .get(Schema.TITLE);
        String[] snippets = highlighter.highlightFields(new String[] {Schema.BODY}, bodyQuery, docIds, new int[] {1})
                .get(Schema.BODY);
        return new Result(titles, snippets);
    }

    public record Result(String[] titles, String[] snippets) {
        /** No marks: each hit shows its escaped title and excerpt. */
        public static Result none(int hits) {
            return new Result(new String[hits], new String[hits]);
        }
    }

    /** The whole title, with every match marked; the body's best passage of about a sentence or two. */
    private static final class TitleAndBody extends UnifiedHighlighter {
        private final Map<Integer, Document> stored;

        TitleAndBody(Builder builder, Map<Integer, Document> stored) {
            super(builder);
            this.stored = stored;
        }

        /** The values read with the hit, instead of decompressing each article's stored block again. */
        @Override
        protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter,
                int cacheCharsThreshold) throws IOException {
            List<CharSequence[]> values = new ArrayList<>();
            for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
                Document document = stored.get(doc);
                CharSequence[] row = new CharSequence[fields.length];
                for (int i = 0; i < fields.length; i++) {
                    String value = document == null ? null : Schema.storedText(document, fields[i]);
                    row[i] = value == null ? "" : value.length() > MAX_HIGHLIGHT_CHARS
                            ? value.substring(0, MAX_HIGHLIGHT_CHARS) : value;
                }
                values.add(row);
            }
            return values;
        }

        /** Lucene's field highlighter with {@link PageOffsets} in place of its masked-field postings strategy. */
        @Override
        protected FieldHighlighter getFieldHighlighter(String field, Query query, Set<Term> allTerms,
                int maxPassages) {
            List<String> fields = new ArrayList<>(getMaskedFields(field));
            fields.add(field);
            return newFieldHighlighter(field,
                    new PageOffsets(getHighlightComponents(field, query, allTerms), query, fields),
                    new SplittingBreakIterator(getBreakIterator(field), UnifiedHighlighter.MULTIVAL_SEP_CHAR),
                    getScorer(field), maxPassages, getMaxNoHighlightPassages(field), getFormatter(field),
                    getPassageSortComparator(field));
        }

        @Override
        protected BreakIterator getBreakIterator(String field) {
            return breakIterator(field);
        }

        @Override
        protected PassageFormatter getFormatter(String field) {
            return formatter(field);
        }
    }

    /** The whole title is one passage; the body breaks into sentences, joined up to about 120 characters. */
    static BreakIterator breakIterator(String field) {
        return Schema.TITLE.equals(field) ? new WholeBreakIterator()
                : LengthGoalBreakIterator.createMinLength(new SentenceBreaks(), SNIPPET_MIN_CHARS, 0.25f);
    }

    static PassageFormatter formatter(String field) {
        return Schema.TITLE.equals(field) ? TITLE_FORMAT : BODY_FORMAT;
    }

    /** Lucene's highlighter configured as ours is: long texts, bigram views masked onto their stored field. */
    static UnifiedHighlighter.Builder builder(IndexSearcher searcher, Analyzer indexAnalyzer) {
        return UnifiedHighlighter.builder(searcher, indexAnalyzer)
                .withMaxLength(MAX_HIGHLIGHT_CHARS)
                .withMaskedFieldsFunc(field -> MASKS.getOrDefault(field, Set.of()))
                .withHighlightPhrasesStrictly(true)
                .withScorer(PASSAGE_SCORES);
    }
}
