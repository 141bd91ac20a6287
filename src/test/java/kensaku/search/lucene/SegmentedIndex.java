package kensaku.search.lucene;

import java.io.IOException;
import java.nio.file.Path;
import kensaku.corpus.Article;
import kensaku.corpus.ArticleReader;
import kensaku.corpus.ReadResult;
import kensaku.index.IndexFixtures;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOFunction;

/**
 * The seed and judged articles indexed on disk in several segments (a commit every few articles, no merging), so
 * that code working per segment is compared with Lucene's own on more than one.
 */
public final class SegmentedIndex {
    private SegmentedIndex() {}

    /** Writes every article of the two folders as {@code toDocument} makes it; the caller closes the directory. */
    public static Directory write(Path temp, Analyzer analyzer, int articlesPerSegment,
            IOFunction<Article, Document> toDocument) throws IOException {
        Path corpus = IndexFixtures.corpusOf(temp.resolve("corpus"), IndexFixtures.SEEDS,
                Path.of("src/test/resources/relevance/corpus"));
        Directory directory = FSDirectory.open(temp.resolve("index"));
        ArticleReader articles = new ArticleReader(IndexFixtures.TOKYO);
        try (IndexWriter writer = new IndexWriter(directory,
                new IndexWriterConfig(analyzer).setMergePolicy(NoMergePolicy.INSTANCE))) {
            int added = 0;
            for (Path file : articles.listFiles(corpus)) {
                if (articles.read(corpus, file) instanceof ReadResult.Read read) {
                    writer.addDocument(toDocument.apply(read.article()));
                    if (++added % articlesPerSegment == 0) {
                        writer.commit();
                    }
                }
            }
        }
        return directory;
    }
}
