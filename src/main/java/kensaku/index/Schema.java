package kensaku.index;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import kensaku.analysis.JapaneseAnalyzers;
import kensaku.corpus.Article;
import kensaku.corpus.Publishing;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;

/**
 * The one place that names every index field, says how it is analysed, and turns an {@link Article} into a
 * Lucene {@link Document}.
 *
 * <p>Each text source (title, excerpt, body) is indexed twice from the same string: a morphological view
 * (Kuromoji, stored, offsets in postings so highlighting needs no re-analysis) and a character-bigram view
 * (offsets, not stored) that catches parts of unknown katakana compounds. The highlighter marks the stored
 * morphological field using matches from both views. There is no reading view: a query typed in kana is converted
 * to the written words the index holds instead ({@code kensaku.search.kana.KanjiConversion}), which costs no bytes
 * of the index and no Kuromoji pass at indexing time.
 *
 * <p>The body is stored as UTF-16 bytes rather than as a string (UTF-8): a Japanese character takes 2 bytes
 * instead of 3 before compression, so the stored block each hit inflates for its snippet is a third smaller and
 * becomes a {@code String} by a bulk copy of its code units. Read it with {@link #storedText}.
 */
public final class Schema {
    /** Bumped whenever a field's name, type or analysis changes; an index of another version must be rebuilt. */
    public static final int VERSION = 9;

    public static final String ID = "id";
    public static final String TITLE = "title";
    public static final String TITLE_BIGRAM = "title_bg";
    public static final String EXCERPT = "excerpt";
    public static final String EXCERPT_BIGRAM = "excerpt_bg";
    public static final String BODY = "body";
    public static final String BODY_BIGRAM = "body_bg";
    /** Company names and tags as analysed text too, so a query word that names them scores. */
    public static final String LABELS = "labels";
    /**
     * The rendered body for the article page, as a compressed doc value ({@link CompressedText}), not a stored
     * field: every hit of every search inflates its whole stored document, and this was about half of it.
     */
    public static final String BODY_HTML = "body_html";
    /**
     * The id and title again as doc values, so the suggester can list every title without decompressing every
     * stored document (bodies included): at 100k articles that took the first suggestion 4.7 s.
     */
    public static final String ID_VALUE = "id_dv";
    public static final String TITLE_VALUE = "title_dv";
    public static final String DATE = "date";
    public static final String CONTENT_HASH = "content_hash";
    /**
     * What the front matter says about the article's live address (url/permalink, slug), stored only: the live
     * URL is made from them, the date, categories and id when a result is shown ({@link kensaku.corpus.SiteUrls}).
     */
    public static final String PAGE_URL = "page_url";
    public static final String SLUG = "slug";
    /**
     * When a scheduled article goes live and when an expiring one stops (epoch millis, points, doc values and
     * stored): searches filter on them at request time, so a scheduled article appears with no reindex. Absent
     * when the article gives no such time.
     */
    public static final String PUBLISH_AT = "publish_at";
    public static final String EXPIRE_AT = "expire_at";
    /** {@value #DRAFT_VALUE} on a draft or unpublished post, indexed only by a preview build ({@code --include-drafts}). */
    public static final String DRAFT = "draft";
    public static final String DRAFT_VALUE = "true";

    /** Stored display copies of the facet values (facet fields themselves are doc values only). */
    public static final String STORED_TAGS = "tags_stored";
    public static final String STORED_CATEGORIES = "categories_stored";
    public static final String STORED_COMPANIES = "companies_stored";
    public static final String STORED_AUTHOR = "author_stored";

    public static final String FACET_COMPANY = "company";
    public static final String FACET_TAG = "tag";
    public static final String FACET_CATEGORY = "category";
    public static final String FACET_AUTHOR = "author";
    public static final String FACET_YEAR = "year";
    public static final String FACET_MONTH = "month";

    /** Facet dimensions in the order they are shown. */
    public static final List<String> FACET_DIMENSIONS =
            List.of(FACET_COMPANY, FACET_TAG, FACET_CATEGORY, FACET_AUTHOR, FACET_YEAR, FACET_MONTH);

