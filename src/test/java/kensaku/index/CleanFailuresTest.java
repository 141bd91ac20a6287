package kensaku.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import kensaku.corpus.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed build leaves nothing behind and says where it was; odd entries in the corpus are counted, not lost. */
class CleanFailuresTest {
    @TempDir
    Path temp;

    private static List<String> children(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFailedBuildRemovesItsFolderAndNamesIt() throws Exception {
        Path corpus = Files.createDirectories(temp.resolve("corpus"));
        Files.write(corpus.resolve("empty.md"), new byte[0]);
        Path index = temp.resolve("index");
        IOException failed = assertThrows(IOException.class, () -> IndexFixtures.build(corpus, index));
        assertTrue(failed.getMessage().contains("removed its build folder " + index.toAbsolutePath().normalize()
                .resolve("tmp-")), failed.getMessage());
        assertFalse(children(index).stream().anyMatch(name -> name.startsWith("tmp-")), children(index).toString());
    }

    @Test
    void aKillJustAfterTheSwitchLeavesTwoGenerations() throws Exception {
        Path index = temp.resolve("index");
        IndexFixtures.build(IndexFixtures.SEEDS, index);
        IndexFixtures.build(IndexFixtures.SEEDS, index);
        IndexDirectory directory = new IndexDirectory(index);
        assertEquals(2, children(index).stream().filter(n -> n.startsWith("gen-")).count());
        // What a build does up to the switch; a kill right after it skips the clean-up that follows.
        try (IndexDirectory.BuildLock lock = directory.lockForBuild()) {
            Path folder = directory.newBuildFolder();
            Files.writeString(folder.resolve("segments_1"), "x");
            directory.removeAllButLive();
            directory.publish(folder);
        }
        assertEquals(2, children(index).stream().filter(n -> n.startsWith("gen-")).count(), children(index).toString());
    }

    @Test
    void linksFifosAndFoldersNamedLikeArticlesAreCountedAndNamed() throws Exception {
        Path corpus = IndexFixtures.corpusOf(temp.resolve("corpus"), IndexFixtures.SEEDS);
        Path outside = Files.writeString(temp.resolve("outside.md"), "---\ntitle: 外\n---\n外の記事\n");
        Files.createSymbolicLink(corpus.resolve("link.md"), outside);
        Files.createDirectories(corpus.resolve("folder.md"));
        Files.writeString(corpus.resolve("folder.md/inner.md"), "---\ntitle: 中\n---\n中の記事\n");
        Process mkfifo = new ProcessBuilder("mkfifo", corpus.resolve("pipe.md").toString()).start();
        assertEquals(0, mkfifo.waitFor());
        IndexReport report = IndexFixtures.build(corpus, temp.resolve("index"));
        assertEquals(List.of("folder.md", "link.md", "pipe.md"), report.notFiles().stream().map(Problem::id).toList());
        assertTrue(report.notFiles().get(1).reason().contains("symbolic link"), report.notFiles().toString());
        assertTrue(report.notFiles().get(2).reason().contains("FIFO"), report.notFiles().toString());
        assertTrue(report.failed().isEmpty(), report.failed().toString());
    }
}
