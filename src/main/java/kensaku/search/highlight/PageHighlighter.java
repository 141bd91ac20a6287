package kensaku.search.highlight;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kensaku.analysis.JapaneseAnalyzers;
import kensaku.index.Schema;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.ByteBuffersDirectory;
import kensaku.search.plan.LuceneQueries;
import kensaku.search.plan.SearchPlan;

/**
 * Highlights one page of hits whose text lives outside the embedded index (in a cluster): the page's titles
 * and bodies go into a small in-memory index with the same fields and analysis, and the same query
 * plan, highlighter and formatter mark them. So a cluster backend returns markup identical to the embedded one,
 * escaping included. Passage choice depends only on each document's own text, never on index statistics.
 */
public final class PageHighlighter {
    private final Schema schema;
    private final JapaneseAnalyzers analyzers;
    private final LuceneQueries queries;
    private final Highlights highlights;

    /** The text of one hit to mark. */
    public record Text(String title, String excerpt, String body) {}

    /** Escaped markup for one hit, matches in {@code <mark>}. */
    public record Marked(String titleHtml, String snippetHtml) {}

    public PageHighlighter(Schema schema, JapaneseAnalyzers analyzers) {
        this.schema = schema;
        this.analyzers = analyzers;
        this.queries = new LuceneQueries(analyzers, schema);
        this.highlights = new Highlights(schema.indexAnalyzer(analyzers));
    }

    /** Markup for each text, in order, marking the plan's highlight terms (none when browsing). */
    public List<Marked> highlight(SearchPlan plan, List<Text> texts) throws IOException {
        if (texts.isEmpty()) {
            return List.of();
        }
        Query titleQuery = queries.highlightQuery(plan, Schema.TITLE);
        Query bodyQuery = queries.highlightQuery(plan, Schema.BODY);
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(schema.indexAnalyzer(analyzers)))) {
                for (Text text : texts) {
                    writer.addDocument(schema.highlightable(text.title(), text.body()));
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                int[] docIds = new int[texts.size()];
                Map<Integer, Document> stored = new HashMap<>();
                for (int i = 0; i < docIds.length; i++) {
                    docIds[i] = i;
                    Document doc = new Document();
                    doc.add(new StoredField(Schema.TITLE, texts.get(i).title()));
                    doc.add(new StoredField(Schema.BODY, texts.get(i).body()));
                    stored.put(i, doc);
                }
                Highlights.Result marked =
                        highlights.highlight(new IndexSearcher(reader), titleQuery, bodyQuery, docIds, stored);
                List<Marked> result = new ArrayList<>(texts.size());
                for (int i = 0; i < texts.size(); i++) {
                    result.add(new Marked(
                            SnippetFormatter.nonEmpty(marked.titles()[i], SnippetFormatter.escape(texts.get(i).title())),
                            SnippetFormatter.nonEmpty(marked.snippets()[i], SnippetFormatter.escape(texts.get(i).excerpt()))));
                }
                return result;
            }
        }
    }

    /** Markup for hits shown without a query match (related articles): the escaped title and excerpt. */
    public static Marked unmarked(Text text) {
        return new Marked(SnippetFormatter.escape(text.title()), SnippetFormatter.escape(text.excerpt()));
    }
}
