package kensaku.opensearch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kensaku.analysis.AnalysisConfig;
import kensaku.analysis.AnalysisFingerprint;
import kensaku.analysis.CompanyGazetteer;
import kensaku.corpus.Article;
import kensaku.index.Schema;
import kensaku.search.kana.KanaNormalizer;

/**
 * The cluster index generated from {@link Schema}: the same field names, the same two analysed views of each
 * text (kensaku's analyzers, registered by {@link KensakuAnalysisPlugin}), the same facet values. Facet fields are
 * keywords (terms aggregations); the month histogram is a date histogram in the display zone at query time.
 */
public final class ClusterSchema {
    public static final String MORPHOLOGICAL = "kensaku_ja";
    public static final String MORPHOLOGICAL_QUERY = "kensaku_ja_query";
    public static final String BIGRAM = "kensaku_bigram";

    /** Folded title (see {@link KanaNormalizer}) for prefix suggestions, and the title as typed to sort them. */
    public static final String TITLE_PREFIX = "title_prefix";
    public static final String TITLE_KEY = "title_key";
    public static final String TAGS = "tags";
    public static final String CATEGORIES = "categories";
    public static final String COMPANIES = "companies";
    public static final String AUTHOR = "author";

    static final String META_SCHEMA_VERSION = "schema_version";
    static final String META_BUILT_AT = "built_at";
    static final String META_ZONE = "zone";
    /** The analysis fingerprint ({@link AnalysisFingerprint#encode}), as the embedded index's commit records it. */
    static final String META_ANALYSIS = "analysis";

    /** Analyzer settings read by {@link KensakuAnalysisPlugin}: the analysis folder's files, one array item a line. */
    static final String USER_DICTIONARY_RULES = "user_dictionary_rules";
    static final String STOP_WORDS = "stopwords";
    static final String SYNONYMS = "synonyms";
    static final String COMPANY_GAZETTEER = "companies";

    private static final Map<String, String> BIGRAM_OF = Map.of(
            Schema.TITLE, Schema.TITLE_BIGRAM, Schema.EXCERPT, Schema.EXCERPT_BIGRAM, Schema.BODY, Schema.BODY_BIGRAM);

    private final Schema schema;
    private final AnalysisConfig analysis;
    private final ObjectMapper json = new ObjectMapper();

    /** With the analysis files shipped with kensaku. */
    public ClusterSchema(Schema schema) {
        this(schema, AnalysisConfig.builtIn(CompanyGazetteer.builtIn()));
    }

    /** With an analysis folder's files, which every new index generation carries in its analyzer settings. */
    public ClusterSchema(Schema schema, AnalysisConfig analysis) {
        this.schema = schema;
        this.analysis = analysis;
    }

    public AnalysisConfig analysis() {
        return analysis;
    }

    /** The index the alias points to now, or null when there is none. */
    public static String indexBehind(ClusterClient client, String alias) throws java.io.IOException {
        com.fasterxml.jackson.databind.JsonNode indexes = client.getOrNull("/_alias/" + alias);
        return indexes == null || !indexes.fieldNames().hasNext() ? null : indexes.fieldNames().next();
    }

    /** The analysis a cluster index was built with ({@code _meta}); no parts for one built before fingerprints. */
    public static AnalysisFingerprint indexedAnalysis(ClusterClient client, String index) throws java.io.IOException {
        com.fasterxml.jackson.databind.JsonNode mapping = client.get("/" + index + "/_mapping");
        return AnalysisFingerprint.decode(mapping.path(index).path("mappings").path("_meta").path(META_ANALYSIS)
                .asText(null));
    }

    public Schema schema() {
        return schema;
    }

    /** Settings and mappings for a new index generation; refresh is off until the build ends. */
    ObjectNode createIndexBody(int shards, int replicas, Instant builtAt) {
        ObjectNode body = json.createObjectNode();
        ObjectNode index = body.putObject("settings").putObject("index");
        index.put("number_of_shards", shards);
        index.put("number_of_replicas", replicas);
        index.put("refresh_interval", "-1");
        // News articles run to 60 KB; highlighting happens in kensaku, but keep the limit clear of whole bodies.
        index.put("highlight.max_analyzed_offset", 1_000_000);
        analyzers(index.putObject("analysis").putObject("analyzer"));
        ObjectNode mappings = body.putObject("mappings");
        mappings.put("dynamic", "strict");
        ObjectNode meta = mappings.putObject("_meta");
        meta.put(META_SCHEMA_VERSION, Schema.VERSION);
        meta.put(META_BUILT_AT, builtAt.toString());
        meta.put(META_ZONE, schema.zone().getId());
        meta.put(META_ANALYSIS, analysis.fingerprint().encode());
        ObjectNode properties = mappings.putObject("properties");
        keyword(properties, Schema.ID);
        properties.putObject(Schema.CONTENT_HASH).put("type", "keyword").put("index", false).put("doc_values", false);
        for (String stored : List.of(Schema.PAGE_URL, Schema.SLUG)) {
            properties.putObject(stored).put("type", "keyword").put("index", false).put("doc_values", false);
        }
        BIGRAM_OF.forEach((field, bigram) -> {
            ObjectNode text = properties.putObject(field);
            text.put("type", "text").put("analyzer", MORPHOLOGICAL).put("search_analyzer", MORPHOLOGICAL_QUERY);
            text.putArray("copy_to").add(bigram);
            properties.putObject(bigram).put("type", "text").put("analyzer", BIGRAM);
        });
        properties.putObject(Schema.LABELS).put("type", "text").put("analyzer", MORPHOLOGICAL)
                .put("search_analyzer", MORPHOLOGICAL_QUERY);
        properties.putObject(Schema.BODY_HTML).put("type", "text").put("index", false);
        properties.putObject(Schema.DATE).put("type", "date").put("format", "epoch_millis");
        properties.putObject(Schema.PUBLISH_AT).put("type", "date").put("format", "epoch_millis");
        properties.putObject(Schema.EXPIRE_AT).put("type", "date").put("format", "epoch_millis");
        keyword(properties, Schema.DRAFT);
        for (String facet : List.of(Schema.FACET_COMPANY, Schema.FACET_TAG, Schema.FACET_CATEGORY, Schema.FACET_AUTHOR)) {
            keyword(properties, facet);
        }
        // Display copies in the order the article gives them (a keyword field's doc values are sorted).
        for (String stored : List.of(TAGS, CATEGORIES, COMPANIES, AUTHOR)) {
            properties.putObject(stored).put("type", "keyword").put("index", false).put("doc_values", false);
        }
        properties.putObject(TITLE_PREFIX).put("type", "keyword").put("ignore_above", 1_000);
        properties.putObject(TITLE_KEY).put("type", "keyword").put("ignore_above", 1_000);
        return body;
    }

