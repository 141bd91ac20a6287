package kensaku.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --config FILE}, for the commands a configuration file configures. {@link Main} reads it before picocli
 * parses the rest, so that the file's values become the flags' defaults.
 */
final class ConfigOption {
    @Option(names = "--config", paramLabel = "FILE",
            description = "Settings file (default: " + ConfigFile.NAME + " beside the corpus folder, if there is one).")
    Path file;
}
