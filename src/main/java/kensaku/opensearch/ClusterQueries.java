package kensaku.opensearch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kensaku.analysis.JapaneseAnalyzers;
import kensaku.analysis.Kana;
import kensaku.index.Schema;
import kensaku.search.plan.FacetLimits;
import kensaku.search.plan.BigramScoring;
import kensaku.search.plan.QueryReadings;
import kensaku.search.plan.Ranking;
import kensaku.search.SearchRequest;
import kensaku.search.SortOrder;
import kensaku.search.plan.UserQuery;
import kensaku.search.Visibility;
import kensaku.search.plan.WordRuns;

/**
 * Turns a {@link SearchRequest} into OpenSearch query DSL with the embedded planner's structure: every part of
 * the user's query as a phrase in both analysed views of every text field ({@code match_phrase}, which runs
 * Lucene's own QueryBuilder on the shard with the same analyzers), best field wins ({@code dis_max}, the same tie
 * breaker and boosts), particles split word runs, a sloppy phrase of all words scores extra. Facet filters go in
 * {@code post_filter} and each facet is counted under every filter but its own, which is what drill-sideways
 * counts in the embedded index. Pure: needs analyzers (to drop parts no analyzer keeps, as the embedded planner
 * does), not a cluster.
 */
final class ClusterQueries {
    private static final float TIE_BREAKER = Ranking.TIE_BREAKER;
    private static final int PROXIMITY_SLOP = Ranking.PROXIMITY_SLOP;
    private static final Map<String, Float> PROXIMITY_FIELDS = Ranking.PROXIMITY_FIELDS;
    private static final Map<String, Float> MORPHOLOGICAL_FIELDS = Ranking.MORPHOLOGICAL_FIELDS;
    private static final Map<String, Float> BIGRAM_FIELDS = Ranking.BIGRAM_FIELDS;
    static final String SELECTED = "selected";

    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private final JapaneseAnalyzers analyzers;
    private final WordRuns wordRuns;
    private final ZoneId zone;

    /** Empty, or {@link Ranking#READING_FIELDS} in the queries {@link #withReadings} returns. */
    private final Map<String, Float> readingFields;

    ClusterQueries(JapaneseAnalyzers analyzers, ZoneId zone) {
        this(analyzers, zone, Map.of());
    }

    private ClusterQueries(JapaneseAnalyzers analyzers, ZoneId zone, Map<String, Float> readingFields) {
        this.analyzers = analyzers;
        this.wordRuns = new WordRuns(analyzers.morphological());
        this.zone = zone;
        this.readingFields = readingFields;
    }

    /** The same queries, each kana part also searched in the reading views, as {@code QueryPlanner.withReadings}. */
    ClusterQueries withReadings() {
        return new ClusterQueries(analyzers, zone, Ranking.READING_FIELDS);
    }

    /**
     * The articles hidden at this moment, as the embedded index's {@code PublishingBounds} hides them: scheduled
     * ones before their publish time (unless the server previews them), expired ones, and drafts of a preview build
     * (unless the server previews them).
     */
    ObjectNode hiddenAt(Instant now, Visibility visibility) {
        ObjectNode hidden = nodes.objectNode();
        ArrayNode any = hidden.putObject("bool").putArray("should");
        long millis = now.toEpochMilli();
        if (!visibility.includeFuture()) {
            any.addObject().putObject("range").putObject(Schema.PUBLISH_AT).put("gt", millis);
        }
        any.addObject().putObject("range").putObject(Schema.EXPIRE_AT).put("lte", millis);
        if (!visibility.includeDrafts()) {
            any.addObject().putObject("term").put(Schema.DRAFT, Schema.DRAFT_VALUE);
        }
        return hidden;
    }

    /** The query without the articles hidden at this moment. */
    ObjectNode visible(ObjectNode query, Instant now, Visibility visibility) {
        ObjectNode shown = nodes.objectNode();
        ObjectNode bool = shown.putObject("bool");
        bool.withArray("must").add(query);
        bool.withArray("must_not").add(hiddenAt(now, visibility));
        return shown;
    }