    /** Commit user-data keys describing the index as a whole. */
    public static final String COMMIT_SCHEMA_VERSION = "kensaku.schema_version";
    public static final String COMMIT_BUILT_AT = "kensaku.built_at";
    public static final String COMMIT_ZONE = "kensaku.zone";
    public static final String COMMIT_DOC_COUNT = "kensaku.doc_count";
    /** "true" when a preview build indexed drafts; an incremental build never mixes the two kinds. */
    public static final String COMMIT_INCLUDES_DRAFTS = "kensaku.includes_drafts";
    /** The analysis the index was built with ({@link kensaku.analysis.AnalysisFingerprint#encode}). */
    public static final String COMMIT_ANALYSIS = "kensaku.analysis";

    private static final FieldType STORED_TEXT_WITH_OFFSETS = textType(true);
    private static final FieldType TEXT_WITH_OFFSETS = textType(false);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM", Locale.ROOT);
    private static final DateTimeFormatter YEAR = DateTimeFormatter.ofPattern("uuuu", Locale.ROOT);

    private final ZoneId zone;
    private final FacetsConfig facetsConfig;

    /** @param zone the display time zone in which year and month facets are cut */
    public Schema(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.facetsConfig = new FacetsConfig();
        for (String dim : List.of(FACET_COMPANY, FACET_TAG, FACET_CATEGORY, FACET_AUTHOR)) {
            facetsConfig.setMultiValued(dim, true);
        }
    }

    public ZoneId zone() {
        return zone;
    }

    public FacetsConfig facetsConfig() {
        return facetsConfig;
    }

    /** Text fields searched by a user query, with the analyzer view each uses. */
    public static Set<String> bigramFields() {
        return Set.of(TITLE_BIGRAM, EXCERPT_BIGRAM, BODY_BIGRAM);
    }

    /** The morphological field whose stored text a bigram field was built from. */
    public static String storedSourceOf(String field) {
        return switch (field) {
            case TITLE_BIGRAM -> TITLE;
            case EXCERPT_BIGRAM -> EXCERPT;
            case BODY_BIGRAM -> BODY;
            default -> field;
        };
    }

    /** The analyzer for indexing: bigram fields get the bigram chain, every other text field the morphological one. */
    public Analyzer indexAnalyzer(JapaneseAnalyzers analyzers) {
        Map<String, Analyzer> perField = new HashMap<>();
        for (String field : bigramFields()) {
            perField.put(field, analyzers.bigram());
        }
        return new PerFieldAnalyzerWrapper(analyzers.morphological(), perField);
    }

    /** Builds the Lucene document; call {@link FacetsConfig#build} on the result (done by the indexer). */
    public Document toDocument(Article article, Set<String> companies) {
        Document doc = new Document();
        doc.add(new StringField(ID, article.id(), Field.Store.YES));
        doc.add(new BinaryDocValuesField(ID_VALUE, new BytesRef(article.id())));
        doc.add(new BinaryDocValuesField(TITLE_VALUE, new BytesRef(article.title())));
        doc.add(new StoredField(CONTENT_HASH, article.contentHash()));
        if (!article.address().url().isEmpty()) {
            doc.add(new StoredField(PAGE_URL, article.address().url()));
        }
        if (!article.address().slug().isEmpty()) {
            doc.add(new StoredField(SLUG, article.address().slug()));
        }
        addText(doc, TITLE, TITLE_BIGRAM, article.title());
        addText(doc, EXCERPT, EXCERPT_BIGRAM, article.excerpt());
        addBody(doc, article.bodyText());
        doc.add(new BinaryDocValuesField(BODY_HTML, CompressedText.compress(article.bodyHtml())));
        addLabels(doc, article, companies);
        addFacet(doc, FACET_TAG, STORED_TAGS, article.tags());
        addFacet(doc, FACET_CATEGORY, STORED_CATEGORIES, article.categories());
        addFacet(doc, FACET_COMPANY, STORED_COMPANIES, List.copyOf(companies));
        if (!article.author().isBlank()) {
            addFacet(doc, FACET_AUTHOR, STORED_AUTHOR, List.of(article.author()));
        }
        if (article.date() != null) {
            addDate(doc, article.date());
        }
        addPublishing(doc, article.publishing());
        return doc;
    }

