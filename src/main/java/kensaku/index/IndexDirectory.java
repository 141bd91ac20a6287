package kensaku.index;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.lucene.util.IOUtils;

/**
 * Knows which generation of the index is live, and switches to a new one atomically.
 *
 * <p>Layout under the index root: {@code gen-<timestamp>/} holds one complete Lucene index each;
 * {@code CURRENT} names the live one; {@code tmp-<timestamp>/} is a build in progress. A build becomes live by
 * renaming its folder to a generation and then atomically replacing {@code CURRENT}, so a reader sees either the
 * old index or the new one, never a half-built one, and a killed build leaves only a {@code tmp-} folder that the
 * next build removes. The live generation and the one before it are kept; older ones are deleted (a server
 * still reading them keeps its open files, as POSIX unlink allows).
 */
public final class IndexDirectory {
    static final String CURRENT = "CURRENT";
    private static final String LOCK = "build.lock";
    private static final String GEN_PREFIX = "gen-";
    private static final String TMP_PREFIX = "tmp-";
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmssSSS", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Path root;

    public IndexDirectory(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** The live generation's folder, or empty when nothing was ever built here. */
    public Optional<Path> live() throws IOException {
        Path current = root.resolve(CURRENT);
        String name;
        try {
            name = Files.readString(current, StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (!name.startsWith(GEN_PREFIX) || name.contains("/") || name.contains("..")) {
            throw new IOException("index " + root + ": CURRENT names '" + name + "', not a generation; rebuild the index");
        }
        Path generation = root.resolve(name);
        if (!Files.isDirectory(generation)) {
            throw new IOException("index " + root + ": live generation " + name + " is missing; rebuild the index");
        }
        return Optional.of(generation);
    }

    /** The generation that was live before the live one (kept for this), or empty when there is none. */
    public Optional<Path> previous() throws IOException {
        Optional<Path> live = live();
        if (live.isEmpty()) {
            return Optional.empty();
        }
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(child -> child.getFileName().toString().startsWith(GEN_PREFIX)
                            && Files.isDirectory(child) && child.getFileName().toString()
                            .compareTo(live.get().getFileName().toString()) < 0)
                    .max(java.util.Comparator.comparing(child -> child.getFileName().toString()));
        }
    }

    /**
     * Takes the build lock: only one build runs per index root. The OS releases it if the process dies, so a
     * {@code kill -9} never leaves the index locked.
     */
    public BuildLock lockForBuild() throws IOException {
        Files.createDirectories(root);
        FileChannel channel = FileChannel.open(root.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IOException("another index build is running on " + root);
        }
        return new BuildLock(channel, lock);
    }

    /** A fresh folder for a new build. Call only while holding the build lock. */
    public Path newBuildFolder() throws IOException {
        Path folder = root.resolve(TMP_PREFIX + STAMP.format(Instant.now()));
        Files.createDirectory(folder);
        return folder;
    }

    /** Makes a finished build live. Call only while holding the build lock, after the build was committed. */
    public Path publish(Path buildFolder) throws IOException {
        String stamp = buildFolder.getFileName().toString().substring(TMP_PREFIX.length());
        Path generation = root.resolve(GEN_PREFIX + stamp);
        IOUtils.fsync(buildFolder, true);
        Files.move(buildFolder, generation, StandardCopyOption.ATOMIC_MOVE);
        Path next = root.resolve(CURRENT + ".next");
        Files.writeString(next, generation.getFileName().toString() + "\n", StandardCharsets.UTF_8);
        IOUtils.fsync(next, false);
        try {
            Files.move(next, root.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system under " + root + " cannot replace files atomically", e);
        }
        IOUtils.fsync(root, true);
        return generation;
    }

    /**
     * Removes what killed builds left behind and generations older than the one before the live one.
     * Call only while holding the build lock. Returns the folders removed.
     */
    public List<Path> removeStale() throws IOException {
        Optional<Path> live = live();
        List<Path> generations = new ArrayList<>();
        List<Path> removed = new ArrayList<>();
        try (Stream<Path> children = Files.list(root)) {
            for (Path child : children.sorted().toList()) {
                String name = child.getFileName().toString();
                if (name.startsWith(TMP_PREFIX) || name.equals(CURRENT + ".next")) {
                    deleteTree(child);
                    removed.add(child);
                } else if (name.startsWith(GEN_PREFIX) && Files.isDirectory(child)) {
                    generations.add(child);
                }
            }
        }
        int liveAt = live.map(generations::indexOf).orElse(-1);
        for (int i = 0; i < generations.size(); i++) {
            boolean keep = i == liveAt || i == liveAt - 1;
            if (!keep) {
                deleteTree(generations.get(i));
                removed.add(generations.get(i));
            }
        }
        return removed;
    }

    /**
     * Removes every generation but the live one; called just before a switch, so that the index holds two
     * generations at most (the new live one and the one before it) even when the build is killed just after the
     * switch, before {@link #removeStale} runs. Call only while holding the build lock.
     */
    public List<Path> removeAllButLive() throws IOException {
        Optional<Path> live = live();
        List<Path> removed = new ArrayList<>();
        try (Stream<Path> children = Files.list(root)) {
            for (Path child : children.sorted().toList()) {
                if (child.getFileName().toString().startsWith(GEN_PREFIX) && Files.isDirectory(child)
                        && !live.map(child::equals).orElse(false)) {
                    deleteTree(child);
                    removed.add(child);
                }
            }
        }
        return removed;
    }

    /** Removes a build folder that will not be published; the reason it could not, or null when it is gone. */
    public String discard(Path buildFolder) {
        try {
            deleteTree(buildFolder);
            return null;
        } catch (IOException | RuntimeException e) {
            return e.toString();
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Held for the length of one build. */
    public static final class BuildLock implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock lock;

        private BuildLock(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() throws IOException {
            try {
                lock.release();
            } finally {
                channel.close();
            }
        }
    }
}
