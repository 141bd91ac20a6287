package kensaku.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import kensaku.corpus.Publishing.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing state as Jekyll and Hugo front matter write it, YAML and TOML, keys in any case. */
class PublishingTest {
    private static final Path ARTICLES = Path.of("src/test/resources/http/articles");
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private final ArticleReader reader = new ArticleReader(ZoneId.of("Asia/Tokyo"));

    @TempDir
    Path dir;

    @Test
    void theTestArticlesInBothStyles() {
        assertEquals(State.DRAFT, stateOf(ARTICLES, "draft.md"), "YAML Draft: true (capitalised key)");
        assertEquals(State.UNPUBLISHED, stateOf(ARTICLES, "unpublished.md"), "Jekyll published: false");
        assertEquals(State.SCHEDULED, stateOf(ARTICLES, "scheduled.md"), "TOML publishDate in 2099");
        assertEquals(State.EXPIRED, stateOf(ARTICLES, "expired.md"), "YAML expiryDate in 2020");
        assertEquals(State.OPTED_OUT, stateOf(ARTICLES, "opted-out.md"), "TOML [_build] list = never");
        assertEquals(State.OPTED_OUT, stateOf(ARTICLES, "noindex.md"), "YAML NoIndex: true");
        assertEquals(State.OPTED_OUT, stateOf(ARTICLES, "search-false.md"), "YAML search: false");
        assertEquals(State.LIVE, stateOf(ARTICLES, "robotics.md"));
        Article scheduled = read(ARTICLES, "scheduled.md");
        assertEquals(Instant.parse("2024-05-15T00:00:00Z"), scheduled.date(), "the display date stays date");
        assertEquals(Instant.parse("2098-12-31T15:00:00Z"), scheduled.publishing().publishAt(), "publishDate wins");
        assertEquals("_build: {list: never}", read(ARTICLES, "opted-out.md").publishing().optOut());
    }

    @Test
    void publishTimePrecedenceAndDateAsPublishTime() throws IOException {
        write("a.md", "---\ntitle: A\ndate: 2030-01-01\n---\n本文");
        assertEquals(State.SCHEDULED, stateOf(dir, "a.md"), "a future date alone schedules (Jekyll, Hugo)");
        write("b.md", "---\ntitle: B\ndate: 2030-01-01\npublishdate: 2020-01-01\n---\n本文");
        assertEquals(State.LIVE, stateOf(dir, "b.md"), "publishdate wins over date");
        write("c.md", "+++\ntitle = \"C\"\npubDate = 2030-01-01T00:00:00Z\n+++\n本文");
        assertEquals(Instant.parse("2030-01-01T00:00:00Z"), read(dir, "c.md").publishing().publishAt());
        write("d.md", "---\ntitle: D\npublished: 2030-01-01\n---\n本文");
        assertEquals(State.SCHEDULED, stateOf(dir, "d.md"), "published as a date is a publish date");
        assertEquals(Instant.parse("2029-12-31T15:00:00Z"), read(dir, "d.md").date());
        write("e.md", "---\ntitle: E\npublished: false\n---\n本文");
        assertEquals(State.UNPUBLISHED, stateOf(dir, "e.md"), "published: false without a date is not a date error");
        assertNull(read(dir, "e.md").date());
        write("f.md", "---\ntitle: F\nPublished: \"true\"\ndraft: \"FALSE\"\n---\n本文");
        assertEquals(State.LIVE, stateOf(dir, "f.md"), "flags as strings too");
    }

    @Test
    void expiryKeysAndPrecedence() throws IOException {
        write("a.md", "+++\ntitle = \"A\"\nexpiryDate = 2020-01-01T00:00:00Z\n+++\n本文");
        assertEquals(State.EXPIRED, stateOf(dir, "a.md"));
        write("b.md", "---\ntitle: B\nunpublishdate: 2030-01-01\n---\n本文");
        assertEquals(State.LIVE, stateOf(dir, "b.md"));
        assertEquals(State.EXPIRED, read(dir, "b.md").publishing().stateAt(Instant.parse("2030-01-01T00:00:00Z")));
        write("c.md", "---\ntitle: C\ndraft: true\nsearch: false\nexpirydate: 2020-01-01\n---\n本文");
        assertEquals(State.DRAFT, stateOf(dir, "c.md"), "draft first, then unpublished, opted out, expired, scheduled");
    }

    @Test
    void optOutsInEveryForm() throws IOException {
        write("a.md", "---\ntitle: A\nbuild:\n  list: never\n---\n本文");
        write("b.md", "+++\ntitle = \"B\"\n[build]\nrender = \"never\"\n+++\n本文");
        write("c.md", "---\ntitle: C\n_build: {list: false}\n---\n本文");
        write("d.md", "---\ntitle: D\nrobots: \"noindex, nofollow\"\n---\n本文");
        write("e.md", "---\ntitle: E\nheadless: true\n---\n本文");
        write("f.md", "+++\ntitle = \"F\"\nSEARCH = false\n+++\n本文");
        for (String id : new String[] {"a.md", "b.md", "c.md", "d.md", "e.md", "f.md"}) {
            assertEquals(State.OPTED_OUT, stateOf(dir, id), id);
        }
        write("g.md", "---\ntitle: G\n_build: {list: local}\nsearch: true\nnoindex: false\n---\n本文");
        assertEquals(State.LIVE, stateOf(dir, "g.md"), "list: local pages are still rendered and reachable");
    }

    @Test
    void jekyllDraftsFolder() throws IOException {
        Files.createDirectories(dir.resolve("_drafts"));
        write("_drafts/idea.md", "---\ntitle: アイデア\n---\n本文");
        assertEquals(State.DRAFT, stateOf(dir, "_drafts/idea.md"));
    }

    @Test
    void aFlagThatIsNeitherTrueNorFalseIsReportedNotGuessed() throws IOException {
        write("a.md", "---\ntitle: A\ndraft: maybe\n---\n本文");
        ReadResult result = reader.read(dir, dir.resolve("a.md"));
        Problem problem = assertInstanceOf(ReadResult.Failed.class, result).problem();
        assertEquals("draft: expected true or false, not 'maybe'", problem.reason());
        write("b.md", "---\ntitle: B\nexpiryDate: someday\n---\n本文");
        Problem expiry = assertInstanceOf(ReadResult.Failed.class, reader.read(dir, dir.resolve("b.md"))).problem();
        assertTrue(expiry.reason().startsWith("expirydate: cannot read 'someday'"), expiry.reason());
        assertFalse(Publishing.ALWAYS.draftLike());
    }

    private void write(String id, String text) throws IOException {
        Files.writeString(dir.resolve(id), text, StandardCharsets.UTF_8);
    }

    private State stateOf(Path root, String id) {
        return read(root, id).publishing().stateAt(NOW);
    }

    private Article read(Path root, String id) {
        return assertInstanceOf(ReadResult.Read.class, reader.read(root, root.resolve(id))).article();
    }
}
