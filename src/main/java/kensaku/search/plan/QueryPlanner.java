package kensaku.search.plan;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kensaku.analysis.JapaneseAnalyzers;
import kensaku.analysis.Kana;
import kensaku.index.Schema;
import org.apache.lucene.analysis.Analyzer;
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
import kensaku.search.SearchRequest;
import kensaku.search.SortOrder;
import kensaku.search.scoring.BestFieldQuery;
import kensaku.search.scoring.LazyProximityQuery;

/**
 * Turns a {@link SearchRequest} into Lucene queries. Pure: needs analyzers, not an index.
 *
 * <p>Each part of the user's query is searched in both analysed views of every text field, as a phrase (a
 * Japanese word run typed without spaces is one phrase), and the best field wins with a small share for the
 * others, with the weights of {@link Ranking}. When the part is one word to the morphological analyzer, its
 * bigram clauses score a constant ({@link BigramScoring}).
 */
public final class QueryPlanner {
    private static final float TIE_BREAKER = Ranking.TIE_BREAKER;
    private static final int PROXIMITY_SLOP = Ranking.PROXIMITY_SLOP;
    private static final Map<String, Float> PROXIMITY_FIELDS = Ranking.PROXIMITY_FIELDS;
    private static final Map<String, Float> MORPHOLOGICAL_FIELDS = Ranking.MORPHOLOGICAL_FIELDS;
    private static final Map<String, Float> BIGRAM_FIELDS = Ranking.BIGRAM_FIELDS;

    private final QueryBuilder morphological;
    private final Analyzer morphologicalQueryAnalyzer;
    private final QueryBuilder bigram;
    private final QueryBuilder reading;
    private final WordRuns wordRuns;
    private final FacetsConfig facetsConfig;
    private final ZoneId zone;
    /** Empty, or {@link Ranking#READING_FIELDS} in the planner {@link #withReadings} returns. */
    private final Map<String, Float> readingFields;

    public QueryPlanner(JapaneseAnalyzers analyzers, Schema schema) {
        this(analyzers, schema, Map.of());
    }

    private QueryPlanner(JapaneseAnalyzers analyzers, Schema schema, Map<String, Float> readingFields) {
        this.morphological = new QueryBuilder(analyzers.morphologicalQuery());
        this.morphologicalQueryAnalyzer = analyzers.morphologicalQuery();
        this.bigram = new QueryBuilder(analyzers.bigram());
        this.reading = new QueryBuilder(analyzers.readingQuery());
        this.wordRuns = new WordRuns(analyzers.morphological());
        this.facetsConfig = schema.facetsConfig();
        this.zone = schema.zone();
        this.readingFields = readingFields;
    }

    /**
     * The same planner, whose queries also search each kana part of the query in the reading views, at their lower
     * weight ({@link QueryReadings}); for a search the written form found few articles for.
     */
    public static QueryPlanner withReadings(JapaneseAnalyzers analyzers, Schema schema) {
        return new QueryPlanner(analyzers, schema, Ranking.READING_FIELDS);
    }

    /** The scoring query for the text alone, without filters. */
    public Query textQuery(String text) {
        return textQuery(text, true);
    }

    /**
     * The same search built of Lucene's own queries only ({@code DisjunctionMaxQuery}, {@code BooleanQuery}): what
     * {@link #textQuery} matches and scores like, bit for bit, with every clause evaluated for every match.
     */
    public Query plainTextQuery(String text) {
        return textQuery(text, false);
    }

