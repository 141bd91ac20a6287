package kensaku.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import kensaku.analysis.CompanyGazetteer;
import kensaku.analysis.JapaneseAnalyzers;
import kensaku.corpus.Article;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class SchemaTest {
    // Kanji, kana, a character outside the BMP (a surrogate pair), full-width and ASCII, and a line break.
    private static final String BODY = "𠮷野家のＡＩ投資は1,250億ドル。\nNVIDIAのサーバーを増やす。";

    @Test
    void theBodyIsStoredAsUtf16AndReadBackWhole() throws IOException {
        Schema schema = new Schema(IndexFixtures.TOKYO);
        Article article = new Article("2025/a.md", "タイトル", Instant.parse("2025-01-02T03:04:05Z"), List.of("半導体"),
                List.of("news"), "", "要約", BODY, "<p>" + BODY + "</p>", "hash");
        try (JapaneseAnalyzers analyzers = new JapaneseAnalyzers(CompanyGazetteer.builtIn());
             ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(schema.indexAnalyzer(analyzers)))) {
                writer.addDocument(schema.facetsConfig().build(schema.toDocument(article, Set.of("NVIDIA"))));
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                Document stored = reader.storedFields().document(0);
                BytesRef bytes = stored.getBinaryValue(Schema.BODY);
                assertNotNull(bytes, "the body is a binary stored field");
                assertEquals(2 * BODY.length(), bytes.length, "two bytes per UTF-16 unit, not UTF-8's three");
                assertNull(stored.get(Schema.BODY), "no second, string copy");
                assertEquals(BODY, Schema.storedText(stored, Schema.BODY));
                assertEquals("タイトル", Schema.storedText(stored, Schema.TITLE), "string fields read as they are");
                assertEquals(1, new IndexSearcher(reader).count(new TermQuery(new Term(Schema.BODY, "投資"))),
                        "the body is still indexed");
            }
        }
    }
}
