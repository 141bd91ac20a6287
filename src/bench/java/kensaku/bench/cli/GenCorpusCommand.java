package kensaku.bench.cli;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import kensaku.analysis.CompanyGazetteer;
import kensaku.bench.CorpusGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes a deterministic benchmark corpus. */
@Command(name = "gen-corpus", mixinStandardHelpOptions = true,
        description = {"Generate a deterministic benchmark corpus (same seed and text, byte-identical files).",
                "Text comes from the seed articles plus any --text file or folder (.gz files are read too)."})
public final class GenCorpusCommand implements Callable<Integer> {
    @Option(names = "--docs", required = true, description = "Number of articles.")
    int docs;

    @Option(names = "--out", required = true, description = "Output folder (created; must be empty or absent).")
    Path out;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--seeds", defaultValue = "corpus", description = "Folder of seed articles (default: ${DEFAULT-VALUE}).")
    Path seeds;

    @Option(names = "--text", description = "Extra Japanese text: a file or folder, one paragraph a line or blank-line separated (repeatable).")
    List<Path> text = List.of();

    @Override
    public Integer call() throws Exception {
        if (docs < 1) {
            System.err.println("--docs must be at least 1");
            return 2;
        }
        if (Files.isDirectory(out)) {
            try (var entries = Files.list(out)) {
                if (entries.findAny().isPresent()) {
                    System.err.println("--out " + out + " is not empty");
                    return 2;
                }
            }
        }
        if (!Files.exists(seeds)) {
            // The default is relative to the project folder, so say so rather than only "no such file".
            throw new NoSuchFileException(seeds.toString(), null,
                    "no such folder of seed articles; run from the project folder or pass --seeds");
        }
        long started = System.nanoTime();
        List<String> pool = CorpusGenerator.textPool(seeds, text);
        CorpusGenerator generator = new CorpusGenerator(pool, CompanyGazetteer.builtIn());
        long bytes = generator.write(out, docs, seed);
        System.out.printf("wrote %,d articles, %,d bytes (%.1f MB) to %s from %,d paragraphs in %.1f s%n", docs, bytes,
                bytes / 1e6, out, pool.size(), (System.nanoTime() - started) / 1e9);
        return 0;
    }
}
