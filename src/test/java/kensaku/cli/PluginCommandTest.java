package kensaku.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensearch.plugins.PluginInfo;

/**
 * The plugin zip installs as OpenSearch reads plugins: a descriptor OpenSearch's own parser accepts, kensaku's
 * analysis and kuromoji inside, no Lucene core or analysis-common (the server has them; two copies are jar hell).
 * Loading it into a real node from its plugins folder is the manual check in docs/SCALE-OUT.md.
 */
class PluginCommandTest {
    @Test
    void theZipHoldsADescriptorAndOneJarWithTheAnalysisAndKuromoji(@TempDir Path temp) throws IOException {
        Path zip = temp.resolve("kensaku-analysis.zip");
        assertEquals(0, Main.run("opensearch-plugin", "--out", zip.toString()));
        Path unpacked = Files.createDirectories(temp.resolve("plugins/kensaku-analysis"));
        Set<String> classes = new HashSet<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                Files.write(unpacked.resolve(entry.getName()), bytes);
                if (entry.getName().endsWith(".jar")) {
                    classes.addAll(entries(new java.io.ByteArrayInputStream(bytes)));
                }
            }
        }
        PluginInfo info = PluginInfo.readFromProperties(unpacked);
        assertEquals("kensaku-analysis", info.getName());
        assertEquals("kensaku.opensearch.KensakuAnalysisPlugin", info.getClassname());
        assertEquals(PluginCommand.OPENSEARCH_VERSION, info.getOpenSearchVersionRangesString().replaceAll("[^0-9.]", ""));
        for (String needed : java.util.List.of("kensaku/opensearch/KensakuAnalysisPlugin.class",
                "kensaku/analysis/JapaneseAnalyzers.class", "kensaku/analysis/userdict_ja.txt",
                "kensaku/analysis/companies.tsv", "org/apache/lucene/analysis/ja/JapaneseTokenizer.class")) {
            assertTrue(classes.contains(needed), needed);
        }
        assertTrue(classes.stream().anyMatch(name -> name.startsWith("org/apache/lucene/analysis/ja/dict/")), "dictionaries");
        assertFalse(classes.stream().anyMatch(name -> name.startsWith("org/apache/lucene/index/")
                || name.startsWith("org/apache/lucene/analysis/cjk/") || name.startsWith("kensaku/search/")), "no jar hell");
    }

    private static Set<String> entries(InputStream jar) throws IOException {
        Set<String> names = new HashSet<>();
        try (JarInputStream in = new JarInputStream(jar)) {
            for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }
}
