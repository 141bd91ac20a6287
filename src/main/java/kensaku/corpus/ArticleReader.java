package kensaku.corpus;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads corpus files into {@link Article}s. Never throws for bad content: a file that cannot be read becomes a
 * {@link Problem} with a reason a person can act on, and the rest of the corpus goes on.
 *
 * <p>A file is refused when it is empty, binary, larger than {@link #MAX_BYTES}, not decodable, has front matter
 * that does not parse or a date that does not exist, or has neither a title nor any body text.
 */
public final class ArticleReader {
    public static final long MAX_BYTES = 20L * 1024 * 1024;
    private static final Set<String> EXTENSIONS = Set.of("md", "markdown", "txt");
    private static final Pattern FIRST_HEADING = Pattern.compile("(?m)^#{1,6}[ \\t]+(.+?)[ \\t#]*$");

    /**
     * Most time one file's body may take to reduce to text; a file past it is reported, not indexed, and the build
     * goes on. Bounded nesting makes the reduction linear: 20 MB take a few seconds on a loaded machine.
     */
    public static final java.time.Duration RENDER_LIMIT = java.time.Duration.ofSeconds(20);

    private final ZoneId zone;
    private final MarkdownText markdown = new MarkdownText();

    /** Dates without an offset are read in Asia/Tokyo. */
    public ArticleReader() {
        this(ZoneId.of("Asia/Tokyo"));
    }

    /** @param zone the zone for dates that carry no offset, such as {@code 2019-07-01} */
    public ArticleReader(ZoneId zone) {
        this.zone = zone;
    }

    /** Every .md, .markdown and .txt file under root, sub-folders included, hidden ones skipped, sorted by id. */
    public List<Path> listFiles(Path root) throws IOException {
        return listFiles(root, new ArrayList<>());
    }

    /**
     * As above, adding to {@code skipped} each entry with an article's name that is not a regular file: a symbolic
     * link (never followed, so a link cannot pull in files from outside the corpus), a FIFO or device (reading
     * one would block the build), a folder named like an article (its contents are still read).
     */
    public List<Path> listFiles(Path root, List<Problem> skipped) throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(root) && isHidden(dir)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (!dir.equals(root) && EXTENSIONS.contains(extension(dir))) {
                    skipped.add(new Problem(idOf(root, dir), "a folder, not a file (its contents are read)"));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (isHidden(file) || !EXTENSIONS.contains(extension(file))) {
                    return FileVisitResult.CONTINUE;
                }
                if (attrs.isRegularFile()) {
                    files.add(file);
                } else {
                    skipped.add(new Problem(idOf(root, file), attrs.isSymbolicLink() ? "a symbolic link (not followed)"
                            : attrs.isDirectory() ? "a folder" : "not a regular file (a FIFO, socket or device)"));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                files.add(file); // read() reports why it cannot be read
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort((a, b) -> idOf(root, a).compareTo(idOf(root, b)));
        skipped.sort(java.util.Comparator.comparing(Problem::id));
        return files;
    }

    /** The stable id of a file: its path relative to the corpus root, '/' separated. */
    public static String idOf(Path root, Path file) {
        return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    /** SHA-256 hex of the file's bytes (what {@link Article#contentHash()} holds), or empty when unreadable. */
    public Optional<String> contentHash(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                return Optional.empty();
            }
            return Optional.of(sha256(Files.readAllBytes(file)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public ReadResult read(Path root, Path file) {
        String id = idOf(root, file);
        try {
            return readChecked(id, file);
        } catch (IOException e) {
            return failed(id, "cannot read file: " + e.getMessage());
        } catch (FrontMatter.Invalid e) {
            return failed(id, e.getMessage());
        } catch (MarkdownText.TooComplex e) {
            return failed(id, "too complex: " + e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            return failed(id, "cannot parse: " + e);
        }
    }

    private ReadResult readChecked(String id, Path file) throws IOException, FrontMatter.Invalid {
        long size = Files.size(file);
        if (size == 0) {
            return failed(id, "empty file");
        }
        if (size > MAX_BYTES) {
            return failed(id, "too large: " + size + " bytes (limit " + MAX_BYTES + ")");
        }
        byte[] bytes = Files.readAllBytes(file);
        TextDecoder.Decoded decoded = TextDecoder.decode(bytes);
        if (decoded.problem() != null) {
            return failed(id, decoded.problem());
        }
        FrontMatter front = FrontMatter.split(decoded.text());
        MarkdownText.Rendered body = markdown.render(front.body(), RENDER_LIMIT);
        Optional<String> title = front.string("title").or(() -> firstHeading(front.body()));
        if (title.isEmpty() && body.text().isBlank()) {
            return failed(id, "no title and no body text");
        }
        Instant date = PublishingKeys.time(front, PublishingKeys.DATE_KEYS, zone);
        Publishing publishing = PublishingKeys.read(front, id, zone);
        return new ReadResult.Read(new Article(id, title.orElse(fileTitle(file)), date,
                front.list("tags"), front.list("categories", "category"),
                front.string("author", "authors").orElse(""),
                front.string("excerpt", "description", "summary").orElse(""),
                body.text(), body.html(), sha256(bytes),
                new PageAddress(front.string("url", "permalink").orElse(""), front.string("slug").orElse("")),
                publishing));
    }

    private static Optional<String> firstHeading(String body) {
        Matcher heading = FIRST_HEADING.matcher(body);
        return heading.find() ? Optional.of(heading.group(1).replaceAll("[*_`]", "").strip()) : Optional.empty();
    }

    private static String fileTitle(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static ReadResult failed(String id, String reason) {
        return new ReadResult.Failed(new Problem(id, reason));
    }

    private static boolean isHidden(Path path) {
        return path.getFileName() != null && path.getFileName().toString().startsWith(".");
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
