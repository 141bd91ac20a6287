package kensaku.search.plan;

import java.util.List;
import java.util.Objects;
import kensaku.index.Schema;
import kensaku.search.SortOrder;

/**
 * Everything one search asks, decided once by {@link SearchPlanner} and read by both engines: the words as parsed,
 * split and analysed, the filters by facet dimension, the order, the page, what to highlight and which facets to
 * count. Renderers translate it clause for clause ({@link LuceneQueries} for the embedded index,
 * {@code opensearch.ClusterQueries} for the cluster) and decide nothing of their own; {@link SearchPipeline} assembles
 * the answer from it. Immutable, and it holds no Lucene object, so it can be logged, compared and tested as data.
 *
 * @param query          the query text as searched: what {@link QueryLimit} kept of the one typed
 * @param ignoredWords   the words beyond the query limit, as typed; not searched, named in the response
 * @param parsed         the query's syntax ({@link UserQuery#parse}, run once per request, here)
 * @param text           what the text query matches and how it scores
 * @param highlightTerms what highlighting marks in a title or body, each on its own, in query order
 * @param filters        one per filtered dimension, in the order company, tag, category, month (the date range)
 * @param sort           the order of the hits; a search without words is browsed newest first
 * @param page           which hits the response shows
 * @param facets         the facets the response counts, in the order shown, each with its selected values
 */
public record SearchPlan(String query, List<String> ignoredWords, UserQuery parsed, Text text,
                         List<Phrase> highlightTerms, List<Filter> filters, SortOrder sort, Page page,
                         List<Facet> facets) {
    public SearchPlan {
        Objects.requireNonNull(query, "query");
        ignoredWords = List.copyOf(ignoredWords);
        highlightTerms = List.copyOf(highlightTerms);
        filters = List.copyOf(filters);
        facets = List.copyOf(facets);
    }

    public boolean hasQuery() {
        return !query.isEmpty();
    }

    /**
     * The same search for other words (a did-you-mean correction, or the query's kana converted or romaji, under the same
     * filters), naming the words the query limit left out of this one ({@code ignored}).
     */
    SearchPlan withText(String otherQuery, List<String> ignored, UserQuery otherParsed, Text otherText,
                        List<Phrase> otherHighlights) {
        return new SearchPlan(otherQuery, ignored, otherParsed, otherText, otherHighlights, filters, sort, page, facets);
    }

    /**
     * The text query. {@link Kind#ALL} for a search without words, {@link Kind#NONE} when no analyzer keeps anything
     * of them (only punctuation or symbols): nothing can match.
     *
     * @param required  each group must match, by any of its parts (one part unless the user wrote OR)
     * @param excluded  parts that must not match
     * @param proximity the required words, each word run on its own, to score again as one sloppy phrase in title
     *                  and body; empty for a single word, beyond {@link Ranking#PROXIMITY_MAX_WORDS}, or when the
     *                  morphological analyzer keeps nothing of them
     */
    public record Text(Kind kind, List<List<Part>> required, List<Part> excluded, List<String> proximity) {
        public Text {
            required = required.stream().map(List::copyOf).toList();
            excluded = List.copyOf(excluded);
            proximity = List.copyOf(proximity);
        }

        static final Text ALL = new Text(Kind.ALL, List.of(), List.of(), List.of());
        static final Text NONE = new Text(Kind.NONE, List.of(), List.of(), List.of());
    }

    public enum Kind { ALL, NONE, WORDS }

    /**
     * One part of the query some analyzer keeps something of. A quoted part, or an unquoted one that is a single word
     * run, is one phrase ({@code asTyped}); an unquoted part with particles (アマゾンの投資) needs each of its word
     * runs, and matching it as typed only scores higher.
     *
     * @param runs the word runs searched on their own: two or more, or none
     */
    public record Part(Phrase asTyped, boolean quoted, List<Phrase> runs) {
        public Part {
            runs = List.copyOf(runs);
        }
    }

    /**
     * A text searched as a phrase in every text field, best field winning, with what each analysed view keeps of it
     * decided here: both renderers follow it, so they never disagree on which clauses exist.
     *
     * @param morphological whether the morphological query analyzer keeps anything of it (if not, no such clauses)
     * @param bigrams       how the bigram fields search it
     * @param oneWord       the morphological analyzer reads it as one word (synonyms allowed): its bigram clauses
     *                      score a constant ({@link BigramScoring})
     * @param katakana      the text in katakana, searched too in the morphological fields, when it is kana with some
     *                      hiragana the morphological analyzer reads differently in katakana
     *                      ({@link QueryReadings#katakanaAlternative}); null when there is none
     */
    public record Phrase(String text, boolean morphological, Bigrams bigrams, boolean oneWord, String katakana) {
        /** A phrase with no katakana form. */
        public Phrase(String text, boolean morphological, Bigrams bigrams, boolean oneWord) {
            this(text, morphological, bigrams, oneWord, null);
        }

        public boolean searchable() {
            return morphological || bigrams != Bigrams.NONE || katakana != null;
        }
    }

    /** How the bigram fields search a phrase. */
    public enum Bigrams {
        /** The bigram analyzer keeps nothing of it: no bigram clauses. */
        NONE,
        /** A phrase of its bigrams. */
        PHRASE,
        /** A lone CJK character has no bigram of its own: the bigrams that start with it. */
        PREFIX
    }

    /** One facet dimension's filter; values of one dimension are ORed, dimensions ANDed. */
    public sealed interface Filter {
        String dim();
    }

    /** Any of the selected values of a facet dimension (company, tag, category). */
    public record AnyOf(String dim, List<String> values) implements Filter {
        public AnyOf {
            values = List.copyOf(values);
        }
    }

    /**
     * The date range, epoch milliseconds inclusive, a null bound open; filed under the month dimension, so the month
     * histogram is counted as if the range were off.
     */
    public record Dates(Long fromMillis, Long toMillis) implements Filter {
        @Override
        public String dim() {
            return Schema.FACET_MONTH;
        }
    }

    /** The hits shown: {@code size} of them from the 1-based page {@code number}. */
    public record Page(int number, int size) {
        /** Hits skipped before the page. */
        public int from() {
            return (number - 1) * size;
        }

        /** Hits ranked to reach the end of the page. */
        public int depth() {
            return number * size;
        }
    }

    /**
     * A facet the response counts: its top {@code limit} values by count, plus each selected value whatever its rank
     * (so it can be unticked).
     */
    public record Facet(String dim, List<String> selected, int limit) {
        public Facet {
            selected = List.copyOf(selected);
        }
    }
}
