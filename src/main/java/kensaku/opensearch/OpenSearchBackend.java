package kensaku.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kensaku.analysis.CompanyGazetteer;
import kensaku.analysis.JapaneseAnalyzers;
import kensaku.corpus.PageAddress;
import kensaku.corpus.SiteUrls;
import kensaku.index.Schema;
import kensaku.search.ArticleView;
import kensaku.search.plan.CompanyNameCorrection;
import kensaku.search.plan.CompanyLabels;
import kensaku.search.Hit;
import kensaku.search.IncompatibleIndexException;
import kensaku.search.IndexInfo;
import kensaku.search.kana.KanaNormalizer;
import kensaku.search.highlight.PageHighlighter;
import kensaku.search.plan.SuggestionRanking;
import kensaku.search.plan.SuggestionRanking.Candidate;
import kensaku.search.SearchBackend;
import kensaku.search.SearchRequest;
import kensaku.search.SearchResponse;
import kensaku.search.plan.SearchPipeline;
import kensaku.search.plan.SearchPlan;
import kensaku.search.SortOrder;
import kensaku.search.Suggestion;
import kensaku.search.Visibility;

/**
 * Answers the search API from an OpenSearch cluster, through an alias that the cluster reindex switches
 * atomically. Queries, filters and facet counts run in the cluster; the page's highlights are made by kensaku's
 * own highlighter ({@link PageHighlighter}) so markup and escaping are those of the embedded index. Relevance
 * uses {@code dfs_query_then_fetch}, so term statistics are those of the whole index, not of one shard. A search is
 * the embedded index's pipeline (one plan, the same facet cuts, browse order and did-you-mean flow); only the
 * execution ({@link ClusterQueries}, {@link ClusterFound}) is the cluster's.
 */
public final class OpenSearchBackend implements SearchBackend {
    private static final int MAX_SUGGEST_VALUES = 10_000;
    private static final List<String> HIT_SOURCE = List.of(Schema.ID, Schema.TITLE, Schema.DATE, ClusterSchema.TAGS,
            ClusterSchema.CATEGORIES, ClusterSchema.COMPANIES, ClusterSchema.AUTHOR, Schema.EXCERPT, Schema.PAGE_URL, Schema.SLUG,
            Schema.PUBLISH_AT, Schema.DRAFT);

    private final SearchPipeline pipeline;
    private final ClusterFound.Cluster cluster;
    private final ClusterClient client;
    private final String alias;
    private final Schema schema;
    private final CompanyGazetteer gazetteer;
    private final CompanyLabels labels;
    private final ClusterQueries queries;
    private final PageHighlighter highlighter;
    private final SiteUrls siteUrls;
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private final Visibility visibility;

    /** Shows published articles only, between their publish and expiry times. */
    public OpenSearchBackend(ClusterClient client, String alias, Schema schema, JapaneseAnalyzers analyzers,
                             CompanyGazetteer gazetteer) {
        this(client, alias, schema, analyzers, gazetteer, SiteUrls.none(schema.zone()), Visibility.published());
    }

    /** @param siteUrls how each hit's live URL on the publisher's site is made, as the embedded index makes it */
    public OpenSearchBackend(ClusterClient client, String alias, Schema schema, JapaneseAnalyzers analyzers,
                             CompanyGazetteer gazetteer, SiteUrls siteUrls) {
        this(client, alias, schema, analyzers, gazetteer, siteUrls, Visibility.published());
    }

    /** Without live URLs; see the last constructor. */
    public OpenSearchBackend(ClusterClient client, String alias, Schema schema, JapaneseAnalyzers analyzers,
                             CompanyGazetteer gazetteer, Visibility visibility) {
        this(client, alias, schema, analyzers, gazetteer, SiteUrls.none(schema.zone()), visibility);
    }

