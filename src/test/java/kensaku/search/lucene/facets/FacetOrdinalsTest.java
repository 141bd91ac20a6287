package kensaku.search.lucene.facets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The counts of {@link FacetOrdinals} against Lucene's own ({@code SortedSetDocValuesFacetCounts}) on segments of
 * several hundred documents (many bit words each, deletions in two of three), for searches matching from a few of them to
 * nearly all: the sparse, the dense and the counted-from-the-other-side paths.
 */
class FacetOrdinalsTest {
    private static final List<String> DIMS = List.of("company", "tag");

    @TempDir
    Path temp;

    @Test
    void countsWhatLuceneCountsAtEveryDensity() throws IOException {
        FacetsConfig config = new FacetsConfig();
        config.setMultiValued("tag", true);
        Random random = new Random(27);
        try (FSDirectory directory = FSDirectory.open(temp);
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new KeywordAnalyzer())
                     .setMergePolicy(NoMergePolicy.INSTANCE))) {
            for (int i = 0; i < 1500; i++) {
                Document doc = new Document();
                doc.add(new StringField("id", "a" + i, StringField.Store.NO));
                doc.add(new IntField("bucket", random.nextInt(100), IntField.Store.NO));
                if (random.nextInt(10) > 0) { // some articles name no company
                    doc.add(new SortedSetDocValuesFacetField("company", "c" + random.nextInt(7)));
                }
                for (int t = random.nextInt(4); t > 0; t--) {
                    doc.add(new SortedSetDocValuesFacetField("tag", "t" + random.nextInt(12)));
                }
                writer.addDocument(config.build(doc));
                if (i % 500 == 499) {
                    writer.commit(); // three segments of 500 documents
                }
            }
            for (int i = 0; i < 1000; i += 37) { // the last segment keeps all of its documents
                writer.deleteDocuments(new Term("id", "a" + i));
            }
            writer.commit();
        }
        try (FSDirectory directory = FSDirectory.open(temp); DirectoryReader reader = DirectoryReader.open(directory)) {
            assertTrue(reader.leaves().size() >= 3, "several segments");
            IndexSearcher searcher = new IndexSearcher(reader);
            SortedSetDocValuesReaderState state = new DefaultSortedSetDocValuesReaderState(reader, config);
            FacetOrdinals ordinals = FacetOrdinals.read(state, DIMS);
            for (int upTo : new int[] {0, 2, 10, 30, 49, 51, 70, 95, 99}) {
                Query query = IntField.newRangeQuery("bucket", 0, upTo);
                FacetsCollector matches = searcher.search(query, new FacetsCollectorManager());
                int[] counts = ordinals.count(matches);
                SortedSetDocValuesFacetCounts lucene = new SortedSetDocValuesFacetCounts(state, matches);
                for (String dim : DIMS) {
                    assertEquals(values(lucene.getAllChildren(dim)), values(ordinals.children(dim, counts)),
                            dim + " over buckets 0-" + upTo);
                }
            }
        }
    }

    private static Map<String, Number> values(FacetResult result) {
        Map<String, Number> values = new TreeMap<>();
        if (result != null) {
            for (LabelAndValue child : result.labelValues) {
                values.put(child.label, child.value.intValue());
            }
        }
        return values;
    }
}