    /** The whole search body: query, post filter, facet aggregations, sort and the page. */
    ObjectNode searchBody(SearchRequest request, SortOrder order, Instant now, Visibility visibility) {
        ObjectNode body = nodes.objectNode();
        body.put("from", (request.page() - 1) * request.size());
        body.put("size", request.size());
        body.put("track_total_hits", true);
        body.put("track_scores", true);
        body.put("timeout", "2s");
        body.set("query", visible(textQuery(request.query()), now, visibility));
        Map<String, ObjectNode> filters = filters(request);
        if (!filters.isEmpty()) {
            body.set("post_filter", allOf(new ArrayList<>(filters.values())));
        }
        ObjectNode aggs = body.putObject("aggs");
        facetAgg(aggs, Schema.FACET_COMPANY, request.companies(), filters);
        facetAgg(aggs, Schema.FACET_TAG, request.tags(), filters);
        facetAgg(aggs, Schema.FACET_CATEGORY, request.categories(), filters);
        ObjectNode histogram = nodes.objectNode();
        histogram.putObject("date_histogram").put("field", Schema.DATE).put("calendar_interval", "month")
                .put("time_zone", zone.getId()).put("format", "yyyy-MM").put("min_doc_count", 1);
        aggs.set(Schema.FACET_MONTH, sideways(Schema.FACET_MONTH, filters, histogram));
        body.set("sort", sort(order));
        ArrayNode source = body.putArray("_source");
        for (String field : List.of(Schema.ID, Schema.TITLE, Schema.DATE, ClusterSchema.TAGS, ClusterSchema.CATEGORIES,
                ClusterSchema.COMPANIES, ClusterSchema.AUTHOR, Schema.EXCERPT, Schema.BODY,
                Schema.PAGE_URL, Schema.SLUG, Schema.PUBLISH_AT, Schema.DRAFT)) {
            source.add(field);
        }
        return body;
    }

    /** A count of what another text finds under the same filters (for did-you-mean). */
    ObjectNode countBody(SearchRequest request, String text, Instant now, Visibility visibility) {
        ObjectNode body = nodes.objectNode();
        ObjectNode bool = body.putObject("query").putObject("bool");
        bool.withArray("must").add(textQuery(text));
        bool.withArray("must_not").add(hiddenAt(now, visibility));
        filters(request).values().forEach(bool.withArray("filter")::add);
        return body;
    }

    /**
     * Spelling suggestions for the query's words from the cluster's term dictionaries (body, then title), with
     * the settings of the embedded {@code DidYouMean} (rules in {@code Corrections}): Lucene's DirectSpellChecker behind both.
     */
    ObjectNode suggestBody(String text, int minWordChars) {
        ObjectNode body = nodes.objectNode();
        body.put("size", 0);
        ObjectNode suggest = body.putObject("suggest");
        suggest.put("text", text);
        for (String field : List.of(Schema.BODY, Schema.TITLE)) {
            suggest.putObject(field).putObject("term").put("field", field).put("analyzer", ClusterSchema.MORPHOLOGICAL)
                    .put("suggest_mode", "missing").put("min_word_length", minWordChars).put("size", 1)
                    .put("max_edits", 2).put("prefix_length", 1).put("sort", "score");
        }
        return body;
    }

    /** Whether any title or body of an article shown now holds the word (as the analyzer indexes it). */
    ObjectNode knownWordBody(String term, Instant now, Visibility visibility) {
        ObjectNode body = nodes.objectNode();
        ObjectNode holding = nodes.objectNode();
        ObjectNode bool = holding.putObject("bool");
        for (String field : List.of(Schema.BODY, Schema.TITLE)) {
            bool.withArray("should").addObject().putObject("term").put(field, term);
        }
        body.set("query", visible(holding, now, visibility));
        return body;
    }

    /** The scoring query for the text alone, as {@code QueryPlanner.textQuery}. */
    ObjectNode textQuery(String text) {
        UserQuery parsed = UserQuery.parse(text);
        if (parsed.isEmpty()) {
            return matchAll();
        }
        ObjectNode bool = nodes.objectNode();
        ObjectNode clauses = bool.putObject("bool");
        boolean anyRequired = false;
        for (List<UserQuery.Part> group : parsed.required()) {
            ObjectNode groupQuery = anyOf(group);
            if (groupQuery != null) {
                clauses.withArray("must").add(groupQuery);
                anyRequired = true;
            }
        }
        ObjectNode proximity = proximityQuery(parsed);
        if (proximity != null && anyRequired) {
            clauses.withArray("should").add(proximity);
        }
        boolean anyExcluded = false;
        for (UserQuery.Part part : parsed.excluded()) {
            ObjectNode partQuery = partQuery(part);
            if (partQuery != null) {
                clauses.withArray("must_not").add(partQuery);
                anyExcluded = true;
            }
        }
        if (!anyRequired) {
            if (!anyExcluded) {
                ObjectNode none = nodes.objectNode();
                none.putObject("match_none");
                return none;
            }
            clauses.withArray("must").add(matchAll());
        }
        return bool;
    }

