package kensaku.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import kensaku.analysis.JapaneseAnalyzers;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Writes kensaku's analysis plugin for OpenSearch 3.8.0 as a zip for {@code bin/opensearch-plugin install}: the
 * kensaku analysis classes and data, the plugin class, and Lucene's kuromoji module (which the OpenSearch server
 * does not ship; Lucene core and analysis-common it does, so they stay out: two copies would be jar hell).
 */
@Command(name = "opensearch-plugin", mixinStandardHelpOptions = true,
        description = "Write the OpenSearch analysis plugin zip (install it on every node of the cluster).")
public final class PluginCommand implements Callable<Integer> {
    /** The OpenSearch release whose Lucene (10.5.0) kensaku is built on. */
    public static final String OPENSEARCH_VERSION = "3.8.0";
    static final String PLUGIN_NAME = "kensaku-analysis";
    static final String PLUGIN_CLASS = "kensaku.opensearch.KensakuAnalysisPlugin";
    private static final List<String> KENSAKU_PREFIXES = List.of("kensaku/analysis/", "kensaku/opensearch/KensakuAnalysisPlugin");
    private static final List<String> KUROMOJI_PREFIXES = List.of("org/apache/lucene/analysis/ja/");

    @Option(names = "--out", defaultValue = "kensaku-analysis-" + OPENSEARCH_VERSION + ".zip",
            description = "Zip to write (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() {
        try {
            write(out);
            System.err.println("wrote " + out + "; install on each node: bin/opensearch-plugin install file://"
                    + out.toAbsolutePath());
            return 0;
        } catch (IOException | URISyntaxException e) {
            System.err.println("could not write the plugin: " + e.getMessage());
            return 2;
        }
    }

    static void write(Path zip) throws IOException, URISyntaxException {
        TreeMap<String, byte[]> entries = new TreeMap<>();
        // kensaku's classes all come from one place (the jar, or target/classes); the plugin class is named, not
        // loaded, because this JVM has no OpenSearch on its class path.
        collect(locationOf(JapaneseAnalyzers.class), KENSAKU_PREFIXES, entries);
        if (!entries.containsKey(PLUGIN_CLASS.replace('.', '/') + ".class")) {
            throw new IOException(PLUGIN_CLASS + " is missing from " + locationOf(JapaneseAnalyzers.class));
        }
        collect(locationOf(JapaneseTokenizer.class), KUROMOJI_PREFIXES, entries);
        try (ZipOutputStream plugin = new ZipOutputStream(Files.newOutputStream(zip))) {
            plugin.putNextEntry(new ZipEntry("plugin-descriptor.properties"));
            plugin.write(descriptor().getBytes(StandardCharsets.UTF_8));
            plugin.closeEntry();
            plugin.putNextEntry(new ZipEntry(PLUGIN_NAME + ".jar"));
            JarOutputStream jar = new JarOutputStream(new NonClosing(plugin));
            for (var entry : entries.entrySet()) {
                jar.putNextEntry(new JarEntry(entry.getKey()));
                jar.write(entry.getValue());
                jar.closeEntry();
            }
            jar.finish();
            plugin.closeEntry();
        }
    }

    static String descriptor() {
        return String.join("\n",
                "description=kensaku Japanese analyzers (morphological, query with company synonyms, bigram)",
                "version=0.1.0",
                "name=" + PLUGIN_NAME,
                "classname=" + PLUGIN_CLASS,
                "java.version=21",
                "opensearch.version=" + OPENSEARCH_VERSION,
                "extended.plugins=",
                "has.native.controller=false",
                "");
    }

    private static Path locationOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** Entries under the prefixes from a jar or a class folder. */
    private static void collect(Path location, List<String> prefixes, TreeMap<String, byte[]> entries) throws IOException {
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String name = location.relativize(file).toString().replace('\\', '/');
                    if (prefixes.stream().anyMatch(name::startsWith)) {
                        entries.put(name, Files.readAllBytes(file));
                    }
                }
            }
            return;
        }
        try (JarFile jar = new JarFile(location.toFile())) {
            for (JarEntry entry : java.util.Collections.list(jar.entries())) {
                if (!entry.isDirectory() && prefixes.stream().anyMatch(entry.getName()::startsWith)) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        entries.put(entry.getName(), in.readAllBytes());
                    }
                }
            }
        }
    }

    /** Lets the inner jar finish without closing the zip around it. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