    private static void addPublishing(Document doc, Publishing publishing) {
        if (publishing.publishAt() != null) {
            doc.add(new LongField(PUBLISH_AT, publishing.publishAt().toEpochMilli(), Field.Store.YES));
        }
        if (publishing.expireAt() != null) {
            doc.add(new LongField(EXPIRE_AT, publishing.expireAt().toEpochMilli(), Field.Store.YES));
        }
        if (publishing.draftLike()) {
            doc.add(new StringField(DRAFT, DRAFT_VALUE, Field.Store.YES));
        }
    }

    /**
     * Only the highlighted text fields of an article (title and body, each in both views), analysed exactly as
     * {@link #toDocument} analyses them and stored as plain strings; what a highlighter needs to mark text that
     * lives elsewhere (a cluster).
     */
    public Document highlightable(String title, String body) {
        Document doc = new Document();
        addText(doc, TITLE, TITLE_BIGRAM, title);
        addText(doc, BODY, BODY_BIGRAM, body);
        return doc;
    }

    /** The month facet value ("YYYY-MM") of an instant in the display zone. */
    public String monthOf(Instant instant) {
        return MONTH.format(instant.atZone(zone));
    }

    private void addDate(Document doc, Instant date) {
        doc.add(new LongField(DATE, date.toEpochMilli(), Field.Store.YES));
        doc.add(new SortedSetDocValuesFacetField(FACET_YEAR, YEAR.format(date.atZone(zone))));
        doc.add(new SortedSetDocValuesFacetField(FACET_MONTH, monthOf(date)));
    }

    /** A stored text field's value, whether stored as a string or, as the body is, as UTF-16 bytes. */
    public static String storedText(Document doc, String field) {
        BytesRef utf16 = doc.getBinaryValue(field);
        if (utf16 == null) {
            return doc.get(field);
        }
        // A bulk copy of the code units: String's UTF-16 charset decoder checks every unit and took a tenth of
        // a browsing search's CPU (docs/BENCHMARKS.md, change 27).
        char[] units = new char[utf16.length / 2];
        ByteBuffer.wrap(utf16.bytes, utf16.offset, utf16.length).order(ByteOrder.LITTLE_ENDIAN).asCharBuffer().get(units);
        return new String(units);
    }

    private static void addBody(Document doc, String text) {
        doc.add(new Field(BODY, text, TEXT_WITH_OFFSETS));
        doc.add(new Field(BODY_BIGRAM, text, TEXT_WITH_OFFSETS));
        doc.add(new StoredField(BODY, new BytesRef(text.getBytes(StandardCharsets.UTF_16LE))));
    }

    private static void addText(Document doc, String field, String bigramField, String text) {
        doc.add(new Field(field, text, STORED_TEXT_WITH_OFFSETS));
        doc.add(new Field(bigramField, text, TEXT_WITH_OFFSETS));
    }

    private static void addLabels(Document doc, Article article, Set<String> companies) {
        StringBuilder labels = new StringBuilder();
        for (String value : article.tags()) {
            labels.append(value).append('\n');
        }
        for (String value : companies) {
            labels.append(value).append('\n');
        }
        doc.add(new Field(LABELS, labels.toString(), TEXT_WITH_OFFSETS));
    }

    private static void addFacet(Document doc, String dim, String storedField, List<String> values) {
        for (String value : values) {
            if (value.isBlank()) {
                continue;
            }
            doc.add(new SortedSetDocValuesFacetField(dim, value));
            doc.add(new StoredField(storedField, value));
        }
    }

    private static FieldType textType(boolean stored) {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setStored(stored);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }
}
