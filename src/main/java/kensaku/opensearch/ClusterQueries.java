package kensaku.opensearch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kensaku.analysis.Kana;
import kensaku.index.Schema;
import kensaku.search.SortOrder;
import kensaku.search.Visibility;
import kensaku.search.plan.Ranking;
import kensaku.search.plan.SearchPlan;

/**
 * Renders a {@link SearchPlan} as OpenSearch query DSL, node for node as {@code LuceneQueries} renders it for the
 * embedded index; it decides nothing the plan has not. Every phrase of the plan is searched in both analysed views
 * of every text field ({@code match_phrase}, which runs Lucene's own QueryBuilder on the shard with the same
 * analyzers), best field wins ({@code dis_max}, the same tie breaker and boosts), a sloppy phrase of all words scores
 * extra. Facet filters go in {@code post_filter} and each facet is counted under every filter but its own, which is
 * what drill-sideways counts in the embedded index. Pure: needs neither analyzers nor a cluster.
 */
final class ClusterQueries {
    private static final float TIE_BREAKER = Ranking.TIE_BREAKER;
    static final String SELECTED = "selected";
    /** The aggregation of {@link #countEachBody}. */
    static final String EACH = "each";
    /** The aggregation of {@link #heldWordsBody}. */
    static final String HELD = "held";

    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private final String zone;

