package kensaku.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Command lines for kensaku's own JVMs (index, serve), with the flags bin/kensaku gives them: serve the parallel
 * collector and a class-data archive, every other command G1. A collector the caller picks replaces the default
 * (the JVM refuses two).
 */
final class KensakuJvm {
    private static final Pattern GC_CHOICE = Pattern.compile("-XX:\\+Use\\w+GC");

    private final Path java;
    private final String classpath;
    private final Path classArchive;

    /** @param classArchive where serve keeps its class-data archive (loading classes from it is most of a restart) */
    KensakuJvm(Path java, String classpath, Path classArchive) {
        this.java = java;
        this.classpath = classpath;
        this.classArchive = classArchive;
    }

    Path classArchive() {
        return classArchive;
    }

    /** The flags bin/kensaku gives serve, then the caller's own. */
    List<String> serveOptions(List<String> callerOptions) {
        List<String> options = new ArrayList<>(List.of("-XX:SharedArchiveFile=" + classArchive,
                "-XX:+AutoCreateSharedArchive", "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        if (!choosesCollector(callerOptions)) {
            options.add("-XX:+UseParallelGC");
        }
        options.addAll(callerOptions);
        return options;
    }

    /** {@code java … kensaku.cli.Main args}, with G1 unless the options pick a collector. */
    List<String> command(String heap, List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>(List.of(java.toString(), "--add-modules", "jdk.incubator.vector",
                "-Xmx" + heap));
        if (!choosesCollector(jvmOptions)) {
            command.add("-XX:+UseG1GC");
        }
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath, "kensaku.cli.Main"));
        command.addAll(List.of(args));
        return command;
    }

    private static boolean choosesCollector(List<String> jvmOptions) {
        return jvmOptions.stream().anyMatch(option -> GC_CHOICE.matcher(option).matches());
    }
}
