package kensaku.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import kensaku.analysis.CompanyGazetteer;
import kensaku.analysis.JapaneseAnalyzers;
import kensaku.corpus.ArticleReader;
import kensaku.index.IndexDirectory;
import kensaku.index.IndexProgress;
import kensaku.index.Indexer;
import kensaku.index.Schema;
import kensaku.relevance.EvalReport;
import kensaku.relevance.Evaluator;
import kensaku.relevance.JudgedSet;
import kensaku.search.lucene.LiveIndex;
import kensaku.search.lucene.SearchService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Indexes a judged corpus and prints nDCG@10, recall@10 and MRR per query class and overall. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Measure ranking quality: index the corpus, run every judged query, print nDCG@10, recall@10",
                "and MRR per query class and overall (a Markdown table)."})
public final class EvalCommand implements Callable<Integer> {
    @Option(names = "--corpus", required = true,
            description = "Corpus folder; repeat to join several (their files must not share a path).")
    List<Path> corpora;

    @Option(names = "--judgments", required = true, description = "Judgments file (class, query, id=grade…).")
    Path judgments;

    @Option(names = "--index", description = "Index folder to build into (default: a temporary folder, removed after).")
    Path index;

    @Option(names = "--details", description = "Also print each query's scores and ranked ids with their grades.")
    boolean details;

    @Option(names = "--zone", defaultValue = "Asia/Tokyo",
            description = "Display time zone for dates (default: ${DEFAULT-VALUE}).")
    ZoneId zone;

    @Override
    public Integer call() throws Exception {
        Path work = Files.createTempDirectory("kensaku-eval");
        try {
            Path corpus = corpora.size() == 1 ? corpora.get(0) : joined(corpora, work.resolve("corpus"));
            Path indexFolder = index == null ? work.resolve("index") : index;
            EvalReport report = evaluate(corpus, indexFolder, JudgedSet.read(judgments));
            System.out.print(report.table());
            if (details) {
                System.out.print(System.lineSeparator() + report.details());
            }
            return 0;
        } finally {
            deleteTree(work);
        }
    }

    private EvalReport evaluate(Path corpus, Path indexFolder, JudgedSet judged) throws IOException {
        // The built-in gazetteer: judgments are made against the analysis kensaku ships with.
        CompanyGazetteer gazetteer = CompanyGazetteer.builtIn();
        Schema schema = new Schema(zone);
        try (JapaneseAnalyzers analyzers = new JapaneseAnalyzers(gazetteer)) {
            IndexDirectory directory = new IndexDirectory(indexFolder);
            new Indexer(schema, analyzers, gazetteer, new ArticleReader(zone), 2)
                    .build(corpus, directory, IndexProgress.SILENT);
            try (LiveIndex live = new LiveIndex(directory, schema, Duration.ofHours(1))) {
                return new Evaluator(new SearchService(live, schema, analyzers, gazetteer)).evaluate(judged);
            }
        }
    }

    /** Copies the folders into one, keeping relative paths, so article ids are the same as in each folder. */
    private static Path joined(List<Path> folders, Path target) throws IOException {
        for (Path folder : folders) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Path copy = target.resolve(folder.relativize(file).toString());
                    Files.createDirectories(copy.getParent());
                    try {
                        Files.copy(file, copy);
                    } catch (FileAlreadyExistsException e) {
                        throw new IOException("two corpus folders both hold " + folder.relativize(file), e);
                    }
                }
            }
        }
        return target;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
