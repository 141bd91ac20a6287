package kensaku.http;

import static kensaku.http.ApiContract.counts;
import static kensaku.http.ApiContract.ids;
import static kensaku.http.ServerFixture.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kensaku.index.Schema;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The JSON API over real HTTP against a real index of the seeds plus two test articles. */
class ApiTest {
    @TempDir
    static Path temp;
    static ServerFixture fixture;

    @BeforeAll
    static void start() throws IOException {
        fixture = new ServerFixture(temp, Duration.ofHours(1));
    }

    @AfterAll
    static void stop() throws IOException {
        fixture.close();
    }

    @Test
    void searchAnswersWithHitsFacetsAndExactTotal() throws Exception {
        JsonNode body = fixture.getJson("/api/search?q=" + enc("エヌビディア") + "&size=3");
        assertEquals(6, body.get("total").asInt(), "the five seeds say NVIDIA, the robotics article エヌビディア");
        assertEquals(3, body.get("hits").size());
        JsonNode hit = body.get("hits").get(0);
        for (String field : List.of("id", "title", "title_html", "date", "tags", "categories", "companies", "author",
                "excerpt", "snippet_html", "score")) {
            assertTrue(hit.has(field), field);
        }
        assertTrue(body.get("took_ms").isNumber());
        assertEquals(List.of("company", "tag", "category", "month"),
                List.of("company", "tag", "category", "month").stream().filter(f -> body.get("facets").has(f)).toList());
    }

    @Test
    void companyFacetIsCountedDisjunctivelyAndTagsWithinTheSelection() throws Exception {
        Map<String, Integer> all = counts(fixture.getJson("/api/search").get("facets").get("company"));
        JsonNode toyota = fixture.getJson("/api/search?company=Toyota");
        assertEquals(2, all.get("Toyota"), "the robotics article and seed 000 mention トヨタ");
        assertEquals(2, toyota.get("total").asInt());
        assertEquals(all, counts(toyota.get("facets").get("company")), "company counts ignore the company filter");
        Map<String, Integer> tags = counts(toyota.get("facets").get("tag"));
        assertEquals(1, tags.get("ロボティクス"));
        assertEquals(1, tags.get("Anthropic"));
        assertNull(tags.get("チップ"), "tags are counted within the company selection");
        assertEquals(6, all.get("NVIDIA"));
        assertEquals(2, fixture.getJson("/api/search?tag=" + enc("ロボティクス") + "&tag=GenAI").get("total").asInt(),
                "values of one facet are ORed");
        assertEquals(0, fixture.getJson("/api/search?company=Toyota&tag=AI").get("total").asInt(),
                "facets are ANDed");
    }

    @Test
    void dateRangesInBothFormsAndSortOrders() throws Exception {
        assertEquals(List.of("robotics.md", "xss.md"), ids(fixture.getJson("/api/search?from=2024-05&to=2024-05")));
        assertEquals(List.of("xss.md", "robotics.md"),
                ids(fixture.getJson("/api/search?from=2024-05-01&to=2024-05-31&sort=date_asc")));
        assertEquals(List.of("xss.md"), ids(fixture.getJson("/api/search?to=2024-05-10")));
        JsonNode page2 = fixture.getJson("/api/search?sort=date&size=2&page=2");
        assertEquals(7, page2.get("total").asInt());
        assertEquals(2, page2.get("page").asInt());
        assertEquals(List.of("004_82b3f670182a709f.txt", "001_404c0bca200c4134.txt"), ids(page2));
    }

