import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import kensaku.analysis.CompanyGazetteer;
import kensaku.analysis.JapaneseAnalyzers;
import kensaku.corpus.Article;
import kensaku.corpus.ArticleReader;
import kensaku.corpus.ReadResult;
import kensaku.index.Indexer;
import kensaku.index.Schema;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.store.FSDirectory;

/**
 * What the reading view's body field costs (docs/BENCHMARKS.md, "Levers weighed"): the same articles indexed as
 * now, with body_rd without offsets, with documents and frequencies only, without it, and without any reading
 * field; each merged to one segment, its size and the process's CPU. The first build warms the JIT. Run with the
 * product jar on the class path:
 *
 * <pre>java -cp target/kensaku.jar src/bench/scripts/ReadingFieldSizes.java CORPUS MAX-ARTICLES OUT-FOLDER</pre>
 */
public final class ReadingFieldSizes {
    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        int max = Integer.parseInt(args[1]);
        Path out = Path.of(args[2]);
        ArticleReader reader = new ArticleReader();
        CompanyGazetteer gazetteer = CompanyGazetteer.builtIn();
        List<Article> articles = new ArrayList<>();
        long bytes = 0;
        for (Path file : reader.listFiles(corpus).subList(0, max)) {
            bytes += Files.size(file);
            if (reader.read(corpus, file) instanceof ReadResult.Read read) articles.add(read.article());
        }
        Schema schema = new Schema(java.time.ZoneId.of("Asia/Tokyo"));
        FieldType positionsOnly = new FieldType();
        positionsOnly.setTokenized(true);
        positionsOnly.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        positionsOnly.freeze();
        for (String variant : List.of("warm-up", "as-is", "body_rd-no-offsets", "body_rd-docs-freqs", "no-body_rd", "no-reading-fields")) {
            Path dir = out.resolve(variant);
            long cpu0 = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
            long wall0 = System.nanoTime();
            try (JapaneseAnalyzers analyzers = new JapaneseAnalyzers(gazetteer);
                 FSDirectory directory = FSDirectory.open(dir);
                 IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(schema.indexAnalyzer(analyzers))
                         .setOpenMode(IndexWriterConfig.OpenMode.CREATE).setRAMBufferSizeMB(256))) {
                for (Article article : articles) {
                    Document doc = schema.toDocument(article, Indexer.companiesOf(gazetteer, article));
                    switch (variant) {
                        case "body_rd-no-offsets" -> { doc.removeFields(Schema.BODY_READING); doc.add(new Field(Schema.BODY_READING, article.bodyText(), positionsOnly)); }
                        case "body_rd-docs-freqs" -> { doc.removeFields(Schema.BODY_READING); FieldType t = new FieldType(); t.setTokenized(true); t.setIndexOptions(IndexOptions.DOCS_AND_FREQS); t.freeze(); doc.add(new Field(Schema.BODY_READING, article.bodyText(), t)); }
                        case "no-body_rd" -> doc.removeFields(Schema.BODY_READING);
                        case "no-reading-fields" -> Schema.readingFields().forEach(doc::removeFields);
                        default -> { }
                    }
                    writer.addDocument(schema.facetsConfig().build(doc));
                }
                writer.forceMerge(1);
                writer.commit();
            }
            long cpu = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() - cpu0;
            double wall = (System.nanoTime() - wall0) / 1e9;
            long size;
            try (Stream<Path> files = Files.list(dir)) { size = files.mapToLong(f -> f.toFile().length()).sum(); }
            System.out.printf("%-20s %,d bytes, %.2fx the corpus (%,d bytes, %d articles); indexing %.1f s CPU, %.1f s wall%n", variant, size, (double) size / bytes, bytes, articles.size(), cpu / 1e9, wall);
        }
    }
}
