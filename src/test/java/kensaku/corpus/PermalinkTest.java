package kensaku.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import kensaku.corpus.Permalink.Generator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Permalink patterns as Jekyll and Hugo expand them, and the live URL they make with the site URL. */
class PermalinkTest {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    /** 2025-09-30 16:39:46 UTC: already 1 October in Tokyo. */
    private static final Instant DATE = Instant.parse("2025-09-30T16:39:46Z");

    private static String path(String pattern, Generator generator, String id, String title, List<String> categories,
                                PageAddress address) {
        return Permalink.of(pattern, generator, TOKYO).pathOf(id, title, DATE, categories, address).orElseThrow();
    }

    @Test
    void jekyllsDefaultIsTheDateStyleWithTheFileNameLessItsDatePrefix() {
        assertEquals("/news/ai/2025/10/01/Hello-World.html", path(null, Generator.JEKYLL,
                "_posts/2025-10-01-Hello-World.md", "こんにちは", List.of("News", "AI"), PageAddress.NONE));
        assertEquals("/2025/10/01/hello-world/", path("/:year/:month/:day/:slug/", Generator.JEKYLL,
                "_posts/2025-10-01-Hello World!.md", "t", List.of(), PageAddress.NONE),
                "slug: lowercased, runs of punctuation and spaces one hyphen");
        assertEquals("/news/2025/10/01/Hello-World/", path("pretty", Generator.JEKYLL,
                "_posts/2025-10-01-Hello-World.md", "t", List.of("news"), PageAddress.NONE), "Jekyll's named styles");
        assertEquals("/2025/274/a.html", path("ordinal", Generator.JEKYLL, "a.md", "t", List.of(), PageAddress.NONE),
                "no categories: the empty segment collapses");
        assertEquals("/25/10/1/01-39-46/a", path("/:short_year/:i_month/:i_day/:hour-:minute-:second/:name",
                Generator.JEKYLL, "a.md", "t", List.of(), PageAddress.NONE), "date tokens in the site's zone");
    }

    @Test
    void theSeedCorpusAsTheReadmeShowsIt() {
        assertEquals("/2025/10/000-9474e8312006595c/", path("/:year/:month/:slug/", Generator.JEKYLL,
                "000_9474e8312006595c.txt", "t", List.of("業界別AI活用"), PageAddress.NONE));
    }

    @Test
    void frontMatterPermalinkAndSlugWin() {
        assertEquals("/security/my-slug/", path(null, Generator.JEKYLL, "_posts/2025-10-01-x.md", "t", List.of(),
                new PageAddress("/security/:slug/", "My Slug")));
        assertEquals("/about/", path(null, Generator.HUGO, "about.md", "t", List.of(), new PageAddress("/about/", "")));
        assertEquals("https://other.example/page", path(null, Generator.HUGO, "a.md", "t", List.of(),
                new PageAddress("https://other.example/page", "")), "an absolute front matter url is kept");
    }

    @Test
    void hugoUsesSectionsSlugOrFileNameAndUrlizedTitles() {
        assertEquals("/posts/2025/first-post/", path(null, Generator.HUGO, "posts/2025/first-post.md", "最初の投稿",
                List.of(), PageAddress.NONE), "Hugo's default: the content path");
        assertEquals("/posts/2025/custom/", path(null, Generator.HUGO, "posts/2025/first-post.md", "t", List.of(),
                new PageAddress("", "custom")));
        assertEquals("/posts/my-bundle/", path("/:section/:slugorcontentbasename/", Generator.HUGO,
                "posts/my-bundle/index.md", "t", List.of(), PageAddress.NONE), "a page bundle is named by its folder");
        assertEquals("/2025/%E7%94%9F%E6%88%90ai%E3%81%A8-gpu/", path("/:year/:slug/", Generator.HUGO, "posts/x.md",
                "生成AIと GPU!", List.of(), PageAddress.NONE), "no slug: the title urlized, then percent-encoded");
        assertEquals("/posts/nvidia-blackwell/", path("/:section/:title/", Generator.HUGO, "posts/x.md",
                "NVIDIA Blackwell", List.of(), PageAddress.NONE));
    }

    @Test
    void japaneseAndReservedCharactersArePercentEncoded() {
        assertEquals("/%E6%A5%AD%E7%95%8C%E5%88%A5ai%E6%B4%BB%E7%94%A8/2025/10/01/000_9474e8312006595c.html",
                path(null, Generator.JEKYLL, "000_9474e8312006595c.txt", "t", List.of("業界別AI活用"), PageAddress.NONE));
        assertEquals("/a%20b/%22q%22/", path(null, Generator.JEKYLL, "x.md", "t", List.of("A B"),
                new PageAddress("/:categories/\"q\"/", "")));
        assertEquals("/already%20escaped/", path(null, Generator.HUGO, "x.md", "t", List.of(),
                new PageAddress("/already%20escaped/", "")), "an escape already made is not escaped twice");
    }

    @Test
    void anArticleWithoutADateGetsNoUrlRatherThanAWrongOne() {
        Permalink permalink = Permalink.of("/:year/:slug/", Generator.JEKYLL, TOKYO);
        assertEquals(Optional.empty(), permalink.pathOf("a.md", "t", null, List.of(), PageAddress.NONE));
        assertEquals(Optional.of("/a/"), Permalink.of("/:slug/", Generator.JEKYLL, TOKYO)
                .pathOf("a.md", "t", null, List.of(), PageAddress.NONE));
    }

    @Test
    void anUnknownTokenIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Permalink.of("/:yaer/:slug/", Generator.JEKYLL, TOKYO));
        assertTrue(e.getMessage().contains(":yaer"), e.getMessage());
    }

    @Test
    void theSiteUrlIsJoinedWithoutDoubleSlashesAndNullWithoutIt() {
        SiteUrls site = new SiteUrls("https://example.com/blog/", Permalink.of("/:slug/", Generator.JEKYLL, TOKYO));
        assertEquals("https://example.com/blog/a/", site.urlOf("a.md", "t", DATE, List.of(), PageAddress.NONE));
        assertNull(SiteUrls.none(TOKYO).urlOf("a.md", "t", DATE, List.of(), PageAddress.NONE));
        assertThrows(IllegalArgumentException.class, () -> new SiteUrls("example.com", Permalink.of(null, Generator.HUGO, TOKYO)));
        assertThrows(IllegalArgumentException.class, () -> new SiteUrls("javascript:alert(1)", Permalink.of(null, Generator.HUGO, TOKYO)));
    }

    @Test
    void theReaderTakesUrlPermalinkAndSlugFromYamlAndToml(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("2025-10-01-a.md"), "---\ntitle: A\npermalink: /p/:slug/\nslug: Custom\n---\nbody\n");
        Files.writeString(root.resolve("b.md"), "+++\ntitle = \"B\"\nurl = \"/b-page/\"\n+++\nbody\n");
        Files.writeString(root.resolve("c.md"), "---\ntitle: C\n---\nbody\n");
        ArticleReader reader = new ArticleReader(TOKYO);
        assertEquals(new PageAddress("/p/:slug/", "Custom"), article(reader, root, "2025-10-01-a.md").address());
        assertEquals(new PageAddress("/b-page/", ""), article(reader, root, "b.md").address());
        assertEquals(PageAddress.NONE, article(reader, root, "c.md").address());
    }

    private static Article article(ArticleReader reader, Path root, String name) {
        return ((ReadResult.Read) reader.read(root, root.resolve(name))).article();
    }
}
