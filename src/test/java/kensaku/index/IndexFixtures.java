package kensaku.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.stream.Stream;
import kensaku.analysis.CompanyGazetteer;
import kensaku.analysis.JapaneseAnalyzers;
import kensaku.corpus.ArticleReader;

/** Builds real indexes from real corpus folders for tests. */
public final class IndexFixtures {
    public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    /** The five seed articles, kept at the project root. */
    public static final Path SEEDS = Path.of("corpus");

    private IndexFixtures() {}

    /** Copies every file of the given folders into target (flat), returning target. */
    public static Path corpusOf(Path target, Path... folders) throws IOException {
        Files.createDirectories(target);
        for (Path folder : folders) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, target.resolve(file.getFileName()));
                }
            }
        }
        return target;
    }

    public static IndexReport build(Path corpus, Path index) throws IOException {
        CompanyGazetteer gazetteer = CompanyGazetteer.builtIn();
        try (JapaneseAnalyzers analyzers = new JapaneseAnalyzers(gazetteer)) {
            Indexer indexer = new Indexer(new Schema(TOKYO), analyzers, gazetteer, new ArticleReader(TOKYO), 2);
            return indexer.build(corpus, new IndexDirectory(index), IndexProgress.SILENT);
        }
    }
}
