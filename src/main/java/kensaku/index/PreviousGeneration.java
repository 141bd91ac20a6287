package kensaku.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.time.Instant;
import kensaku.corpus.Publishing;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
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
    /** Publish state of the articles that have a publish or expiry time or are drafts. */
    private final Map<String, Publishing> publishingById;

    private PreviousGeneration(Path folder, Map<String, String> hashById, Map<String, Publishing> publishingById) {
        this.folder = folder;
        this.hashById = Map.copyOf(hashById);
        this.publishingById = Map.copyOf(publishingById);
    }

    /**
     * The live generation if it can be built upon: same schema version, same display zone, and drafts indexed
     * or not as this build wants (a preview build's drafts never linger in a published build).
     */
    static Optional<PreviousGeneration> of(IndexDirectory directory, Schema schema, boolean includeDrafts)
            throws IOException {
        Optional<Path> live = directory.live();
        if (live.isEmpty()) {
            return Optional.empty();
        }
        try (FSDirectory dir = FSDirectory.open(live.get()); DirectoryReader reader = DirectoryReader.open(dir)) {
            Map<String, String> data = reader.getIndexCommit().getUserData();
            if (!Integer.toString(Schema.VERSION).equals(data.get(Schema.COMMIT_SCHEMA_VERSION))
                    || !schema.zone().getId().equals(data.get(Schema.COMMIT_ZONE))
                    || includeDrafts != Boolean.parseBoolean(data.get(Schema.COMMIT_INCLUDES_DRAFTS))) {
                return Optional.empty();
            }
            Map<String, String> hashes = new HashMap<>();
            Map<String, Publishing> publishing = new HashMap<>();
            read(reader, hashes, publishing);
            return Optional.of(new PreviousGeneration(live.get(), hashes, publishing));
        }
    }

    Map<String, String> hashById() {
        return hashById;
    }

    /** How the indexed article with this id is to be published (times and draft flag as indexed). */
    Publishing publishingOf(String id) {
        return publishingById.getOrDefault(id, Publishing.ALWAYS);
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

    private static void read(DirectoryReader reader, Map<String, String> hashes, Map<String, Publishing> publishing)
            throws IOException {
        StoredFields stored = reader.storedFields();
        Bits live = MultiBits.getLiveDocs(reader);
        Set<String> fields = Set.of(Schema.ID, Schema.CONTENT_HASH, Schema.PUBLISH_AT, Schema.EXPIRE_AT, Schema.DRAFT);
        for (int doc = 0; doc < reader.maxDoc(); doc++) {
            if (live == null || live.get(doc)) {
                Document document = stored.document(doc, fields);
                String id = document.get(Schema.ID);
                hashes.put(id, document.get(Schema.CONTENT_HASH));
                Instant publishAt = instant(document, Schema.PUBLISH_AT);
                Instant expireAt = instant(document, Schema.EXPIRE_AT);
                boolean draft = document.get(Schema.DRAFT) != null;
                if (publishAt != null || expireAt != null || draft) {
                    publishing.put(id, new Publishing(draft, false, null, publishAt, expireAt));
                }
            }
        }
    }

    private static Instant instant(Document document, String field) {
        IndexableField value = document.getField(field);
        return value == null ? null : Instant.ofEpochMilli(value.numericValue().longValue());
    }
}