    private Query textQuery(String text, boolean lazy) {
        UserQuery parsed = UserQuery.parse(text);
        if (parsed.isEmpty()) {
            return new MatchAllDocsQuery();
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        boolean anyRequired = false;
        for (List<UserQuery.Part> group : parsed.required()) {
            Query groupQuery = anyOf(group, lazy);
            if (groupQuery != null) {
                query.add(groupQuery, Occur.MUST);
                anyRequired = true;
            }
        }
        boolean anyExcluded = false;
        for (UserQuery.Part part : parsed.excluded()) {
            Query partQuery = partQuery(part, lazy);
            if (partQuery != null) {
                query.add(partQuery, Occur.MUST_NOT);
                anyExcluded = true;
            }
        }
        if (!anyRequired) {
            if (!anyExcluded) {
                // Only punctuation or symbols that no analyzer keeps: nothing can match them.
                return new MatchNoDocsQuery("no searchable words in the query");
            }
            query.add(new MatchAllDocsQuery(), Occur.MUST);
        }
        List<Query> proximity = anyRequired ? proximityClauses(parsed) : List.of();
        if (!lazy) {
            return new LazyProximityQuery(query.build(), proximity, TIE_BREAKER).plain();
        }
        return proximity.isEmpty() ? query.build() : new LazyProximityQuery(query.build(), proximity, TIE_BREAKER);
    }

    /**
     * What highlighting marks in one stored field ({@link Schema#TITLE} or {@link Schema#BODY}): each part of the
     * query that is not excluded, and each word run of an unquoted part, any of them, in that field and its bigram
     * view. So every word the article holds in that field is marked on its own (a title that holds only one of the
     * words still shows it), never the stretch between two words that the proximity clause matched, and the
     * highlighter looks up only that field's terms. Quoted parts stay whole phrases.
     */
    public Query highlightQuery(String text, String field) {
        Map<String, Float> morphologicalField = Map.of(field, MORPHOLOGICAL_FIELDS.get(field));
        String bigramField = Schema.TITLE.equals(field) ? Schema.TITLE_BIGRAM : Schema.BODY_BIGRAM;
        Map<String, Float> bigramFields = Map.of(bigramField, BIGRAM_FIELDS.get(bigramField));
        String readingField = Schema.TITLE.equals(field) ? Schema.TITLE_READING : Schema.BODY_READING;
        Map<String, Float> readings = readingFields.isEmpty() ? Map.of() : Map.of(readingField, readingFields.get(readingField));
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        boolean any = false;
        for (List<UserQuery.Part> group : UserQuery.parse(text).required()) {
            for (UserQuery.Part part : group) {
                Query asTyped = fieldsQuery(part.text(), morphologicalField, bigramFields, readings, false);
                if (asTyped == null) {
                    continue;
                }
                query.add(asTyped, Occur.SHOULD);
                any = true;
                List<String> runs = part.phrase() ? List.of() : wordRuns.of(part.text());
                for (String run : runs.size() < 2 ? List.<String>of() : runs) {
                    query.add(fieldsQuery(run, morphologicalField, bigramFields, readings, false), Occur.SHOULD);
                }
            }
        }
        return any ? query.build() : new MatchNoDocsQuery("nothing to highlight");
    }

    /** The required words as one sloppy phrase in title and in body; none for a single word. */
    private List<Query> proximityClauses(UserQuery parsed) {
        List<String> words = parsed.required().stream().filter(group -> group.size() == 1)
                .flatMap(group -> wordRuns.of(group.get(0).text()).stream()).map(QueryReadings::asWritten).toList();
        if (words.size() < 2 || words.size() > Ranking.PROXIMITY_MAX_WORDS) {
            return List.of();
        }
        List<Query> perField = new ArrayList<>();
        try {
            PROXIMITY_FIELDS.forEach((field, boost) -> addBoosted(perField,
                    morphological.createPhraseQuery(field, String.join(" ", words), PROXIMITY_SLOP), boost));
        } catch (IndexSearcher.TooManyClauses e) {
            return List.of(); // too many synonym paths: a scoring nicety, not worth the clauses
        }
        return perField;
    }

    /** The text query with the request's facet and date filters, ready for drill-sideways counting. */
    public DrillDownQuery drillDown(SearchRequest request, Query textQuery) {
        DrillDownQuery query = new DrillDownQuery(facetsConfig, textQuery);
        for (Filter filter : filters(request)) {
            query.add(filter.dim(), filter.query());
        }
        return query;
    }

    /** One facet dimension's filter: its selected values, any of them (or, for the month, the date range). */
    public record Filter(String dim, Query query) {}

    /**
     * The request's filters, one per dimension, as {@link #drillDown} adds them. The date range is filed under the
     * month dimension, so the month histogram is counted as if the range were off.
     */
    public List<Filter> filters(SearchRequest request) {
        List<Filter> filters = new ArrayList<>();
        addValues(filters, Schema.FACET_COMPANY, request.companies());
        addValues(filters, Schema.FACET_TAG, request.tags());
        addValues(filters, Schema.FACET_CATEGORY, request.categories());
        if (request.from() != null || request.to() != null) {
            filters.add(new Filter(Schema.FACET_MONTH, dateRange(request.from(), request.to())));
        }
        return filters;
    }

    private void addValues(List<Filter> filters, String dim, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        String field = facetsConfig.getDimConfig(dim).indexFieldName;
        BooleanQuery.Builder anyOf = new BooleanQuery.Builder();
        values.forEach(value -> anyOf.add(new TermQuery(DrillDownQuery.term(field, dim, value)), Occur.SHOULD));
        filters.add(new Filter(dim, anyOf.build()));
    }

    public Sort sort(SortOrder order) {
        SortField newestFirst = LongField.newSortField(Schema.DATE, true, SortedNumericSelector.Type.MIN, Long.MIN_VALUE);
        return switch (order) {
            case RELEVANCE -> new Sort(SortField.FIELD_SCORE, newestFirst);
            case DATE -> new Sort(newestFirst, SortField.FIELD_DOC);
            case DATE_ASC -> new Sort(
                    LongField.newSortField(Schema.DATE, false, SortedNumericSelector.Type.MIN, Long.MAX_VALUE),
                    SortField.FIELD_DOC);
        };
    }

    private Query dateRange(LocalDate from, LocalDate to) {
        long lower = from == null ? Long.MIN_VALUE : from.atStartOfDay(zone).toInstant().toEpochMilli();
        long upper = to == null ? Long.MAX_VALUE : to.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli() - 1;
        return LongField.newRangeQuery(Schema.DATE, lower, upper);
    }

    private Query anyOf(List<UserQuery.Part> group, boolean lazy) {
        List<Query> alternatives = new ArrayList<>();
        for (UserQuery.Part part : group) {
            Query query = partQuery(part, lazy);
            if (query != null) {
                alternatives.add(query);
            }
        }
        if (alternatives.size() <= 1) {
            return alternatives.isEmpty() ? null : alternatives.get(0);
        }
        BooleanQuery.Builder either = new BooleanQuery.Builder();
        alternatives.forEach(q -> either.add(q, Occur.SHOULD));
        return either.setMinimumNumberShouldMatch(1).build();
    }

    /**
     * One part: a quoted part or a single word run is matched as a phrase; an unquoted part with particles
     * (アマゾンの投資) needs each of its word runs, and matching it as typed only scores higher.
     */
    private Query partQuery(UserQuery.Part part, boolean lazy) {
        Query asTyped = fieldsQuery(part.text(), MORPHOLOGICAL_FIELDS, BIGRAM_FIELDS, readingFields, lazy);
        List<String> runs = part.phrase() || asTyped == null ? List.of() : wordRuns.of(part.text());
        if (runs.size() < 2) {
            return asTyped;
        }
        BooleanQuery.Builder eachRun = new BooleanQuery.Builder();
        for (String run : runs) {
            eachRun.add(fieldsQuery(run, MORPHOLOGICAL_FIELDS, BIGRAM_FIELDS, readingFields, lazy), Occur.MUST);
        }
        return eachRun.add(asTyped, Occur.SHOULD).build();
    }

    /**
     * A text in every field, best field wins; null when the analyzers keep nothing of it. Lazy: as a
     * {@link BestFieldQuery}, which leaves a clause's phrase check until the score is needed.
     */
    private Query fieldsQuery(String text, Map<String, Float> morphologicalFields, Map<String, Float> bigramFields,
            Map<String, Float> readingFields, boolean lazy) {
        List<Query> perField = new ArrayList<>();
        morphologicalFields.forEach((field, boost) ->
                addBoosted(perField, morphological.createPhraseQuery(field, text), boost));
        String katakana = QueryReadings.katakanaAlternative(morphologicalQueryAnalyzer, text);
        if (katakana != null) {
            morphologicalFields.forEach((field, boost) ->
                    addBoosted(perField, morphological.createPhraseQuery(field, katakana), boost));
        }
        if (QueryReadings.isReading(text)) {
            readingFields.forEach((field, boost) -> addBoosted(perField, reading.createPhraseQuery(field, text), boost));
        }
        boolean constant = BigramScoring.scoresConstant(morphologicalQueryAnalyzer, text);
        bigramFields.forEach((field, boost) -> {
            Query bigrams = bigramQuery(field, text);
            addBoosted(perField, bigrams != null && constant ? new ConstantScoreQuery(bigrams) : bigrams, boost);
        });
        if (perField.isEmpty()) {
            return null;
        }
        return lazy ? new BestFieldQuery(perField, TIE_BREAKER) : new DisjunctionMaxQuery(perField, TIE_BREAKER);
    }

    /** A lone CJK character has no bigram of its own: match the bigrams that start with it. */
    private Query bigramQuery(String field, String text) {
        String stripped = text.strip();
        if (stripped.codePointCount(0, stripped.length()) == 1 && isCjk(stripped.codePointAt(0))) {
            return new PrefixQuery(new Term(field, Kana.katakana(stripped)));
        }
        return bigram.createPhraseQuery(field, text);
    }

    private static boolean isCjk(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA;
    }

    private static void addBoosted(List<Query> target, Query query, float boost) {
        if (query != null) {
            target.add(new BoostQuery(query, boost));
        }
    }
}
