package kensaku.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's commands name a path the operator got wrong in one line, as the product's do, and write nothing. */
class BenchFileProblemsTest {
    @Test
    void aMissingTextSourceIsNamedWithoutAStackTrace(@TempDir Path temp) {
        Path out = temp.resolve("out");
        Path missing = temp.resolve("no-such-text.txt");
        StringWriter err = new StringWriter();
        int status = BenchMain.run(new PrintWriter(err), "gen-corpus", "--docs", "3", "--out", out.toString(),
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
        int status = BenchMain.run(new PrintWriter(err), "gen-corpus", "--docs", "3", "--out", out.toString(),
                "--seeds", seeds.toString());
        assertEquals(2, status);
        assertEquals("kensaku gen-corpus: " + seeds + ": no such folder of seed articles; run from the project folder"
                + " or pass --seeds", err.toString().strip());
        assertFalse(Files.exists(out), "nothing written");
    }

}
