package kensaku.corpus;

import java.nio.file.Path;
import java.util.List;

/** Reads corpus files into {@link Article}s. Placeholder: the corpus work fills this in. */
public final class ArticleReader {
    public ArticleReader() { }

    public ArticleReader(java.time.ZoneId zone) { }

    /** Every indexable file (.md, .markdown, .txt) under root, in sub-folders too, sorted by id. */
    public List<Path> listFiles(Path root) {
        throw new UnsupportedOperationException("todo");
    }

    /** Reads one file; never throws for bad content, returns a Failed with the reason instead. */
    public ReadResult read(Path root, Path file) {
        throw new UnsupportedOperationException("todo");
    }
}
