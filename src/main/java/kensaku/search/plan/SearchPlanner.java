package kensaku.search.plan;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.io.IOException;
import kensaku.analysis.JapaneseAnalyzers;
import kensaku.index.Schema;
import kensaku.search.SearchRequest;
import kensaku.search.SortOrder;
import kensaku.search.kana.QueryReadings;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;

/**
 * Turns a {@link SearchRequest} into its {@link SearchPlan}, once per request. Pure: needs analyzers (to split word
 * runs and to know what each analysed view keeps of a text), never an index or a cluster.
 *
 * <p>The query is parsed here and nowhere else. A query within {@link QueryLimit#MAX_WORDS} words whose search stays
 * within the clause limit is parsed once; only a longer one is cut word by word, each cut planned to count its
 * clauses, as {@link QueryLimit} describes. This is also where the other ways of reading the query are decided: a
 * kana phrase's katakana form (a field of its {@link SearchPlan.Phrase} that both renderers search), and the plans
 * for the query's romaji as kana ({@link #interpreted}) and its kana as the written words they stand for
 * ({@link #converted}).
 */
public final class SearchPlanner {
    private final Analyzer morphologicalQuery;
    private final Analyzer bigram;
    private final WordRuns wordRuns;
    private final ZoneId zone;
    private final LuceneQueries lucene;
    private final QueryLimit limit;

    public SearchPlanner(JapaneseAnalyzers analyzers, Schema schema) {
        this.morphologicalQuery = analyzers.morphologicalQuery();
        this.bigram = analyzers.bigram();
        this.wordRuns = new WordRuns(analyzers.morphological());
        this.zone = schema.zone();
        this.lucene = new LuceneQueries(analyzers, schema);
        this.limit = new QueryLimit(wordRuns, this::clauses);
    }

    /** The plan of one search: the query as searched (cut to the query limit), its filters, order, page and facets. */
    public SearchPlan plan(SearchRequest request) {
        String typed = request.query();
        Words words = words(typed);
        List<String> ignored = List.of();
        if (!limit.withinWords(typed) || !fits(words)) {
            QueryLimit.Limited limited = limit.apply(typed);
            if (!limited.kept().equals(typed)) {
                words = words(limited.kept());
            }
            ignored = limited.ignored();
        }
        SortOrder order = words.query().isEmpty() && request.sort() == SortOrder.RELEVANCE ? SortOrder.DATE : request.sort();
        return new SearchPlan(words.query(), ignored, words.parsed(), words.text(), words.highlights(),
                filters(request), order, new SearchPlan.Page(request.page(), request.size()), facets(request));
    }

    /**
     * The plan for a did-you-mean correction of this one: the corrected words under the same filters; empty when the
     * corrected words would exceed the clause limit (a word replaced by a company name expands to its synonyms).
     */
    public Optional<SearchPlan> corrected(SearchPlan plan, String correctedQuery) {
        Words words = words(correctedQuery);
        return fits(words) ? Optional.of(plan.withText(words.query(), List.of(), words.parsed(), words.text(),
                words.highlights())) : Optional.empty();
    }

    /**
     * The plan for another interpretation of this one's words ({@link ReadingFallback}: its romaji as kana), under the
     * same filters, keeping the words the query limit left out; empty when it would exceed the clause limit.
     */
    public Optional<SearchPlan> interpreted(SearchPlan plan, String alternativeQuery) {
        Words words = words(alternativeQuery);
        return fits(words) ? Optional.of(plan.withText(words.query(), plan.ignoredWords(), words.parsed(),
                words.text(), words.highlights())) : Optional.empty();
    }

    /**
     * As {@link #interpreted}, with each required part all in kana replaced by the written forms it may stand for,
     * any of them enough (はんどうたい とうし → 半導体 投資); a part with none stays as typed. Empty when no part has a
     * written form.
     */
    public Optional<SearchPlan> converted(SearchPlan plan, String alternativeQuery, WrittenForms writtenForms)
            throws IOException {
        UserQuery parsed = UserQuery.parse(alternativeQuery);
        List<List<UserQuery.Part>> required = new ArrayList<>();
        boolean converted = false;
        for (List<UserQuery.Part> group : parsed.required()) {
            List<UserQuery.Part> anyOf = new ArrayList<>();
            for (UserQuery.Part part : group) {
                List<String> forms = QueryReadings.isReading(part.text()) ? writtenForms.of(part.text()) : List.of();
                if (forms.isEmpty()) {
                    anyOf.add(part);
                } else {
                    converted = true;
                    forms.forEach(form -> anyOf.add(new UserQuery.Part(form, part.phrase())));
                }
            }
            required.add(anyOf);
        }
        return converted ? interpreted(plan, new UserQuery(required, parsed.excluded()).text()) : Optional.empty();
    }

    /** The written forms a part all in kana stands for, best first; empty when none is to be searched. */
    @FunctionalInterface
    public interface WrittenForms {
        List<String> of(String kanaPart) throws IOException;
    }

    /** The limit this planner cuts queries with; for its tests. */
    QueryLimit limit() {
        return limit;
    }

    private record Words(String query, UserQuery parsed, SearchPlan.Text text, List<SearchPlan.Phrase> highlights) {}

    private boolean fits(Words words) {
        try {
            return QueryLimit.countClauses(lucene.textQuery(words.text())) <= QueryLimit.MAX_CLAUSES;
        } catch (IndexSearcher.TooManyClauses e) {
            return false;
        }
    }

    /** How many leaf clauses the search for this text has; throws when Lucene's own limit is passed first. */
    private int clauses(String text) {
        return QueryLimit.countClauses(lucene.textQuery(words(text).text()));
    }

