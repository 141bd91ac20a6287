package kensaku.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;

/**
 * Checks that an index generation is what was written: every file of its commit is read whole and its CRC-32
 * compared with the checksum Lucene wrote in its footer. Lucene checks footers only of the small files it reads
 * whole when opening, so a changed byte in stored fields, postings or doc values would otherwise be served
 * silently (altered bodies, wrong totals) or fail a request at random. Reading costs about as long as copying the
 * files once (0.3 s for 10,000 articles, see docs/RELIABILITY.md).
 */
public final class IndexVerifier {
    private IndexVerifier() {}

    /** What verifying one generation found. */
    public record Result(Path generation, int files, long bytes, String problem) {
        public boolean intact() {
            return problem == null;
        }

        /** One line for an operator: what is wrong and where, or that all is well. */
        public String describe() {
            return intact()
                    ? String.format(java.util.Locale.ROOT, "%s: intact (%d files, %.1f MB checked)", generation,
                            files, bytes / 1e6)
                    : generation + ": damaged: " + problem;
        }
    }

    /** Reads every file of the generation's latest commit and compares its checksum. Never throws. */
    public static Result verify(Path generation) {
        int files = 0;
        long bytes = 0;
        try (Directory directory = FSDirectory.open(generation)) {
            SegmentInfos commit;
            try {
                commit = SegmentInfos.readLatestCommit(directory);
            } catch (IOException | RuntimeException e) {
                return new Result(generation, 0, 0, "cannot read the commit: " + oneLine(e));
            }
            for (String file : commit.files(true)) {
                try (IndexInput input = directory.openInput(file, IOContext.READONCE)) {
                    bytes += input.length();
                    CodecUtil.checksumEntireFile(input);
                    files++;
                } catch (IOException | RuntimeException e) {
                    return new Result(generation, files, bytes, file + ": " + oneLine(e));
                }
            }
            return new Result(generation, files, bytes, null);
        } catch (IOException | RuntimeException e) {
            return new Result(generation, files, bytes, oneLine(e));
        }
    }

    /** Bytes of the generation's files, to decide whether verifying it can wait for the server to start. */
    public static long size(Path generation) {
        try (var children = Files.list(generation)) {
            return children.mapToLong(file -> {
                try {
                    return Files.isRegularFile(file) ? Files.size(file) : 0;
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
