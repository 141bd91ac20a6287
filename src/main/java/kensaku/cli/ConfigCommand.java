package kensaku.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParseResult;

/** Shows the settings a command would run with and where each came from: a flag, the file (with its line), or the default. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = {"Show the settings in force and where each came from.",
                "kensaku config --print [serve|index|search [FLAGS…]]   (all three when no command is given)"})
public final class ConfigCommand implements Callable<Integer> {
    @Option(names = "--print", required = true, description = "Print the settings in force, as TOML.")
    boolean print;

    @Mixin
    ConfigOption config;

    @Parameters(arity = "0..*", paramLabel = "COMMAND", description = "serve, index or search, and its flags.")
    List<String> commandLine = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        CommandLine.IDefaultValueProvider provider = spec.defaultValueProvider();
        Optional<ConfigFile> file = provider instanceof ConfigFile f ? Optional.of(f) : Optional.empty();
        List<String> names = commandLine.isEmpty() ? List.of("serve", "index", "search") : List.of(commandLine.get(0));
        List<String> flags = commandLine.isEmpty() ? List.of() : commandLine.subList(1, commandLine.size());
        if (!Settings.COMMANDS.contains(names.get(0))) {
            spec.commandLine().getErr().println("kensaku config: settings belong to serve, index or search, not " + names.get(0));
            return 2;
        }
        out.println("# settings in force for " + String.join(", ", names) + "; configuration file: "
                + file.map(f -> f.file().toString()).orElse("none"));
        Set<String> shown = new LinkedHashSet<>();
        for (String name : names) {
            CommandLine command = new CommandLine(Main.command(name)).setCaseInsensitiveEnumValuesAllowed(true)
                    .setDefaultValueProvider(provider);
            ParseResult parsed = command.parseArgs(flags.toArray(String[]::new));
            for (String key : Settings.KEYS) {
                OptionSpec option = command.getCommandSpec().findOption("--" + key);
                if (option == null || !shown.add(key)) {
                    continue;
                }
                String source = parsed.hasMatchedOption(option) ? "command line"
                        : file.flatMap(f -> f.source(key)).orElse("default");
                Object value = option.getValue();
                String line = value == null || (value instanceof Collection<?> c && c.isEmpty())
                        ? "# " + key + " = (not set)" : key + " = " + toml(value);
                out.printf(Locale.ROOT, "%-44s # %s%n", line, source);
            }
        }
        out.flush();
        return 0;
    }

    private static String toml(Object value) {
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(ConfigCommand::toml).collect(Collectors.joining(", ", "[", "]"));
        }
        String text = value instanceof Enum<?> e ? e.name().toLowerCase(Locale.ROOT)
                : value instanceof Path p ? p.toString() : value.toString();
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
