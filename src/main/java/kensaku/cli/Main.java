package kensaku.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code kensaku} command: one subcommand per job. */
@Command(name = "kensaku", mixinStandardHelpOptions = true, version = "kensaku 0.1.0",
        description = "Full-text search for Japanese articles.",
        subcommands = {IndexCommand.class, SearchCommand.class, ServeCommand.class, EvalCommand.class,
                GenCorpusCommand.class, BenchCommand.class, QueryCpuCommand.class, PluginCommand.class,
                VerifyCommand.class, HostileBenchCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code; used by tests too. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** Runs a command line with picocli's and {@link FileProblems}' messages written to {@code err}; for tests. */
    static int run(PrintWriter err, String... args) {
        return commandLine().setErr(err).execute(args);
    }

    private static CommandLine commandLine() {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(new FileProblems());
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }
}