    @Test
    void highlightsAreEscapedAndScriptsNeverComeBackRaw() throws Exception {
        JsonNode hit = fixture.getJson("/api/search?q=" + enc("罠")).get("hits").get(0);
        assertEquals("xss.md", hit.get("id").asText());
        assertTrue(hit.get("snippet_html").asText().contains("<mark>罠"), hit.toString());
        assertFalse(hit.get("snippet_html").asText().contains("<script"), hit.toString());
        assertFalse(hit.get("title_html").asText().contains("<script"), hit.toString());
        assertTrue(hit.get("title_html").asText().contains("&lt;script&gt;"), hit.toString());

        JsonNode article = fixture.getJson("/api/articles/xss.md");
        String html = article.get("body_html").asText();
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("onerror"), html);
        assertTrue(article.get("body_text").asText().contains("罠の後にも文章が続きます"));
    }

    @Test
    void articleIdsWithSlashesAndUnknownIds() throws Exception {
        assertEquals(200, fixture.get("/api/articles/003_8829784a73951244.txt").statusCode());
        HttpResponse<String> missing = fixture.get("/api/articles/nope/../../etc/passwd");
        assertEquals(404, missing.statusCode());
        assertEquals("not_found", new ObjectMapper().readTree(missing.body()).get("error").get("code").asText());
        assertEquals(404, fixture.get("/api/articles/sub/dir/none.md").statusCode());
    }

    @Test
    void relatedArticlesExcludeTheArticleItselfAndValidateSize() throws Exception {
        JsonNode related = fixture.getJson("/api/articles/004_82b3f670182a709f.txt/related?size=3");
        assertEquals(3, related.get("hits").size());
        List<String> ids = ids(related);
        assertFalse(ids.contains("004_82b3f670182a709f.txt"), "an article is not related to itself");
        assertTrue(ids.contains("002_c04c9c3010fcc63b.txt"), "the other 500億ドル investment article: " + ids);
        int byDefault = fixture.getJson("/api/articles/004_82b3f670182a709f.txt/related").get("hits").size();
        assertTrue(byDefault >= 3 && byDefault <= 5, "at most five by default: " + byDefault);
        HttpResponse<String> missing = fixture.get("/api/articles/nope.md/related");
        assertEquals(404, missing.statusCode());
        assertEquals("not_found", new ObjectMapper().readTree(missing.body()).get("error").get("code").asText());
        for (String size : List.of("0", "21", "abc")) {
            HttpResponse<String> bad = fixture.get("/api/articles/robotics.md/related?size=" + size);
            assertEquals(400, bad.statusCode(), size);
            assertEquals("size", new ObjectMapper().readTree(bad.body()).get("error").get("param").asText());
        }
    }

    @Test
    void aMisspelledQueryOffersDidYouMeanAndAGoodOneDoesNot() throws Exception {
        JsonNode typo = fixture.getJson("/api/search?q=" + enc("Bedrok"));
        assertEquals(0, typo.get("total").asInt());
        assertEquals("Bedrock", typo.get("did_you_mean").asText());
        JsonNode katakana = fixture.getJson("/api/search?q=" + enc("エヌビデア"));
        assertEquals("エヌビディア", katakana.get("did_you_mean").asText());
        JsonNode fine = fixture.getJson("/api/search?q=Bedrock");
        assertTrue(fine.has("did_you_mean") && fine.get("did_you_mean").isNull(), "always present, null when none");
    }

    @ParameterizedTest
    @CsvSource({"size=0,size", "size=101,size", "size=abc,size", "page=-1,page", "page=0,page",
            "from=not-a-date,from", "from=2025-13,from", "to=2025-02-30,to", "sort=bogus,sort",
            "from=2025-05&to=2025-01,from", "page=5000&size=100,page"})
    void badParametersAre400WithTheParameterNamed(String query, String param) throws Exception {
        HttpResponse<String> response = fixture.get("/api/search?" + query);
        assertEquals(400, response.statusCode(), response.body());
        JsonNode error = new ObjectMapper().readTree(response.body()).get("error");
        assertEquals(param, error.get("param").asText());
        assertFalse(error.get("code").asText().isBlank());
        assertFalse(error.get("message").asText().isBlank());
    }

    @Test
    void tooManyFilterValuesAndTooLongQueriesAre400() throws Exception {
        StringBuilder many = new StringBuilder("/api/search?");
        for (int i = 0; i < 60; i++) {
            many.append("tag=t").append(i).append('&');
        }
        assertEquals(400, fixture.get(many.toString()).statusCode());
        assertEquals(400, fixture.get("/api/search?q=" + "a".repeat(1001)).statusCode());
    }

    @Test
    void noInputYieldsA500() throws Exception {
        for (String raw : List.of("q=%E3%81%2", "q=%ZZ", "company=%", "q=%C0%AF")) {
            int status = fixture.rawStatus("/api/search?" + raw);
            assertTrue(status >= 200 && status < 500, raw + " → " + status);
        }
        // Found by RequestFuzzTest: Javalin's path-parameter decoding threw on a stray '%'.
        for (String path : List.of("/api/articles/;NOT&&%", "/api/articles/%", "/api/articles/a%2", "/articles/%")) {
            ServerFixture.RawResponse response = fixture.raw(path);
            assertEquals(400, response.status(), path);
        }
        for (String query : List.of("q=%E3%81", "q=%00", "q=%FF%FE", "q=" + enc("\"((( -OR "), "company=", "q=" + enc("😀\u202E"),
                "q=" + enc("title:AWS~2^3 [a TO b]"))) {
            HttpResponse<String> response = fixture.get("/api/search?" + query);
            assertTrue(response.statusCode() < 500, query + " → " + response.statusCode());
            new ObjectMapper().readTree(response.body());
        }
    }

    @Test
    void unknownPathsAndMethodsAreJson() throws Exception {
        HttpResponse<String> unknown = fixture.get("/api/nothing-here");
        assertEquals(404, unknown.statusCode());
        assertEquals("not_found", new ObjectMapper().readTree(unknown.body()).get("error").get("code").asText());
    }

    @Test
    void suggestsCompaniesFromKanaAndLatin() throws Exception {
        assertEquals("NVIDIA", fixture.getJson("/api/suggest?q=" + enc("えぬ")).get("suggestions").get(0).get("value").asText());
        assertEquals("Toyota", fixture.getJson("/api/suggest?q=" + enc("とよ")).get("suggestions").get(0).get("value").asText());
        assertEquals("Amazon", fixture.getJson("/api/suggest?q=ama").get("suggestions").get(0).get("value").asText());
        assertEquals(0, fixture.getJson("/api/suggest?q=").get("suggestions").size());
        assertEquals(400, fixture.get("/api/suggest?q=a&size=0").statusCode());
    }

    @Test
    void healthAndOpenApi() throws Exception {
        JsonNode health = fixture.getJson("/api/health");
        assertEquals("ok", health.get("status").asText());
        assertEquals(7, health.get("documents").asInt());
        assertEquals(Schema.VERSION, health.get("schema_version").asInt());
        assertTrue(health.get("built_at").asText().startsWith("20"));
        JsonNode openApi = fixture.getJson("/openapi.json");
        for (String path : List.of("/api/search", "/api/articles/{id}", "/api/articles/{id}/related", "/api/suggest",
                "/api/health", "/api/events")) {
            assertTrue(openApi.get("paths").has(path), path);
        }
    }

    @Test
    void securityHeadersOnEveryResponseAndNoCorsByDefault() throws Exception {
        for (String path : List.of("/api/search", "/", "/static/kensaku.js", "/api/nothing")) {
            HttpResponse<String> response = fixture.get(path);
            String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"), path + ": " + csp);
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""), path);
            assertTrue(response.headers().firstValue("Referrer-Policy").isPresent(), path);
            assertNull(response.headers().firstValue("Access-Control-Allow-Origin").orElse(null), path);
        }
    }

    @Test
    void corsAllowsOnlyTheConfiguredOrigins(@TempDir Path own) throws Exception {
        try (ServerFixture allowing = new ServerFixture(own, Duration.ofHours(1), List.of("http://example.test"))) {
            HttpResponse<String> allowed = allowing.get("/api/search?q=AI");
            assertEquals("http://example.test", allowed.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
            HttpResponse<String> other = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(allowing.base() + "/api/search?q=AI")).header("Origin", "http://evil.test").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, other.statusCode());
            assertNull(other.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        }
    }

    @Test
    void resultChipsNeverRepeatATagThatNamesAShownCompany() throws Exception {
        Document page = Jsoup.parse(fixture.get("/?q=" + enc("投資")).body());
        Elements hits = page.select("li.hit");
        assertFalse(hits.isEmpty());
        for (Element hit : hits) {
            List<String> chips = hit.select("a.chip").eachText().stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
            assertEquals(chips.size(), new HashSet<>(chips).size(), "repeated chip: " + chips);
            assertFalse(hit.select("a.chip-tag").isEmpty() && hit.select("a.chip-company").isEmpty(), "chips shown");
        }
    }

    @Test
    void staticFilesStayInsideTheirFolder() throws Exception {
        for (String path : List.of("/static/../kensaku/http/openapi.json", "/static/%2e%2e/%2e%2e/etc/passwd",
                "/static/..%2f..%2fpom.xml")) {
            HttpResponse<String> response = fixture.get(path);
            assertFalse(response.body().contains("root:") || response.body().contains("<project"), path);
        }
    }
}
