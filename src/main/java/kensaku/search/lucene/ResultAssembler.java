package kensaku.search.lucene;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kensaku.corpus.PageAddress;
import kensaku.corpus.SiteUrls;
import kensaku.index.CompressedText;
import kensaku.index.Schema;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import kensaku.search.ArticleView;
import kensaku.search.Hit;
import kensaku.search.Visibility;
import kensaku.search.highlight.Highlights;
import kensaku.search.highlight.SnippetFormatter;

/** Turns Lucene results into the response records: stored fields and highlights. */
final class ResultAssembler {
    private static final Set<String> HIT_FIELDS = Set.of(Schema.ID, Schema.TITLE, Schema.DATE, Schema.STORED_TAGS,
            Schema.STORED_CATEGORIES, Schema.STORED_COMPANIES, Schema.STORED_AUTHOR, Schema.EXCERPT, Schema.PAGE_URL, Schema.SLUG,
            Schema.PUBLISH_AT, Schema.DRAFT);
    private static final Set<String> HIT_FIELDS_AND_BODY = union(HIT_FIELDS, Schema.BODY);

    private final Schema schema;
    private final SiteUrls siteUrls;

    ResultAssembler(Schema schema, SiteUrls siteUrls) {
        this.schema = schema;
        this.siteUrls = siteUrls;
    }

    /**
     * The stored fields each hit shows, by document id, read once per hit; with the body too when it is to be
     * highlighted (a browsed hit shows its body's opening), so the highlighter does not decompress each
     * article's block again.
     */
    Map<Integer, Document> load(IndexSearcher searcher, ScoreDoc[] docs, boolean withBody) throws IOException {
        StoredFields stored = searcher.storedFields();
        Set<String> fields = withBody ? HIT_FIELDS_AND_BODY : HIT_FIELDS;
        Map<Integer, Document> loaded = new HashMap<>();
        for (ScoreDoc doc : docs) {
            loaded.put(doc.doc, stored.document(doc.doc, fields));
        }
        return loaded;
    }

    List<Hit> hits(IndexSearcher searcher, ScoreDoc[] docs, Highlights.Result marked, Visibility visibility,
                   java.time.Instant now) throws IOException {
        return hits(docs, load(searcher, docs, false), marked, visibility, now);
    }

    /** The hits of a page; a preview server marks drafts and scheduled articles (the only ones it shows extra). */
    List<Hit> hits(ScoreDoc[] docs, Map<Integer, Document> stored, Highlights.Result marked, Visibility visibility,
                   java.time.Instant now) {
        List<Hit> hits = new ArrayList<>(docs.length);
        for (int i = 0; i < docs.length; i++) {
            Document doc = stored.get(docs[i].doc);
            String title = doc.get(Schema.TITLE);
            String titleHtml = SnippetFormatter.nonEmpty(marked.titles()[i], SnippetFormatter.escape(title));
            String snippetHtml = SnippetFormatter.nonEmpty(marked.snippets()[i], SnippetFormatter.escape(doc.get(Schema.EXCERPT)));
            hits.add(new Hit(doc.get(Schema.ID), urlOf(doc), title, titleHtml, dateOf(doc), values(doc, Schema.STORED_TAGS),
                    values(doc, Schema.STORED_CATEGORIES), values(doc, Schema.STORED_COMPANIES),
                    authorOf(doc), doc.get(Schema.EXCERPT), snippetHtml, scoreOf(docs[i]), previewOf(doc, visibility, now)));
        }
        return hits;
    }

    ArticleView article(IndexSearcher searcher, int docId) throws IOException {
        Document doc = searcher.storedFields().document(docId);
        return new ArticleView(doc.get(Schema.ID), urlOf(doc), doc.get(Schema.TITLE), dateOf(doc), values(doc, Schema.STORED_TAGS),
                values(doc, Schema.STORED_CATEGORIES), values(doc, Schema.STORED_COMPANIES), authorOf(doc),
                doc.get(Schema.EXCERPT), Schema.storedText(doc, Schema.BODY), bodyHtml(searcher, docId));
    }

    private String urlOf(Document doc) {
        if (!siteUrls.enabled()) {
            return null;
        }
        IndexableField date = doc.getField(Schema.DATE);
        return siteUrls.urlOf(doc.get(Schema.ID), doc.get(Schema.TITLE),
                date == null ? null : Instant.ofEpochMilli(date.numericValue().longValue()),
                values(doc, Schema.STORED_CATEGORIES),
                new PageAddress(doc.get(Schema.PAGE_URL), doc.get(Schema.SLUG)));
    }

    private static String bodyHtml(IndexSearcher searcher, int docId) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docId, leaves));
        BinaryDocValues html = DocValues.getBinary(leaf.reader(), Schema.BODY_HTML);
        return html.advanceExact(docId - leaf.docBase) ? CompressedText.decompress(html.binaryValue()) : "";
    }

    private String dateOf(Document doc) {
        IndexableField field = doc.getField(Schema.DATE);
        if (field == null) {
            return null;
        }
        Instant instant = Instant.ofEpochMilli(field.numericValue().longValue());
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(schema.zone()).toOffsetDateTime());
    }

    private static String previewOf(Document doc, Visibility visibility, java.time.Instant now) {
        if (!visibility.isPreview()) {
            return null;
        }
        IndexableField publishAt = doc.getField(Schema.PUBLISH_AT);
        return visibility.previewOf(doc.get(Schema.DRAFT) != null,
                publishAt == null ? null : publishAt.numericValue().longValue(), now);
    }

    private static String authorOf(Document doc) {
        String author = doc.get(Schema.STORED_AUTHOR);
        return author == null ? "" : author;
    }

    private static List<String> values(Document doc, String field) {
        return List.of(doc.getValues(field));
    }

    private static float scoreOf(ScoreDoc doc) {
        if (doc instanceof FieldDoc fieldDoc && Float.isNaN(doc.score) && fieldDoc.fields.length > 0
                && fieldDoc.fields[0] instanceof Float score) {
            return score;
        }
        return Float.isNaN(doc.score) ? 0f : doc.score;
    }


    private static Set<String> union(Set<String> fields, String more) {
        Set<String> all = new HashSet<>(fields);
        all.add(more);
        return Set.copyOf(all);
    }
}
