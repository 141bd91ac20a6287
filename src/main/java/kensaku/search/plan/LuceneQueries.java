package kensaku.search.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kensaku.analysis.JapaneseAnalyzers;
import kensaku.analysis.Kana;
import kensaku.index.Schema;
import org.apache.lucene.document.LongField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import kensaku.search.scoring.BestFieldQuery;
import kensaku.search.scoring.LazyProximityQuery;

/**
 * Renders a {@link SearchPlan} as Lucene queries, node for node; it decides nothing the plan has not. Each phrase is
 * searched in both analysed views of every text field, the best field winning with a small share for the others,
 * with the weights of {@link Ranking}.
 *
 * <p>It lives with the plan, not in the embedded engine, because three engine-neutral readers need Lucene queries:
 * the query limit (Lucene's clause limit, which a cluster shard enforces with the same query builder), the
 * highlighter both engines share, and the embedded engine itself. The cluster backend renders plans as JSON
 * ({@code opensearch.ClusterQueries}) and never uses this class (ArchitectureTest).
 */
public final class LuceneQueries {
    private static final float TIE_BREAKER = Ranking.TIE_BREAKER;
    private static final Map<String, Float> MORPHOLOGICAL_FIELDS = Ranking.MORPHOLOGICAL_FIELDS;
    private static final Map<String, Float> BIGRAM_FIELDS = Ranking.BIGRAM_FIELDS;

    private final QueryBuilder morphological;
    private final QueryBuilder bigram;
    private final FacetsConfig facetsConfig;

    public LuceneQueries(JapaneseAnalyzers analyzers, Schema schema) {
        this.morphological = new QueryBuilder(analyzers.morphologicalQuery());
        this.bigram = new QueryBuilder(analyzers.bigram());
        this.facetsConfig = schema.facetsConfig();
    }

    /** The scoring query for the plan's words alone, without filters. */
    public Query textQuery(SearchPlan plan) {
        return textQuery(plan.text(), true);
    }

    /**
     * The same search built of Lucene's own queries only ({@code DisjunctionMaxQuery}, {@code BooleanQuery}): what
     * {@link #textQuery} matches and scores like, bit for bit, with every clause evaluated for every match.
     */
    public Query plainTextQuery(SearchPlan plan) {
        return textQuery(plan.text(), false);
    }

    Query textQuery(SearchPlan.Text text) {
        return textQuery(text, true);
    }

