package kensaku.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A {@code kensaku.toml}: flat {@code key = value} lines whose keys are the flags of {@link Settings}. It is read
 * and checked whole before a command runs (unknown keys, wrong types, values the flag would refuse: file, line and
 * key), then lends its values to picocli as defaults, so a flag on the command line always wins. Relative paths
 * are read from the file's folder, as Hugo and systemd read theirs.
 */
final class ConfigFile implements CommandLine.IDefaultValueProvider {
    static final String NAME = "kensaku.toml";

    private final Path file;
    private final Map<String, Entry> entries;

    /** One setting as written: its values as text and the line it is on. */
    record Entry(String key, List<String> values, int line) {}

    private ConfigFile(Path file, Map<String, Entry> entries) {
        this.file = file;
        this.entries = Map.copyOf(entries);
    }

    /** The file a command line names with {@code --config}, else {@code kensaku.toml} beside its corpus folder. */
    static Optional<Path> locate(String[] args) throws ConfigException {
        Optional<String> named = flagValue(args, "--config");
        if (named.isPresent()) {
            Path path = Path.of(named.get());
            if (!Files.isRegularFile(path)) {
                throw new ConfigException("no configuration file at " + path);
            }
            return Optional.of(path);
        }
        Path corpus = Path.of(flagValue(args, "--corpus").orElse("corpus")).toAbsolutePath().normalize();
        Path beside = (corpus.getParent() == null ? corpus : corpus.getParent()).resolve(NAME);
        return Files.isRegularFile(beside) ? Optional.of(beside) : Optional.empty();
    }

    private static Optional<String> flagValue(String[] args, String flag) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) {
                break;
            }
            if (args[i].equals(flag) && i + 1 < args.length) {
                return Optional.of(args[i + 1]);
            }
            if (args[i].startsWith(flag + "=")) {
                return Optional.of(args[i].substring(flag.length() + 1));
            }
        }
        return Optional.empty();
    }

    /**
     * Reads and checks the file against the flags of the given commands (fresh instances, used only to convert
     * values): every problem is reported with the file, its line and the key.
     */
    static ConfigFile load(Path path, List<Supplier<Object>> commands) throws ConfigException {
        Path file = path.toAbsolutePath().normalize();
        TomlParseResult toml;
        try {
            toml = Toml.parse(file);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage());
        }
        if (toml.hasErrors()) {
            TomlParseError error = toml.errors().get(0);
            throw new ConfigException(file + ":" + error.position().line() + ": " + error.getMessage());
        }
        List<CommandLine> checkers = commands.stream().map(command -> new CommandLine(command.get())
                .setCaseInsensitiveEnumValuesAllowed(true)).toList();
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (String key : toml.keySet()) {
            int line = toml.inputPositionOf(key).line();
            String where = file + ":" + line + ": " + key;
            if (!Settings.KEYS.contains(key)) {
                throw new ConfigException(where + ": unknown setting (known: " + String.join(", ", Settings.KEYS) + ")");
            }
            Object value = toml.get(key);
            if (value instanceof TomlTable) {
                throw new ConfigException(where + ": is a table; settings are plain key = value lines");
            }
            Entry entry = new Entry(key, texts(value, where), line);
            check(entry, value, checkers, file.getParent(), where);
            entries.put(key, entry);
        }
        return new ConfigFile(file, entries);
    }

    private static List<String> texts(Object value, String where) throws ConfigException {
        if (!(value instanceof TomlArray array)) {
            return List.of(String.valueOf(value));
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            Object element = array.get(i);
            if (element instanceof TomlArray || element instanceof TomlTable) {
                throw new ConfigException(where + ": an array of plain values was expected");
            }
            texts.add(String.valueOf(element));
        }
        return List.copyOf(texts);
    }

    /** Converts the value with the flag's own converter in every command that has the flag. */
    private static void check(Entry entry, Object raw, List<CommandLine> checkers, Path folder, String where)
            throws ConfigException {
        if (checkers.stream().allMatch(c -> c.getCommandSpec().findOption("--" + entry.key()) == null)) {
            throw new ConfigException(where + ": no command takes --" + entry.key());
        }
        for (CommandLine checker : checkers) {
            OptionSpec option = checker.getCommandSpec().findOption("--" + entry.key());
            if (option == null) {
                continue;
            }
            boolean flag = option.arity().max() == 0;
            if (flag && !(raw instanceof Boolean)) {
                throw new ConfigException(where + ": true or false expected, not " + raw);
            }
            if (raw instanceof TomlArray && !option.isMultiValue()) {
                throw new ConfigException(where + ": takes one value, not an array");
            }
            if (flag) {
                continue;
            }
            if (option.isMultiValue() && option.splitRegex().isEmpty() && entry.values().size() > 1) {
                throw new ConfigException(where + ": takes one value in a file (its flag has no split = \",\")");
            }
            List<String> args = new ArrayList<>();
            for (String value : resolved(option, entry.values(), folder)) {
                args.add("--" + entry.key() + "=" + value);
            }
            try {
                checker.parseArgs(args.toArray(String[]::new));
            } catch (CommandLine.ParameterException e) {
                throw new ConfigException(where + ": " + e.getMessage());
            }
        }
    }

    /** Relative paths in the file are read from the file's folder, wherever the command runs. */
    private static List<String> resolved(OptionSpec option, List<String> values, Path folder) {
        boolean path = option.type() == Path.class
                || (option.isMultiValue() && option.auxiliaryTypes().length > 0 && option.auxiliaryTypes()[0] == Path.class);
        return path ? values.stream().map(v -> folder.resolve(v).normalize().toString()).toList() : values;
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option) || arg.command() == null
                || !Settings.COMMANDS.contains(arg.command().name())) {
            return null;
        }
        Entry entry = entries.get(option.longestName().replaceFirst("^-+", ""));
        if (entry == null) {
            return null;
        }
        List<String> values = resolved(option, entry.values(), file.getParent());
        return option.isMultiValue() && !option.splitRegex().isEmpty() ? String.join(",", values) : values.get(0);
    }

    Path file() {
        return file;
    }

    /** Where a setting was written ({@code /etc/kensaku/kensaku.toml:12}), or empty when the file does not set it. */
    Optional<String> source(String key) {
        Entry entry = entries.get(key);
        return entry == null ? Optional.empty() : Optional.of(file + ":" + entry.line());
    }

    /** A configuration file that cannot be used; the message names the file, the line and the key. */
    static final class ConfigException extends Exception {
        ConfigException(String message) {
            super(message);
        }
    }
}