    /** The query's words planned. */
    private Words words(String query) {
        UserQuery parsed = UserQuery.parse(query);
        if (parsed.isEmpty()) {
            return new Words(query, parsed, SearchPlan.Text.ALL, List.of());
        }
        List<List<SearchPlan.Part>> required = new ArrayList<>();
        List<SearchPlan.Phrase> highlights = new ArrayList<>();
        List<String> proximity = new ArrayList<>();
        for (List<UserQuery.Part> group : parsed.required()) {
            List<SearchPlan.Part> anyOf = new ArrayList<>();
            for (UserQuery.Part typed : group) {
                List<String> runs = typed.phrase() && group.size() > 1 ? List.of() : wordRuns.of(typed.text());
                SearchPlan.Part part = part(typed, runs);
                if (part != null) {
                    anyOf.add(part);
                    // Each word on its own, so a title holding only one of them still shows it marked.
                    highlights.add(part.asTyped());
                    highlights.addAll(part.runs());
                }
                if (group.size() == 1) {
                    // Kuromoji reads a word typed in hiragana best in katakana (あんそろぴっく → アンソロピック).
                    runs.stream().map(QueryReadings::asWritten).forEach(proximity::add);
                }
            }
            if (!anyOf.isEmpty()) {
                required.add(anyOf);
            }
        }
        List<SearchPlan.Part> excluded = new ArrayList<>();
        for (UserQuery.Part typed : parsed.excluded()) {
            SearchPlan.Part part = part(typed, typed.phrase() ? List.of() : wordRuns.of(typed.text()));
            if (part != null) {
                excluded.add(part);
            }
        }
        if (required.isEmpty() && excluded.isEmpty()) {
            return new Words(query, parsed, SearchPlan.Text.NONE, List.of());
        }
        boolean scoreProximity = !required.isEmpty() && proximity.size() >= 2
                && proximity.size() <= Ranking.PROXIMITY_MAX_WORDS && keepsAnything(morphologicalQuery, String.join(" ", proximity));
        return new Words(query, parsed, new SearchPlan.Text(SearchPlan.Kind.WORDS, required, excluded,
                scoreProximity ? proximity : List.of()), highlights);
    }

    /** A part of the query with its word runs; null when no analyzer keeps anything of it. */
    private SearchPlan.Part part(UserQuery.Part typed, List<String> runs) {
        SearchPlan.Phrase asTyped = phrase(typed.text());
        if (!asTyped.searchable()) {
            return null;
        }
        List<SearchPlan.Phrase> searched = typed.phrase() || runs.size() < 2 ? List.of()
                : runs.stream().map(this::phrase).toList();
        return new SearchPlan.Part(asTyped, typed.phrase(), searched);
    }

    private SearchPlan.Phrase phrase(String text) {
        boolean morphological = keepsAnything(morphologicalQuery, text);
        String stripped = text.strip();
        SearchPlan.Bigrams bigrams;
        if (stripped.codePointCount(0, stripped.length()) == 1 && isCjk(stripped.codePointAt(0))) {
            bigrams = SearchPlan.Bigrams.PREFIX;
        } else {
            bigrams = keepsAnything(bigram, text) ? SearchPlan.Bigrams.PHRASE : SearchPlan.Bigrams.NONE;
        }
        boolean oneWord = bigrams != SearchPlan.Bigrams.NONE && BigramScoring.scoresConstant(morphologicalQuery, text);
        String katakana = QueryReadings.katakanaAlternative(morphologicalQuery, text);
        if (katakana != null && !keepsAnything(morphologicalQuery, katakana)) {
            katakana = null;
        }
        return new SearchPlan.Phrase(text, morphological, bigrams, oneWord, katakana);
    }

    /** The request's filters, one per dimension; the date range is filed under the month. */
    private List<SearchPlan.Filter> filters(SearchRequest request) {
        List<SearchPlan.Filter> filters = new ArrayList<>();
        addValues(filters, Schema.FACET_COMPANY, request.companies());
        addValues(filters, Schema.FACET_TAG, request.tags());
        addValues(filters, Schema.FACET_CATEGORY, request.categories());
        if (request.from() != null || request.to() != null) {
            filters.add(new SearchPlan.Dates(startOf(request.from()), endOf(request.to())));
        }
        return filters;
    }

    private static void addValues(List<SearchPlan.Filter> filters, String dim, List<String> values) {
        if (!values.isEmpty()) {
            filters.add(new SearchPlan.AnyOf(dim, values));
        }
    }

    private Long startOf(LocalDate from) {
        return from == null ? null : from.atStartOfDay(zone).toInstant().toEpochMilli();
    }

    private Long endOf(LocalDate to) {
        return to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli() - 1;
    }

    /** The facets a response shows, in order, with the values the request selected (the month by its date range). */
    private static List<SearchPlan.Facet> facets(SearchRequest request) {
        List<SearchPlan.Facet> facets = new ArrayList<>();
        for (String dim : FacetLimits.SHOWN) {
            List<String> selected = switch (dim) {
                case Schema.FACET_COMPANY -> request.companies();
                case Schema.FACET_TAG -> request.tags();
                case Schema.FACET_CATEGORY -> request.categories();
                default -> List.of();
            };
            facets.add(new SearchPlan.Facet(dim, selected, FacetLimits.LIMITS.get(dim)));
        }
        return facets;
    }

    private static boolean keepsAnything(Analyzer analyzer, String text) {
        return !JapaneseAnalyzers.terms(analyzer, "", text).isEmpty();
    }

    private static boolean isCjk(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA;
    }
}
