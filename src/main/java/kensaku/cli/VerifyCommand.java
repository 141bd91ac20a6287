package kensaku.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import kensaku.index.IndexDirectory;
import kensaku.index.IndexVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Checks every file of the live generation (and the previous one) against the checksums Lucene wrote. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check the index for damage: every file of the live generation and of the previous one is read "
                + "and compared with its checksum.",
                "Exit status: 0 the live generation is intact; 1 it is damaged; 2 there is no index."})
public final class VerifyCommand implements Callable<Integer> {
    @Option(names = "--index", defaultValue = "index", description = "Index folder (default: ${DEFAULT-VALUE}).")
    Path index;

    @Override
    public Integer call() throws Exception {
        IndexDirectory directory = new IndexDirectory(index);
        Optional<Path> live = directory.live();
        if (live.isEmpty()) {
            System.err.println("kensaku verify: no index at " + directory.root() + "; run the index command first");
            return 2;
        }
        IndexVerifier.Result result = IndexVerifier.verify(live.get());
        System.out.println("live      " + result.describe());
        Optional<Path> previous = directory.previous();
        if (previous.isPresent()) {
            System.out.println("previous  " + IndexVerifier.verify(previous.get()).describe());
        }
        return result.intact() ? 0 : 1;
    }
}