    private ObjectNode proximityQuery(UserQuery parsed) {
        List<String> words = parsed.required().stream().filter(group -> group.size() == 1)
                .flatMap(group -> wordRuns.of(group.get(0).text()).stream()).map(QueryReadings::asWritten).toList();
        if (words.size() < 2 || words.size() > Ranking.PROXIMITY_MAX_WORDS) {
            return null;
        }
        String joined = String.join(" ", words);
        List<ObjectNode> perField = new ArrayList<>();
        if (keepsAnything(analyzers.morphologicalQuery(), joined)) {
            PROXIMITY_FIELDS.forEach((field, boost) ->
                    perField.add(phrase(field, joined, ClusterSchema.MORPHOLOGICAL_QUERY, PROXIMITY_SLOP, boost)));
        }
        return perField.isEmpty() ? null : disMax(perField);
    }

    private ObjectNode anyOf(List<UserQuery.Part> group) {
        List<ObjectNode> alternatives = new ArrayList<>();
        for (UserQuery.Part part : group) {
            ObjectNode query = partQuery(part);
            if (query != null) {
                alternatives.add(query);
            }
        }
        if (alternatives.size() <= 1) {
            return alternatives.isEmpty() ? null : alternatives.get(0);
        }
        ObjectNode either = nodes.objectNode();
        ObjectNode bool = either.putObject("bool");
        alternatives.forEach(bool.withArray("should")::add);
        bool.put("minimum_should_match", 1);
        return either;
    }

    private ObjectNode partQuery(UserQuery.Part part) {
        ObjectNode asTyped = fieldsQuery(part.text());
        List<String> runs = part.phrase() || asTyped == null ? List.of() : wordRuns.of(part.text());
        if (runs.size() < 2) {
            return asTyped;
        }
        ObjectNode eachRun = nodes.objectNode();
        ObjectNode bool = eachRun.putObject("bool");
        for (String run : runs) {
            bool.withArray("must").add(fieldsQuery(run));
        }
        bool.withArray("should").add(asTyped);
        return eachRun;
    }

    private ObjectNode fieldsQuery(String text) {
        List<ObjectNode> perField = new ArrayList<>();
        if (keepsAnything(analyzers.morphologicalQuery(), text)) {
            MORPHOLOGICAL_FIELDS.forEach((field, boost) ->
                    perField.add(phrase(field, text, ClusterSchema.MORPHOLOGICAL_QUERY, 0, boost)));
        }
        String katakana = QueryReadings.katakanaAlternative(analyzers.morphologicalQuery(), text);
        if (katakana != null && keepsAnything(analyzers.morphologicalQuery(), katakana)) {
            MORPHOLOGICAL_FIELDS.forEach((field, boost) ->
                    perField.add(phrase(field, katakana, ClusterSchema.MORPHOLOGICAL_QUERY, 0, boost)));
        }
        if (QueryReadings.isReading(text) && keepsAnything(analyzers.readingQuery(), text)) {
            readingFields.forEach((field, boost) ->
                    perField.add(phrase(field, text, ClusterSchema.READING_QUERY, 0, boost)));
        }
        boolean constant = BigramScoring.scoresConstant(analyzers.morphologicalQuery(), text);
        BIGRAM_FIELDS.forEach((field, boost) -> {
            ObjectNode query = bigramQuery(field, text, boost, constant);
            if (query != null) {
                perField.add(query);
            }
        });
        return perField.isEmpty() ? null : disMax(perField);
    }

    private ObjectNode bigramQuery(String field, String text, float boost, boolean constant) {
        String stripped = text.strip();
        if (stripped.codePointCount(0, stripped.length()) == 1 && isCjk(stripped.codePointAt(0))) {
            ObjectNode prefix = nodes.objectNode();
            prefix.putObject("prefix").putObject(field).put("value", Kana.katakana(stripped)).put("boost", boost);
            return prefix;
        }
        if (!keepsAnything(analyzers.bigram(), text)) {
            return null;
        }
        if (!constant) {
            return phrase(field, text, ClusterSchema.BIGRAM, 0, boost);
        }
        ObjectNode scored = nodes.objectNode();
        ObjectNode options = scored.putObject("constant_score");
        options.set("filter", phrase(field, text, ClusterSchema.BIGRAM, 0, 1.0f));
        options.put("boost", boost);
        return scored;
    }

    private ObjectNode phrase(String field, String text, String analyzer, int slop, float boost) {
        ObjectNode query = nodes.objectNode();
        ObjectNode options = query.putObject("match_phrase").putObject(field);
        options.put("query", text).put("analyzer", analyzer).put("boost", boost);
        if (slop > 0) {
            options.put("slop", slop);
        }
        return query;
    }

