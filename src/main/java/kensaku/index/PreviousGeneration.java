package kensaku.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/**
 * The live generation as the starting point of an incremental build: which articles it holds, with the content
 * hash of the file each came from, and a way to seed a new build folder with its files.
 */
final class PreviousGeneration {
    private final Path folder;
    private final Map<String, String> hashById;

    private PreviousGeneration(Path folder, Map<String, String> hashById) {
        this.folder = folder;
        this.hashById = Map.copyOf(hashById);
    }

    /** The live generation if it can be built upon: same schema version and same display zone. */
    static Optional<PreviousGeneration> of(IndexDirectory directory, Schema schema) throws IOException {
        Optional<Path> live = directory.live();
        if (live.isEmpty()) {
            return Optional.empty();
        }
        try (FSDirectory dir = FSDirectory.open(live.get()); DirectoryReader reader = DirectoryReader.open(dir)) {
            Map<String, String> data = reader.getIndexCommit().getUserData();
            if (!Integer.toString(Schema.VERSION).equals(data.get(Schema.COMMIT_SCHEMA_VERSION))
                    || !schema.zone().getId().equals(data.get(Schema.COMMIT_ZONE))) {
                return Optional.empty();
            }
            return Optional.of(new PreviousGeneration(live.get(), hashes(reader)));
        }
    }

    Map<String, String> hashById() {
        return hashById;
    }

    /**
     * Hard-links the previous generation's files into the build folder: Lucene never rewrites a file once
     * written, so sharing them is safe and costs no copying. Falls back to copying where links are unsupported.
     */
    void seed(Path buildFolder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.equals(IndexWriter.WRITE_LOCK_NAME) || !Files.isRegularFile(file)) {
                    continue;
                }
                Path target = buildFolder.resolve(name);
                try {
                    Files.createLink(target, file);
                } catch (UnsupportedOperationException | IOException e) {
                    Files.copy(file, target);
                }
            }
        }
    }

    private static Map<String, String> hashes(DirectoryReader reader) throws IOException {
        Map<String, String> hashes = new HashMap<>();
        StoredFields stored = reader.storedFields();
        Bits live = MultiBits.getLiveDocs(reader);
        Set<String> fields = Set.of(Schema.ID, Schema.CONTENT_HASH);
        for (int doc = 0; doc < reader.maxDoc(); doc++) {
            if (live == null || live.get(doc)) {
                Document document = stored.document(doc, fields);
                hashes.put(document.get(Schema.ID), document.get(Schema.CONTENT_HASH));
            }
        }
        return hashes;
    }
}