    /**
     * @param siteUrls   how each hit's live URL on the publisher's site is made, as the embedded index makes it
     * @param visibility what is shown, decided at each request by its clock, as in the embedded index
     */
    public OpenSearchBackend(ClusterClient client, String alias, Schema schema, JapaneseAnalyzers analyzers,
                             CompanyGazetteer gazetteer, SiteUrls siteUrls, Visibility visibility) {
        this.siteUrls = siteUrls;
        this.visibility = visibility;
        this.client = client;
        this.alias = alias;
        this.schema = schema;
        this.gazetteer = gazetteer;
        this.labels = new CompanyLabels(gazetteer);
        this.queries = new ClusterQueries(schema.zone().getId());
        this.highlighter = new PageHighlighter(schema, analyzers);
        this.pipeline = new SearchPipeline(analyzers, schema, gazetteer);
        this.cluster = new ClusterFound.Cluster(client, alias, queries,
                new CompanyNameCorrection(analyzers.morphological(), gazetteer), visibility);
    }

    /** Plan, execute, assemble, as the embedded index: only the execution is the cluster's. */
    @Override
    public SearchResponse search(SearchRequest request) throws IOException {
        long start = System.nanoTime();
        SearchPlan plan = pipeline.plan(request);
        Instant now = visibility.now();
        return pipeline.search(plan, planned -> execute(planned, now), start);
    }