    /**
     * kensaku's analyzers under their own names, given the analysis folder's files inline: the index chain the user
     * dictionary and stop words, the query chain these and the synonyms and the whole gazetteer (its aliases are
     * query-time synonyms). Nothing needs copying to the nodes; a new generation carries what it was built with.
     */
    private void analyzers(ObjectNode analyzers) {
        ObjectNode index = analyzers.putObject(MORPHOLOGICAL).put("type", MORPHOLOGICAL);
        indexTimeFiles(index);
        ObjectNode query = analyzers.putObject(MORPHOLOGICAL_QUERY).put("type", MORPHOLOGICAL_QUERY);
        indexTimeFiles(query);
        lines(query.putArray(SYNONYMS), analysis.synonyms().content());
        lines(query.putArray(COMPANY_GAZETTEER), analysis.gazetteer().toTsv());
    }

    private void indexTimeFiles(ObjectNode analyzer) {
        lines(analyzer.putArray(USER_DICTIONARY_RULES), analysis.userDictionary().content());
        lines(analyzer.putArray(STOP_WORDS), analysis.stopWords().content());
    }

    private static void lines(ArrayNode array, String text) {
        ClusterAnalysis.lines(array, text);
    }

    /** One article as a cluster document; the values are those {@link Schema#toDocument} indexes. */
    ObjectNode document(Article article, Set<String> companies) {
        ObjectNode doc = json.createObjectNode();
        doc.put(Schema.ID, article.id());
        doc.put(Schema.CONTENT_HASH, article.contentHash());
        if (!article.address().url().isEmpty()) {
            doc.put(Schema.PAGE_URL, article.address().url());
        }
        if (!article.address().slug().isEmpty()) {
            doc.put(Schema.SLUG, article.address().slug());
        }
        doc.put(Schema.TITLE, article.title());
        doc.put(Schema.EXCERPT, article.excerpt());
        doc.put(Schema.BODY, article.bodyText());
        doc.put(Schema.BODY_HTML, article.bodyHtml());
        StringBuilder labels = new StringBuilder();
        article.tags().forEach(tag -> labels.append(tag).append('\n'));
        companies.forEach(company -> labels.append(company).append('\n'));
        doc.put(Schema.LABELS, labels.toString());
        List<String> tags = nonBlank(article.tags());
        List<String> categories = nonBlank(article.categories());
        List<String> companyList = nonBlank(List.copyOf(companies));
        values(doc, Schema.FACET_TAG, tags);
        values(doc, TAGS, tags);
        values(doc, Schema.FACET_CATEGORY, categories);
        values(doc, CATEGORIES, categories);
        values(doc, Schema.FACET_COMPANY, companyList);
        values(doc, COMPANIES, companyList);
        if (!article.author().isBlank()) {
            doc.put(Schema.FACET_AUTHOR, article.author());
            doc.put(AUTHOR, article.author());
        }
        if (article.date() != null) {
            doc.put(Schema.DATE, article.date().toEpochMilli());
        }
        if (article.publishing().publishAt() != null) {
            doc.put(Schema.PUBLISH_AT, article.publishing().publishAt().toEpochMilli());
        }
        if (article.publishing().expireAt() != null) {
            doc.put(Schema.EXPIRE_AT, article.publishing().expireAt().toEpochMilli());
        }
        if (article.publishing().draftLike()) {
            doc.put(Schema.DRAFT, Schema.DRAFT_VALUE);
        }
        doc.put(TITLE_PREFIX, KanaNormalizer.fold(article.title()));
        doc.put(TITLE_KEY, article.title());
        return doc;
    }

    private static void keyword(ObjectNode properties, String field) {
        properties.putObject(field).put("type", "keyword");
    }

    private static void values(ObjectNode doc, String field, List<String> values) {
        ArrayNode array = doc.putArray(field);
        values.forEach(array::add);
    }

    private static List<String> nonBlank(List<String> values) {
        return values.stream().filter(value -> !value.isBlank()).toList();
    }
}
