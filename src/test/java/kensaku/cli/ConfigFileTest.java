package kensaku.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import kensaku.index.IndexFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kensaku.toml read by the real commands: found, applied, overridden by flags, refused when wrong, printed with sources. */
class ConfigFileTest {
    @TempDir
    Path temp;

    private record Run(int status, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(status, out.toString(), err.toString());
    }

    private Path site(String toml) throws IOException {
        Path site = Files.createDirectories(temp.resolve("site"));
        IndexFixtures.corpusOf(site.resolve("corpus"), IndexFixtures.SEEDS);
        Files.writeString(site.resolve("kensaku.toml"), toml, StandardCharsets.UTF_8);
        return site;
    }

    @Test
    void theFileBesideTheCorpusSetsTheIndexFolderReadFromTheFilesFolder() throws IOException {
        Path site = site("# the site's search\nindex = \"search-index\"\nthreads = 1\n");
        Run index = run("index", "--corpus", site.resolve("corpus").toString());
        assertEquals(0, index.status(), index.err());
        assertTrue(Files.isRegularFile(site.resolve("search-index/CURRENT")), "the index went where the file says");

        Run search = run("search", "--config", site.resolve("kensaku.toml").toString(), "NVIDIA");
        assertEquals(0, search.status(), search.err());
    }

    @Test
    void theAnalysisFolderIsASettingReadFromTheFilesFolder() throws Exception {
        Path site = site("index = \"search-index\"\nthreads = 1\nanalysis = \"tuning\"\n");
        Path tuning = Files.createDirectories(site.resolve("tuning"));
        Files.writeString(tuning.resolve(kensaku.analysis.AnalysisFolder.USER_DICTIONARY),
                "半導体,半 導体,ハン ドウタイ,カスタム名詞\n", StandardCharsets.UTF_8);
        Run index = run("index", "--corpus", site.resolve("corpus").toString());
        assertEquals(0, index.status(), index.err());
        Path live = new kensaku.index.IndexDirectory(site.resolve("search-index")).live().orElseThrow();
        assertEquals(new kensaku.analysis.AnalysisFolder(tuning, null, false).load().fingerprint(),
                kensaku.index.IndexedAnalysis.of(live), "the index was analysed with the folder's dictionary");

        Files.writeString(tuning.resolve(kensaku.analysis.AnalysisFolder.SYNONYMS), "a => b => c\n", StandardCharsets.UTF_8);
        assertEquals(2, run("index", "--corpus", site.resolve("corpus").toString()).status(),
                "a bad line stops the build before anything is written");
        assertEquals(live, new kensaku.index.IndexDirectory(site.resolve("search-index")).live().orElseThrow());
    }

    @Test
    void flagsOverrideTheFileAndPrintSaysWhereEachSettingCameFrom() throws IOException {
        Path site = site("port = 8080\nhost = \"0.0.0.0\"\ncors-origin = [\"https://a.example\", \"https://b.example\"]\n"
                + "log-format = \"json\"\n");
        Path file = site.resolve("kensaku.toml");
        Run print = run("config", "--print", "--config", file.toString(), "serve", "--port", "9090");
        assertEquals(0, print.status(), print.err());
        String out = print.out();
        assertTrue(out.contains("configuration file: " + file.toAbsolutePath()), out);
        assertTrue(out.matches("(?s).*\\nport = 9090 +# command line\\n.*"), out);
        assertTrue(out.matches("(?s).*\\nhost = \"0\\.0\\.0\\.0\" +# " + java.util.regex.Pattern.quote(file + ":2") + "\\n.*"), out);
        assertTrue(out.contains("cors-origin = [\"https://a.example\", \"https://b.example\"]"), out);
        assertTrue(out.contains("log-format = \"json\""), out);
        assertTrue(out.matches("(?s).*\\nzone = \"Asia/Tokyo\" +# default\\n.*"), out);
        assertTrue(out.contains("# admin-port = (not set)"), out);
    }

    @Test
    void anUnknownKeyIsRefusedWithFileLineAndKey() throws IOException {
        Path site = site("port = 8080\n\nprot = 8081\n");
        Run serve = run("serve", "--corpus", site.resolve("corpus").toString());
        assertEquals(2, serve.status());
        assertTrue(serve.err().contains(site.resolve("kensaku.toml") + ":3: prot: unknown setting"), serve.err());
    }

    @Test
    void aBadValueIsRefusedWithFileLineAndKey() throws IOException {
        Path site = site("index = \"idx\"\nport = \"seventy\"\n");
        Run index = run("index", "--config", site.resolve("kensaku.toml").toString());
        assertEquals(2, index.status());
        assertTrue(index.err().contains(site.resolve("kensaku.toml") + ":2: port: "), index.err());
        assertTrue(index.err().contains("'seventy' is not an int"), index.err());
        assertFalse(Files.exists(site.resolve("idx")), "nothing ran");

        Files.writeString(site.resolve("kensaku.toml"), "log-format = \"yaml\"\n");
        Run serve = run("serve", "--config", site.resolve("kensaku.toml").toString());
        assertEquals(2, serve.status());
        assertTrue(serve.err().contains(":1: log-format: "), serve.err());

        Files.writeString(site.resolve("kensaku.toml"), "host = [\"a\", \"b\"]\n");
        assertTrue(run("serve", "--config", site.resolve("kensaku.toml").toString()).err()
                .contains(":1: host: takes one value, not an array"));

        Files.writeString(site.resolve("kensaku.toml"), "[serve]\nport = 1\n");
        assertTrue(run("serve", "--config", site.resolve("kensaku.toml").toString()).err().contains(":1: serve: "));

        Files.writeString(site.resolve("kensaku.toml"), "port = = 1\n");
        Run broken = run("serve", "--config", site.resolve("kensaku.toml").toString());
        assertEquals(2, broken.status());
        assertTrue(broken.err().contains(site.resolve("kensaku.toml") + ":1: "), broken.err());
    }

    @Test
    void theAdminListenerIsNeverThePublicPort() throws IOException {
        Path site = site("port = 7171\nadmin-port = 7171\n");
        Run serve = run("serve", "--config", site.resolve("kensaku.toml").toString());
        assertEquals(2, serve.status(), "refused before anything listens");
    }

    @Test
    void aMissingNamedFileIsRefused() {
        Run run = run("serve", "--config", temp.resolve("nowhere.toml").toString());
        assertEquals(2, run.status());
        assertTrue(run.err().contains("no configuration file at " + temp.resolve("nowhere.toml")), run.err());
    }

    @Test
    void everySettingIsAFlagOfServeIndexOrSearch() {
        for (String key : Settings.KEYS) {
            boolean found = Settings.COMMANDS.stream().anyMatch(name ->
                    new picocli.CommandLine(Main.command(name)).getCommandSpec().findOption("--" + key) != null);
            assertTrue(found, key);
        }
    }

    @Test
    void theSampleInTheRepositoryIsValid() {
        Run print = run("config", "--print", "--config", "src/dist/kensaku.toml");
        assertEquals(0, print.status(), print.err());
        assertTrue(print.out().contains("admin-port = 7071"), print.out());
    }
}