    private ObjectNode disMax(List<ObjectNode> queries) {
        ObjectNode query = nodes.objectNode();
        ObjectNode disMax = query.putObject("dis_max");
        disMax.put("tie_breaker", TIE_BREAKER);
        queries.forEach(disMax.withArray("queries")::add);
        return query;
    }

    /** The request's filters by facet dimension; the date range is filed under the month, as in the embedded index. */
    private Map<String, ObjectNode> filters(SearchRequest request) {
        Map<String, ObjectNode> filters = new java.util.LinkedHashMap<>();
        termsFilter(filters, Schema.FACET_COMPANY, request.companies());
        termsFilter(filters, Schema.FACET_TAG, request.tags());
        termsFilter(filters, Schema.FACET_CATEGORY, request.categories());
        if (request.from() != null || request.to() != null) {
            ObjectNode range = nodes.objectNode();
            ObjectNode bounds = range.putObject("range").putObject(Schema.DATE);
            if (request.from() != null) {
                bounds.put("gte", lowerMillis(request.from()));
            }
            if (request.to() != null) {
                bounds.put("lte", upperMillis(request.to()));
            }
            filters.put(Schema.FACET_MONTH, range);
        }
        return filters;
    }

    private long lowerMillis(LocalDate from) {
        return from.atStartOfDay(zone).toInstant().toEpochMilli();
    }

    private long upperMillis(LocalDate to) {
        return to.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli() - 1;
    }

    private void termsFilter(Map<String, ObjectNode> filters, String dim, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        ObjectNode terms = nodes.objectNode();
        ArrayNode array = terms.putObject("terms").putArray(dim);
        values.forEach(array::add);
        filters.put(dim, terms);
    }

    /**
     * The top values of a facet and, when some are selected, their counts whatever their rank, so a selected
     * value beyond the cut is still listed with its count (as the embedded index does).
     */
    private void facetAgg(ObjectNode aggs, String dim, List<String> selected, Map<String, ObjectNode> filters) {
        ObjectNode top = nodes.objectNode();
        ObjectNode terms = top.putObject("terms");
        terms.put("field", dim).put("size", FacetLimits.LIMITS.get(dim)).put("shard_size", 10_000);
        ArrayNode order = terms.putArray("order");
        order.addObject().put("_count", "desc");
        order.addObject().put("_key", "asc");
        ObjectNode sideways = sideways(dim, filters, top);
        if (!selected.isEmpty()) {
            ObjectNode chosen = sideways.with("aggs").putObject(SELECTED).putObject("terms");
            chosen.put("field", dim).put("size", selected.size());
            ArrayNode include = chosen.putArray("include");
            selected.forEach(include::add);
        }
        aggs.set(dim, sideways);
    }

    /** A filter aggregation with every filter but the dimension's own, around the counting aggregation. */
    private ObjectNode sideways(String dim, Map<String, ObjectNode> filters, ObjectNode counting) {
        List<ObjectNode> others = new ArrayList<>();
        filters.forEach((filterDim, filter) -> {
            if (!filterDim.equals(dim)) {
                others.add(filter);
            }
        });
        ObjectNode agg = nodes.objectNode();
        agg.set("filter", others.isEmpty() ? matchAll() : allOf(others));
        agg.putObject("aggs").set("counts", counting);
        return agg;
    }

    private ArrayNode sort(SortOrder order) {
        ArrayNode sort = nodes.arrayNode();
        switch (order) {
            case RELEVANCE -> {
                sort.addObject().putObject("_score").put("order", "desc");
                sort.addObject().putObject(Schema.DATE).put("order", "desc").put("missing", "_last");
            }
            case DATE -> sort.addObject().putObject(Schema.DATE).put("order", "desc").put("missing", "_last");
            case DATE_ASC -> sort.addObject().putObject(Schema.DATE).put("order", "asc").put("missing", "_last");
        }
        // Ties in the embedded index fall to index order; here to the id, so pages never overlap.
        sort.addObject().putObject(Schema.ID).put("order", "asc");
        return sort;
    }

    private ObjectNode allOf(List<ObjectNode> filters) {
        ObjectNode bool = nodes.objectNode();
        ArrayNode filter = bool.putObject("bool").putArray("filter");
        filters.forEach(filter::add);
        return bool;
    }

    private ObjectNode matchAll() {
        ObjectNode all = nodes.objectNode();
        all.putObject("match_all");
        return all;
    }

    private static boolean keepsAnything(org.apache.lucene.analysis.Analyzer analyzer, String text) {
        return !JapaneseAnalyzers.terms(analyzer, "", text).isEmpty();
    }

    private static boolean isCjk(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA;
    }
}
