package kensaku.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A path the operator got wrong is named in one line with the reason, and nothing is written. */
class FileProblemsTest {
    @Test
    void aMissingTextSourceIsNamedWithoutAStackTrace(@TempDir Path temp) {
        Path out = temp.resolve("out");
        Path missing = temp.resolve("no-such-text.txt");
        StringWriter err = new StringWriter();
        int status = Main.run(new PrintWriter(err), "gen-corpus", "--docs", "3", "--out", out.toString(),
                "--seeds", "src/test/resources/corpus", "--text", missing.toString());
        assertEquals(2, status);
        assertEquals("kensaku gen-corpus: " + missing + ": no such file or folder", err.toString().strip());
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void aMissingSeedFolderSaysWhereItWasLookedFor(@TempDir Path temp) {
        Path out = temp.resolve("out");
        Path seeds = temp.resolve("corpus");
        StringWriter err = new StringWriter();
        int status = Main.run(new PrintWriter(err), "gen-corpus", "--docs", "3", "--out", out.toString(),
                "--seeds", seeds.toString());
        assertEquals(2, status);
        assertEquals("kensaku gen-corpus: " + seeds + ": no such folder of seed articles; run from the project folder"
                + " or pass --seeds", err.toString().strip());
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void searchingBeforeIndexingSaysSo(@TempDir Path temp) {
        StringWriter err = new StringWriter();
        int status = Main.run(new PrintWriter(err), "search", "--index", temp.resolve("index").toString(), "生成AI");
        assertEquals(2, status);
        String message = err.toString().strip();
        assertTrue(message.startsWith("kensaku search: no index at " + temp.resolve("index")), message);
        assertFalse(message.contains("\tat "), message);
    }
}