    private Query textQuery(SearchPlan.Text text, boolean lazy) {
        switch (text.kind()) {
            case ALL -> {
                return new MatchAllDocsQuery();
            }
            case NONE -> {
                // Only punctuation or symbols that no analyzer keeps: nothing can match them.
                return new MatchNoDocsQuery("no searchable words in the query");
            }
            default -> { }
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (List<SearchPlan.Part> group : text.required()) {
            query.add(anyOf(group, lazy), Occur.MUST);
        }
        for (SearchPlan.Part part : text.excluded()) {
            query.add(partQuery(part, lazy), Occur.MUST_NOT);
        }
        if (text.required().isEmpty()) {
            query.add(new MatchAllDocsQuery(), Occur.MUST);
        }
        List<Query> proximity = proximityClauses(text.proximity());
        if (!lazy) {
            return new LazyProximityQuery(query.build(), proximity, TIE_BREAKER).plain();
        }
        return proximity.isEmpty() ? query.build() : new LazyProximityQuery(query.build(), proximity, TIE_BREAKER);
    }

    /**
     * What highlighting marks in one stored field ({@link Schema#TITLE} or {@link Schema#BODY}): each of the plan's
     * highlight terms, any of them, in that field and its bigram view. So every word the article holds in that field
     * is marked on its own (a title that holds only one of the words still shows it), never the stretch between two
     * words that the proximity clause matched, and the highlighter looks up only that field's terms. Quoted parts
     * stay whole phrases.
     */
    public Query highlightQuery(SearchPlan plan, String field) {
        Map<String, Float> morphologicalField = Map.of(field, MORPHOLOGICAL_FIELDS.get(field));
        String bigramField = Schema.TITLE.equals(field) ? Schema.TITLE_BIGRAM : Schema.BODY_BIGRAM;
        Map<String, Float> bigramFields = Map.of(bigramField, BIGRAM_FIELDS.get(bigramField));
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        boolean any = false;
        for (SearchPlan.Phrase term : plan.highlightTerms()) {
            Query marked = fieldsQuery(term, morphologicalField, bigramFields, false);
            if (marked != null) {
                query.add(marked, Occur.SHOULD);
                any = true;
            }
        }
        return any ? query.build() : new MatchNoDocsQuery("nothing to highlight");
    }

    /** The required words as one sloppy phrase in title and in body; none for a single word. */
    private List<Query> proximityClauses(List<String> words) {
        if (words.isEmpty()) {
            return List.of();
        }
        List<Query> perField = new ArrayList<>();
        try {
            Ranking.PROXIMITY_FIELDS.forEach((field, boost) -> addBoosted(perField,
                    morphological.createPhraseQuery(field, String.join(" ", words), Ranking.PROXIMITY_SLOP), boost));
        } catch (IndexSearcher.TooManyClauses e) {
            return List.of(); // too many synonym paths: a scoring nicety, not worth the clauses
        }
        return perField;
    }

    /** The plan's words with its facet and date filters, ready for drill-sideways counting. */
    public DrillDownQuery drillDown(SearchPlan plan, Query textQuery) {
        DrillDownQuery query = new DrillDownQuery(facetsConfig, textQuery);
        for (Filter filter : filters(plan)) {
            query.add(filter.dim(), filter.query());
        }
        return query;
    }

    /** One facet dimension's filter: its selected values, any of them (or, for the month, the date range). */
    public record Filter(String dim, Query query) {}

    /** The plan's filters, one per dimension, as {@link #drillDown} adds them. */
    public List<Filter> filters(SearchPlan plan) {
        List<Filter> filters = new ArrayList<>();
        for (SearchPlan.Filter filter : plan.filters()) {
            filters.add(new Filter(filter.dim(), switch (filter) {
                case SearchPlan.AnyOf values -> anyOf(values);
                case SearchPlan.Dates dates -> LongField.newRangeQuery(Schema.DATE,
                        dates.fromMillis() == null ? Long.MIN_VALUE : dates.fromMillis(),
                        dates.toMillis() == null ? Long.MAX_VALUE : dates.toMillis());
            }));
        }
        return filters;
    }

    private Query anyOf(SearchPlan.AnyOf filter) {
        String field = facetsConfig.getDimConfig(filter.dim()).indexFieldName;
        BooleanQuery.Builder anyOf = new BooleanQuery.Builder();
        filter.values().forEach(value ->
                anyOf.add(new TermQuery(DrillDownQuery.term(field, filter.dim(), value)), Occur.SHOULD));
        return anyOf.build();
    }

    /** The plan's order; ties fall to index order. */
    public Sort sort(SearchPlan plan) {
        SortField newestFirst = LongField.newSortField(Schema.DATE, true, SortedNumericSelector.Type.MIN, Long.MIN_VALUE);
        return switch (plan.sort()) {
            case RELEVANCE -> new Sort(SortField.FIELD_SCORE, newestFirst);
            case DATE -> new Sort(newestFirst, SortField.FIELD_DOC);
            case DATE_ASC -> new Sort(
                    LongField.newSortField(Schema.DATE, false, SortedNumericSelector.Type.MIN, Long.MAX_VALUE),
                    SortField.FIELD_DOC);
        };
    }

    private Query anyOf(List<SearchPlan.Part> group, boolean lazy) {
        if (group.size() == 1) {
            return partQuery(group.get(0), lazy);
        }
        BooleanQuery.Builder either = new BooleanQuery.Builder();
        group.forEach(part -> either.add(partQuery(part, lazy), Occur.SHOULD));
        return either.setMinimumNumberShouldMatch(1).build();
    }

    /** A part: its phrase as typed, or each of its word runs with the phrase as typed scoring higher. */
    private Query partQuery(SearchPlan.Part part, boolean lazy) {
        Query asTyped = fieldsQuery(part.asTyped(), MORPHOLOGICAL_FIELDS, BIGRAM_FIELDS, lazy);
        if (part.runs().isEmpty()) {
            return asTyped;
        }
        BooleanQuery.Builder eachRun = new BooleanQuery.Builder();
        for (SearchPlan.Phrase run : part.runs()) {
            Query runQuery = fieldsQuery(run, MORPHOLOGICAL_FIELDS, BIGRAM_FIELDS, lazy);
            if (runQuery != null) {
                eachRun.add(runQuery, Occur.MUST);
            }
        }
        return eachRun.add(asTyped, Occur.SHOULD).build();
    }

    /**
     * A phrase in every field, best field wins; null when the analyzers keep nothing of it. Its katakana form goes to
     * the morphological fields too. Lazy: as a {@link BestFieldQuery},
     * which leaves a clause's phrase check until the score is needed.
     */
    private Query fieldsQuery(SearchPlan.Phrase phrase, Map<String, Float> morphologicalFields,
                              Map<String, Float> bigramFields, boolean lazy) {
        List<Query> perField = new ArrayList<>();
        if (phrase.morphological()) {
            morphologicalFields.forEach((field, boost) ->
                    addBoosted(perField, morphological.createPhraseQuery(field, phrase.text()), boost));
        }
        if (phrase.katakana() != null) {
            morphologicalFields.forEach((field, boost) ->
                    addBoosted(perField, morphological.createPhraseQuery(field, phrase.katakana()), boost));
        }
        if (phrase.bigrams() != SearchPlan.Bigrams.NONE) {
            bigramFields.forEach((field, boost) -> {
                Query bigrams = phrase.bigrams() == SearchPlan.Bigrams.PREFIX
                        // The bigram view folds kana to katakana: so must the prefix of a lone kana.
                        ? new PrefixQuery(new Term(field, Kana.katakana(phrase.text().strip())))
                        : bigram.createPhraseQuery(field, phrase.text());
                addBoosted(perField, bigrams != null && phrase.oneWord() ? new ConstantScoreQuery(bigrams) : bigrams,
                        boost);
            });
        }
        if (perField.isEmpty()) {
            return null;
        }
        return lazy ? new BestFieldQuery(perField, TIE_BREAKER) : new DisjunctionMaxQuery(perField, TIE_BREAKER);
    }

    private static void addBoosted(List<Query> target, Query query, float boost) {
        if (query != null) {
            target.add(new BoostQuery(query, boost));
        }
    }
}
