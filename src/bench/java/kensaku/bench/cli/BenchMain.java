package kensaku.bench.cli;

import java.io.PrintWriter;
import kensaku.cli.FileProblems;
import kensaku.cli.QuietStart;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The benchmark tools' command line, kept out of the product: {@code target/kensaku-bench.jar}, which
 * {@code bin/kensaku} runs for {@code gen-corpus}, {@code bench}, {@code query-cpu} and {@code bench-hostile}.
 * It shares the product's one-line file problems and quiet logging so the commands read as before.
 */
@Command(name = "kensaku", mixinStandardHelpOptions = true, version = "kensaku benchmark 0.1.0",
        description = "kensaku's benchmark tools (not part of the product jar).",
        subcommands = {GenCorpusCommand.class, BenchCommand.class, QueryCpuCommand.class, HostileBenchCommand.class,
                MicroBenchCommand.class})
public final class BenchMain implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        QuietStart.configureLogging(args.length > 0 ? args[0] : "");
        System.exit(run(new PrintWriter(System.err, true), args));
    }

    /** Runs a command line and returns its exit code; for tests. */
    public static int run(String... args) {
        return run(new PrintWriter(System.err, true), args);
    }

    /** As above, with picocli's and {@link FileProblems}' messages written to {@code err}. */
    public static int run(PrintWriter err, String... args) {
        return new CommandLine(new BenchMain()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(new FileProblems()).setErr(err).execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }
}