    /** One round trip: hits, total and facet counts; the page's hits highlighted here, as the embedded index does. */
    private ClusterFound execute(SearchPlan plan, Instant now) throws IOException {
        // A shard whose copies all failed fails the search: a partial answer would show wrong totals and counts.
        String params = "?allow_partial_search_results=false"
                + (plan.sort() == SortOrder.RELEVANCE ? "&search_type=dfs_query_then_fetch" : "");
        JsonNode answer = cluster.post("/_search" + params, queries.searchBody(plan, now, visibility));
        JsonNode found = answer.path("hits").path("hits");
        List<PageHighlighter.Text> texts = new ArrayList<>();
        for (JsonNode hit : found) {
            JsonNode source = hit.path("_source");
            texts.add(new PageHighlighter.Text(source.path(Schema.TITLE).asText(""),
                    source.path(Schema.EXCERPT).asText(""), source.path(Schema.BODY).asText("")));
        }
        List<PageHighlighter.Marked> marked = highlighter.highlight(plan, texts);
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            hits.add(hit(found.get(i), marked.get(i), now));
        }
        return new ClusterFound(cluster, answer, hits, now);
    }

    /** The article, or empty for an unknown id and for an article not shown now (the same 404 to a client). */
    @Override
    public Optional<ArticleView> article(String id) throws IOException {
        Optional<JsonNode> found = byId(id, null, visibility.now());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        JsonNode source = found.get().path("_source");
        return Optional.of(labels.article(new ArticleView(id, urlOf(source), source.path(Schema.TITLE).asText(""),
                dateOf(source),
                strings(source, ClusterSchema.TAGS), strings(source, ClusterSchema.CATEGORIES),
                strings(source, ClusterSchema.COMPANIES), source.path(ClusterSchema.AUTHOR).asText(""),
                source.path(Schema.EXCERPT).asText(""), source.path(Schema.BODY).asText(""),
                source.path(Schema.BODY_HTML).asText(""))));
    }

    /**
     * More like this over the morphological title, excerpt and body with the embedded index's settings; document
     * frequencies are those of each shard, so the order can differ slightly from the embedded index.
     */
    @Override
    public Optional<List<Hit>> related(String id, int size) throws IOException {
        SearchBackend.checkRelatedSize(size);
        Instant now = visibility.now();
        Optional<JsonNode> found = byId(id, List.of(Schema.ID), now);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        long documents = client.get("/" + alias + "/_count").path("count").asLong();
        ObjectNode body = nodes.objectNode();
        body.put("size", size);
        ObjectNode bool = body.putObject("query").putObject("bool");
        ObjectNode like = bool.withArray("must").addObject().putObject("more_like_this");
        ArrayNode fields = like.putArray("fields");
        List.of(Schema.TITLE, Schema.EXCERPT, Schema.BODY).forEach(fields::add);
        like.putArray("like").addObject().put("_index", found.get().path("_index").asText())
                .put("_id", found.get().path("_id").asText());
        like.put("analyzer", ClusterSchema.MORPHOLOGICAL).put("min_term_freq", 1).put("min_doc_freq", 2)
                .put("min_word_length", 2).put("max_doc_freq", (int) (40 * documents / 100)).put("max_query_terms", 30)
                .put("boost_terms", 1).put("minimum_should_match", 1).put("include", false);
        bool.withArray("must_not").addObject().putObject("term").put(Schema.ID, id);
        bool.withArray("must_not").add(queries.hiddenAt(now, visibility));
        sourceOf(body, HIT_SOURCE);
        List<Hit> hits = new ArrayList<>();
        for (JsonNode hit : client.post("/" + alias + "/_search", body).path("hits").path("hits")) {
            JsonNode source = hit.path("_source");
            hits.add(hit(hit, PageHighlighter.unmarked(new PageHighlighter.Text(source.path(Schema.TITLE).asText(""),
                    source.path(Schema.EXCERPT).asText(""), "")), now));
        }
        return Optional.of(labels.hits(hits));
    }

    /**
     * Companies (by any alias), tags and titles starting with the folded prefix; companies first, then tags, then
     * titles, each by how many articles carry them, as the embedded suggester ranks them.
     */
    @Override
    public List<Suggestion> suggest(String prefix, int limit) throws IOException {
        List<String> prefixes = SuggestionRanking.prefixesOf(prefix);
        if (prefixes.isEmpty()) {
            return List.of();
        }
        Instant now = visibility.now();
        ObjectNode body = nodes.objectNode();
        body.put("size", limit);
        ObjectNode titles = nodes.objectNode();
        ArrayNode titlePrefixes = titles.putObject("bool").putArray("should");
        prefixes.forEach(p -> titlePrefixes.addObject().putObject("prefix").putObject(ClusterSchema.TITLE_PREFIX).put("value", p));
        body.set("query", queries.visible(titles, now, visibility));
        body.putArray("sort").addObject().put(ClusterSchema.TITLE_KEY, "asc");
        sourceOf(body, List.of(Schema.ID, Schema.TITLE));
        // Company and tag counts over every article shown now, whatever the title query matched.
        ObjectNode all = body.putObject("aggs").putObject("all");
        all.putObject("global");
        ObjectNode shown = all.putObject("aggs").putObject("shown");
        shown.putObject("filter").putObject("bool").putArray("must_not").add(queries.hiddenAt(now, visibility));
        ObjectNode counts = shown.putObject("aggs");
        for (String dim : List.of(Schema.FACET_COMPANY, Schema.FACET_TAG)) {
            counts.putObject(dim).putObject("terms").put("field", dim).put("size", MAX_SUGGEST_VALUES);
        }
        JsonNode answer = client.post("/" + alias + "/_search", body);
        List<Candidate> candidates = new ArrayList<>();
        JsonNode shownCounts = answer.path("aggregations").path("all").path("shown");
        Map<String, Long> companyCounts = buckets(shownCounts.path(Schema.FACET_COMPANY));
        for (CompanyGazetteer.Company company : gazetteer.companies()) {
            Long count = companyCounts.get(company.canonical());
            List<String> names = new ArrayList<>(company.aliases());
            names.add(company.canonical());
            if (count != null && names.stream().anyMatch(name -> prefixes.stream().anyMatch(p -> startsWith(name, p)))) {
                candidates.add(new Candidate(new Suggestion(company.canonical(), "company", company.canonical(), null), count));
            }
        }
        buckets(shownCounts.path(Schema.FACET_TAG)).forEach((tag, count) -> {
            if (prefixes.stream().anyMatch(p -> startsWith(tag, p))) {
                candidates.add(new Candidate(new Suggestion(tag, "tag", tag, null), count));
            }
        });
        for (JsonNode hit : answer.path("hits").path("hits")) {
            String title = hit.path("_source").path(Schema.TITLE).asText("");
            candidates.add(new Candidate(new Suggestion(title, "title", title, hit.path("_source").path(Schema.ID).asText()), 1));
        }
        return labels.suggestions(SuggestionRanking.best(candidates, limit));
    }

    /** The index behind the alias, its article count and the schema it was built with. */
    @Override
    public IndexInfo info() throws IOException {
        JsonNode indexes = client.getOrNull("/" + alias);
        if (indexes == null || !indexes.fields().hasNext()) {
            throw new IOException("the cluster has no index '" + alias + "'; run: kensaku index --target opensearch");
        }
        Map.Entry<String, JsonNode> index = indexes.fields().next();
        JsonNode meta = index.getValue().path("mappings").path("_meta");
        ObjectNode shown = nodes.objectNode();
        shown.set("query", queries.visible(nodes.objectNode().set("match_all", nodes.objectNode()), visibility.now(),
                visibility));
        long documents = client.post("/" + alias + "/_count", shown).path("count").asLong();
        return new IndexInfo(index.getKey(), (int) documents, meta.path(ClusterSchema.META_SCHEMA_VERSION).asInt(-1),
                meta.path(ClusterSchema.META_BUILT_AT).asText(""), meta.path(ClusterSchema.META_ZONE).asText(""));
    }

    /** Refuses an index built by another schema version of kensaku, as the embedded index does. */
    public IndexInfo checkCompatible() throws IOException {
        IndexInfo info = info();
        if (info.schemaVersion() != Schema.VERSION) {
            throw new IncompatibleIndexException("the cluster index " + info.generation() + " was built with schema "
                    + info.schemaVersion() + ", this kensaku reads schema " + Schema.VERSION
                    + "; reindex with: kensaku index --target opensearch");
        }
        return info;
    }

    private Optional<JsonNode> byId(String id, List<String> source, Instant now) throws IOException {
        ObjectNode body = nodes.objectNode();
        body.put("size", 1);
        ObjectNode term = nodes.objectNode();
        term.putObject("term").put(Schema.ID, id);
        body.set("query", queries.visible(term, now, visibility));
        if (source != null) {
            sourceOf(body, source);
        }
        JsonNode hits = client.post("/" + alias + "/_search", body).path("hits").path("hits");
        return hits.isEmpty() ? Optional.empty() : Optional.of(hits.get(0));
    }

    private Hit hit(JsonNode hit, PageHighlighter.Marked marked, Instant now) {
        JsonNode source = hit.path("_source");
        JsonNode score = hit.path("_score");
        JsonNode publishAt = source.path(Schema.PUBLISH_AT);
        String preview = !visibility.isPreview() ? null : visibility.previewOf(source.has(Schema.DRAFT),
                publishAt.isNumber() ? publishAt.asLong() : null, now);
        return new Hit(source.path(Schema.ID).asText(), urlOf(source), source.path(Schema.TITLE).asText(""),
                marked.titleHtml(),
                dateOf(source), strings(source, ClusterSchema.TAGS), strings(source, ClusterSchema.CATEGORIES),
                strings(source, ClusterSchema.COMPANIES), source.path(ClusterSchema.AUTHOR).asText(""),
                source.path(Schema.EXCERPT).asText(""), marked.snippetHtml(),
                score.isNumber() ? (float) score.asDouble() : 0f, preview);
    }

    private String urlOf(JsonNode source) {
        if (!siteUrls.enabled()) {
            return null;
        }
        JsonNode millis = source.path(Schema.DATE);
        Instant date = millis.isNumber() || millis.isTextual() ? Instant.ofEpochMilli(millis.asLong()) : null;
        return siteUrls.urlOf(source.path(Schema.ID).asText(), source.path(Schema.TITLE).asText(""), date,
                strings(source, ClusterSchema.CATEGORIES),
                new PageAddress(source.path(Schema.PAGE_URL).asText(""), source.path(Schema.SLUG).asText("")));
    }

    private static Map<String, Long> buckets(JsonNode terms) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (JsonNode bucket : terms.path("buckets")) {
            counts.put(bucket.path("key").asText(), bucket.path("doc_count").asLong());
        }
        return counts;
    }

    private String dateOf(JsonNode source) {
        JsonNode millis = source.path(Schema.DATE);
        if (!millis.isNumber() && !millis.isTextual()) {
            return null;
        }
        Instant instant = Instant.ofEpochMilli(millis.asLong());
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(schema.zone()).toOffsetDateTime());
    }

    private static List<String> strings(JsonNode source, String field) {
        List<String> values = new ArrayList<>();
        JsonNode node = source.path(field);
        if (node.isArray()) {
            node.forEach(value -> values.add(value.asText()));
        } else if (node.isTextual()) {
            values.add(node.asText());
        }
        return values;
    }

    private static boolean startsWith(String name, String foldedPrefix) {
        String folded = KanaNormalizer.fold(name);
        return !folded.isEmpty() && folded.startsWith(foldedPrefix);
    }

    private static void sourceOf(ObjectNode body, List<String> fields) {
        ArrayNode source = body.putArray("_source");
        fields.forEach(source::add);
    }
}
