package kensaku.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code kensaku} command: one subcommand per job. */
@Command(name = "kensaku", mixinStandardHelpOptions = true, version = "kensaku 0.1.0",
        description = "Full-text search for Japanese articles.",
        footer = {"", "The benchmark tools (gen-corpus, bench, query-cpu, bench-hostile, bench-micro) are not part of this "
                + "jar: in a checkout bin/kensaku runs them from target/kensaku-bench.jar (docs/BENCHMARKS.md)."},
        subcommands = {IndexCommand.class, SearchCommand.class, ServeCommand.class, AnalyticsCommand.class, ConfigCommand.class,
                EvalCommand.class, PluginCommand.class, VerifyCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        QuietStart.configureLogging(args.length > 0 ? args[0] : "");
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code; used by tests too. */
    public static int run(String... args) {
        return run(new PrintWriter(System.err, true), args);
    }

    /** Runs a command line with picocli's, the configuration's and {@link FileProblems}' messages written to {@code err}. */
    static int run(PrintWriter err, String... args) {
        return run(new PrintWriter(System.out, true), err, args);
    }

    /** As above, with {@code config --print}'s output written to {@code out}; for tests. */
    static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(new FileProblems()).setOut(out).setErr(err);
        commandLine.getSubcommands().get("config").setUnmatchedOptionsArePositionalParams(true);
        try {
            configFor(args).ifPresent(commandLine::setDefaultValueProvider);
        } catch (ConfigFile.ConfigException e) {
            err.println("kensaku: " + e.getMessage());
            err.flush();
            return 2;
        }
        return commandLine.execute(args);
    }

    /** The checked configuration file of a command that takes one, if the command line names one or one lies beside the corpus. */
    private static Optional<ConfigFile> configFor(String[] args) throws ConfigFile.ConfigException {
        if (args.length == 0 || !(Settings.COMMANDS.contains(args[0]) || args[0].equals("config"))
                || List.of(args).contains("--help") || List.of(args).contains("-h")) {
            return Optional.empty();
        }
        Optional<Path> file = ConfigFile.locate(args);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        List<Supplier<Object>> commands = Settings.COMMANDS.stream().<Supplier<Object>>map(name -> () -> command(name)).toList();
        return Optional.of(ConfigFile.load(file.get(), commands));
    }

    /** A fresh instance of a command a configuration file configures. */
    static Object command(String name) {
        return switch (name) {
            case "serve" -> new ServeCommand();
            case "index" -> new IndexCommand();
            case "search" -> new SearchCommand();
            default -> throw new IllegalArgumentException("no settings for " + name);
        };
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }
}