    /** @param zone the display zone's id, in which the month histogram is counted */
    ClusterQueries(String zone) {
        this.zone = zone;
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
    ObjectNode searchBody(SearchPlan plan, Instant now, Visibility visibility) {
        ObjectNode body = nodes.objectNode();
        body.put("from", plan.page().from());
        body.put("size", plan.page().size());
        body.put("track_total_hits", true);
        body.put("track_scores", true);
        body.put("timeout", "2s");
        body.set("query", visible(textQuery(plan.text()), now, visibility));
        Map<String, ObjectNode> filters = filters(plan);
        if (!filters.isEmpty()) {
            body.set("post_filter", allOf(new ArrayList<>(filters.values())));
        }
        ObjectNode aggs = body.putObject("aggs");
        for (SearchPlan.Facet facet : plan.facets()) {
            if (facet.dim().equals(Schema.FACET_MONTH)) {
                ObjectNode histogram = nodes.objectNode();
                histogram.putObject("date_histogram").put("field", Schema.DATE).put("calendar_interval", "month")
                        .put("time_zone", zone).put("format", "yyyy-MM").put("min_doc_count", 1);
                aggs.set(facet.dim(), sideways(facet.dim(), filters, histogram));
            } else {
                facetAgg(aggs, facet, filters);
            }
        }
        body.set("sort", sort(plan.sort()));
        ArrayNode source = body.putArray("_source");
        for (String field : List.of(Schema.ID, Schema.TITLE, Schema.DATE, ClusterSchema.TAGS, ClusterSchema.CATEGORIES,
                ClusterSchema.COMPANIES, ClusterSchema.AUTHOR, Schema.EXCERPT, Schema.BODY,
                Schema.PAGE_URL, Schema.SLUG, Schema.PUBLISH_AT, Schema.DRAFT)) {
            source.add(field);
        }
        return body;
    }

    /** A count of what another plan (a did-you-mean correction) finds under its filters. */
    ObjectNode countBody(SearchPlan plan, Instant now, Visibility visibility) {
        ObjectNode body = nodes.objectNode();
        ObjectNode bool = body.putObject("query").putObject("bool");
        bool.withArray("must").add(textQuery(plan.text()));
        bool.withArray("must_not").add(hiddenAt(now, visibility));
        filters(plan).values().forEach(bool.withArray("filter")::add);
        return body;
    }

    /**
     * As {@link #countBody} for several plans that differ only in their text (the written forms of a kana part), in
     * one round trip: the shared filters as the query, one {@code filters} bucket per plan's text, keyed by position.
     */
    ObjectNode countEachBody(List<SearchPlan> plans, Instant now, Visibility visibility) {
        ObjectNode body = nodes.objectNode();
        body.put("size", 0).put("track_total_hits", false);
        ObjectNode bool = body.putObject("query").putObject("bool");
        bool.withArray("must_not").add(hiddenAt(now, visibility));
        filters(plans.get(0)).values().forEach(bool.withArray("filter")::add);
        ObjectNode each = body.putObject("aggs").putObject(EACH).putObject("filters").putObject("filters");
        for (int i = 0; i < plans.size(); i++) {
            each.set(Integer.toString(i), textQuery(plans.get(i).text()));
        }
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

    /**
     * Which of these words any title, excerpt, body or label holds, in one round trip: a {@code filters} aggregation,
     * one bucket per word (keyed by its position in the list), over every article (as the embedded look-up).
     */
    ObjectNode heldWordsBody(List<String> words) {
        ObjectNode body = nodes.objectNode();
        body.put("size", 0).put("track_total_hits", false);
        body.putObject("query").putObject("match_all");
        ObjectNode filters = body.putObject("aggs").putObject(HELD).putObject("filters").putObject("filters");
        for (int i = 0; i < words.size(); i++) {
            ObjectNode bool = filters.putObject(Integer.toString(i)).putObject("bool");
            for (String field : List.of(Schema.BODY, Schema.TITLE, Schema.EXCERPT, Schema.LABELS)) {
                bool.withArray("should").addObject().putObject("term").put(field, words.get(i));
            }
        }
        return body;
    }

    /** The scoring query for the plan's words alone, as {@code LuceneQueries.textQuery}. */
    ObjectNode textQuery(SearchPlan.Text text) {
        switch (text.kind()) {
            case ALL -> {
                return matchAll();
            }
            case NONE -> {
                ObjectNode none = nodes.objectNode();
                none.putObject("match_none");
                return none;
            }
            default -> { }
        }
        ObjectNode bool = nodes.objectNode();
        ObjectNode clauses = bool.putObject("bool");
        for (List<SearchPlan.Part> group : text.required()) {
            clauses.withArray("must").add(anyOf(group));
        }
        if (!text.proximity().isEmpty()) {
            clauses.withArray("should").add(proximityQuery(text.proximity()));
        }
        for (SearchPlan.Part part : text.excluded()) {
            clauses.withArray("must_not").add(partQuery(part));
        }
        if (text.required().isEmpty()) {
            clauses.withArray("must").add(matchAll());
        }
        return bool;
    }

    private ObjectNode proximityQuery(List<String> words) {
        String joined = String.join(" ", words);
        List<ObjectNode> perField = new ArrayList<>();
        Ranking.PROXIMITY_FIELDS.forEach((field, boost) -> perField.add(
                phrase(field, joined, ClusterSchema.MORPHOLOGICAL_QUERY, Ranking.PROXIMITY_SLOP, boost)));
        return disMax(perField);
    }

    private ObjectNode anyOf(List<SearchPlan.Part> group) {
        if (group.size() == 1) {
            return partQuery(group.get(0));
        }
        ObjectNode either = nodes.objectNode();
        ObjectNode bool = either.putObject("bool");
        group.forEach(part -> bool.withArray("should").add(partQuery(part)));
        bool.put("minimum_should_match", 1);
        return either;
    }

    private ObjectNode partQuery(SearchPlan.Part part) {
        ObjectNode asTyped = fieldsQuery(part.asTyped());
        if (part.runs().isEmpty()) {
            return asTyped;
        }
        ObjectNode eachRun = nodes.objectNode();
        ObjectNode bool = eachRun.putObject("bool");
        for (SearchPlan.Phrase run : part.runs()) {
            ObjectNode runQuery = fieldsQuery(run);
            if (runQuery != null) {
                bool.withArray("must").add(runQuery);
            }
        }
        bool.withArray("should").add(asTyped);
        return eachRun;
    }

    /** A phrase in every field, best field wins; null when the analyzers keep nothing of it. */
    private ObjectNode fieldsQuery(SearchPlan.Phrase phrase) {
        List<ObjectNode> perField = new ArrayList<>();
        if (phrase.morphological()) {
            Ranking.MORPHOLOGICAL_FIELDS.forEach((field, boost) ->
                    perField.add(phrase(field, phrase.text(), ClusterSchema.MORPHOLOGICAL_QUERY, 0, boost)));
        }
        if (phrase.katakana() != null) {
            Ranking.MORPHOLOGICAL_FIELDS.forEach((field, boost) ->
                    perField.add(phrase(field, phrase.katakana(), ClusterSchema.MORPHOLOGICAL_QUERY, 0, boost)));
        }
        if (phrase.bigrams() != SearchPlan.Bigrams.NONE) {
            Ranking.BIGRAM_FIELDS.forEach((field, boost) -> perField.add(bigramQuery(field, phrase, boost)));
        }
        return perField.isEmpty() ? null : disMax(perField);
    }

    private ObjectNode bigramQuery(String field, SearchPlan.Phrase phrase, float boost) {
        if (phrase.bigrams() == SearchPlan.Bigrams.PREFIX) {
            ObjectNode prefix = nodes.objectNode();
            prefix.putObject("prefix").putObject(field).put("value", Kana.katakana(phrase.text().strip())).put("boost", boost);
            return prefix;
        }
        if (!phrase.oneWord()) {
            return phrase(field, phrase.text(), ClusterSchema.BIGRAM, 0, boost);
        }
        ObjectNode scored = nodes.objectNode();
        ObjectNode options = scored.putObject("constant_score");
        options.set("filter", phrase(field, phrase.text(), ClusterSchema.BIGRAM, 0, 1.0f));
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

    /** The plan's filters by facet dimension; the date range is filed under the month, as in the embedded index. */
    private Map<String, ObjectNode> filters(SearchPlan plan) {
        Map<String, ObjectNode> filters = new LinkedHashMap<>();
        for (SearchPlan.Filter filter : plan.filters()) {
            ObjectNode query = nodes.objectNode();
            switch (filter) {
                case SearchPlan.AnyOf values -> {
                    ArrayNode array = query.putObject("terms").putArray(values.dim());
                    values.values().forEach(array::add);
                }
                case SearchPlan.Dates dates -> {
                    ObjectNode bounds = query.putObject("range").putObject(Schema.DATE);
                    if (dates.fromMillis() != null) {
                        bounds.put("gte", dates.fromMillis());
                    }
                    if (dates.toMillis() != null) {
                        bounds.put("lte", dates.toMillis());
                    }
                }
            }
            filters.put(filter.dim(), query);
        }
        return filters;
    }

    /**
     * The top values of a facet and, when some are selected, their counts whatever their rank, so a selected
     * value beyond the cut is still listed with its count (as the embedded index does).
     */
    private void facetAgg(ObjectNode aggs, SearchPlan.Facet facet, Map<String, ObjectNode> filters) {
        String dim = facet.dim();
        List<String> selected = facet.selected();
        ObjectNode top = nodes.objectNode();
        ObjectNode terms = top.putObject("terms");
        terms.put("field", dim).put("size", facet.limit()).put("shard_size", 10_000);
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
}
