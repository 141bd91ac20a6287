package kensaku.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A path the operator got wrong is named in one line with the reason, and nothing is written. */
class FileProblemsTest {
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
