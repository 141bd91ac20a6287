package kensaku.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.time.ZoneId;
import kensaku.corpus.Permalink;
import kensaku.corpus.SiteUrls;
import kensaku.index.Schema;

/**
 * The API as every search backend must answer it, over real HTTP, for the corpus of the five seeds plus
 * {@code src/test/resources/http/articles}: exact totals and facet counts (disjunctive ones too), filters, sorts,
 * paging, escaped highlights, 404s, 400s, suggestions and health. Run by {@code EmbeddedApiContractTest} against
 * the embedded index and by {@code OpenSearchClusterTest} against a 3-node cluster.
 */
public final class ApiContract implements AutoCloseable {
    /** One named check of the contract. */
    @FunctionalInterface
    public interface Check {
        void run() throws Exception;
    }

    /** The publisher's site both backends are served with: a base path, and Jekyll's default pattern. */
    public static final String SITE_URL = "https://example.com/blog/";

    public static SiteUrls siteUrls(ZoneId zone) {
        return new SiteUrls(SITE_URL, Permalink.of(null, Permalink.Generator.JEKYLL, zone));
    }

    private final String base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    /** @param base the server's root, e.g. {@code http://127.0.0.1:7070} */
    public ApiContract(String base) {
        this.base = base;
    }

    public Map<String, Check> checks() {
        Map<String, Check> checks = new LinkedHashMap<>();
        checks.put("search answers with hits, facets and an exact total", this::searchAnswers);
        checks.put("company facet is disjunctive, tags counted within the selection", this::disjunctiveFacets);
        checks.put("date ranges in both forms, sort orders and paging", this::datesSortsPaging);
        checks.put("month histogram in the display zone, counted without the date filter", this::monthHistogram);
        checks.put("highlights are escaped, matches in <mark>", this::highlights);
        checks.put("article ids with slashes, unknown ids are 404", this::articles);
        checks.put("related articles exclude the article itself, validate size, 404", this::related);
        checks.put("bad parameters are 400 with the parameter named", this::badParameters);
        checks.put("suggestions from kana and Latin", this::suggestions);
        checks.put("a misspelled query offers did-you-mean, a good one does not", this::didYouMean);
        checks.put("kana either way, readings and romaji find the written word, and say so", this::kanaReadingsRomaji);
        checks.put("companies carry their Japanese display labels, filters keep the canonical name", this::companyLabels);
        checks.put("drafts, unpublished, scheduled, expired and opted-out articles are never found", this::unpublished);
        checks.put("a guessed id of an article not shown is a 404 like an unknown id", this::guessedIds);
        checks.put("every hit and article carries its live url on the publisher's site", this::liveUrls);
        checks.put("health", this::health);
        checks.put("the page renders results and highlights", this::page);
        return checks;
    }

    private void searchAnswers() throws Exception {
        JsonNode body = getJson("/api/search?q=" + enc("エヌビディア") + "&size=3");
        assertEquals(6, body.get("total").asInt(), "the five seeds say NVIDIA, the robotics article エヌビディア");
        assertEquals(3, body.get("hits").size());
        JsonNode hit = body.get("hits").get(0);
        for (String field : List.of("id", "title", "title_html", "date", "tags", "categories", "companies", "author",
                "excerpt", "snippet_html", "score")) {
            assertTrue(hit.has(field), field);
        }
        assertTrue(body.get("took_ms").isNumber());
        List<String> facetNames = new java.util.ArrayList<>();
        body.get("facets").fieldNames().forEachRemaining(facetNames::add);
        assertEquals(List.of("company", "tag", "category", "month"), facetNames, "facets in the order they are shown");
        int robots = getJson("/api/search?q=" + enc("ロボット")).get("total").asInt();
        int withoutAnthropic = getJson("/api/search?q=" + enc("ロボット -Anthropic")).get("total").asInt();
        assertTrue(robots > 0 && withoutAnthropic < robots, robots + " / " + withoutAnthropic);
        assertEquals(0, getJson("/api/search?q=" + enc("。、！")).get("total").asInt(), "no searchable word finds nothing");
    }

    private void disjunctiveFacets() throws Exception {
        Map<String, Integer> all = counts(getJson("/api/search").get("facets").get("company"));
        JsonNode toyota = getJson("/api/search?company=Toyota");
        assertEquals(2, all.get("Toyota"), "the robotics article and seed 000 mention トヨタ");
        assertEquals(2, toyota.get("total").asInt());
        assertEquals(all, counts(toyota.get("facets").get("company")), "company counts ignore the company filter");
        Map<String, Integer> tags = counts(toyota.get("facets").get("tag"));
        assertEquals(1, tags.get("ロボティクス"));
        assertEquals(1, tags.get("Anthropic"));
        assertNull(tags.get("チップ"), "tags are counted within the company selection");
        assertEquals(6, all.get("NVIDIA"));
        assertEquals(2, getJson("/api/search?tag=" + enc("ロボティクス") + "&tag=GenAI").get("total").asInt(),
                "values of one facet are ORed");
        assertEquals(0, getJson("/api/search?company=Toyota&tag=AI").get("total").asInt(), "facets are ANDed");
        JsonNode twoCompanies = getJson("/api/search?q=" + enc("投資") + "&company=Toyota&company=Meta");
        Map<String, Integer> companies = counts(twoCompanies.get("facets").get("company"));
        assertEquals(counts(getJson("/api/search?q=" + enc("投資")).get("facets").get("company")), companies,
                "with two companies selected the company list is still that of the query alone");
        JsonNode nowhere = getJson("/api/search?company=NoSuchCompany");
        assertEquals(0, nowhere.get("total").asInt());
        assertEquals(0, counts(nowhere.get("facets").get("company")).get("NoSuchCompany"),
                "a selected value with no match is listed with 0, so it can be unticked");
    }

    private void datesSortsPaging() throws Exception {
        assertEquals(List.of("robotics.md", "xss.md"), ids(getJson("/api/search?from=2024-05&to=2024-05")));
        assertEquals(List.of("xss.md", "robotics.md"),
                ids(getJson("/api/search?from=2024-05-01&to=2024-05-31&sort=date_asc")));
        assertEquals(List.of("xss.md"), ids(getJson("/api/search?to=2024-05-10")));
        JsonNode page2 = getJson("/api/search?sort=date&size=2&page=2");
        assertEquals(7, page2.get("total").asInt());
        assertEquals(2, page2.get("page").asInt());
        assertEquals(List.of("004_82b3f670182a709f.txt", "001_404c0bca200c4134.txt"), ids(page2));
        List<String> newest = ids(getJson("/api/search?sort=date&size=7"));
        List<String> oldest = ids(getJson("/api/search?sort=date_asc&size=7"));
        assertEquals(newest, oldest.reversed(), "dates are distinct, so one order is the other reversed");
    }

    private void monthHistogram() throws Exception {
        JsonNode may = getJson("/api/search?from=2024-05&to=2024-05");
        Map<String, Integer> months = counts(may.get("facets").get("month"));
        assertEquals(counts(getJson("/api/search").get("facets").get("month")), months,
                "the month histogram ignores the date range, so other months stay selectable");
        assertEquals(2, months.get("2024-05"));
        assertEquals(7, months.values().stream().mapToInt(Integer::intValue).sum());
    }

    private void highlights() throws Exception {
        JsonNode hit = getJson("/api/search?q=" + enc("罠")).get("hits").get(0);
        assertEquals("xss.md", hit.get("id").asText());
        assertTrue(hit.get("snippet_html").asText().contains("<mark>罠"), hit.toString());
        assertFalse(hit.get("snippet_html").asText().contains("<script"), hit.toString());
        assertFalse(hit.get("title_html").asText().contains("<script"), hit.toString());
        assertTrue(hit.get("title_html").asText().contains("&lt;script&gt;"), hit.toString());
        JsonNode nvidia = getJson("/api/search?q=" + enc("エヌビディア") + "&size=1").get("hits").get(0);
        assertTrue(nvidia.get("snippet_html").asText().contains("<mark>"), nvidia.toString());

        JsonNode article = getJson("/api/articles/xss.md");
        String html = article.get("body_html").asText();
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("onerror"), html);
        assertTrue(article.get("body_text").asText().contains("罠の後にも文章が続きます"));
    }

    private void articles() throws Exception {
        HttpResponse<String> found = get("/api/articles/003_8829784a73951244.txt");
        assertEquals(200, found.statusCode());
        assertEquals("003_8829784a73951244.txt", json.readTree(found.body()).get("id").asText());
        HttpResponse<String> missing = get("/api/articles/nope/../../etc/passwd");
        assertEquals(404, missing.statusCode());
        assertEquals("not_found", json.readTree(missing.body()).get("error").get("code").asText());
        assertEquals(404, get("/api/articles/sub/dir/none.md").statusCode());
    }

    private void related() throws Exception {
        JsonNode related = getJson("/api/articles/004_82b3f670182a709f.txt/related?size=3");
        assertTrue(related.get("hits").size() >= 1 && related.get("hits").size() <= 3, related.toString());
        assertFalse(ids(related).contains("004_82b3f670182a709f.txt"), "an article is not related to itself");
        HttpResponse<String> missing = get("/api/articles/nope.md/related");
        assertEquals(404, missing.statusCode());
        assertEquals("not_found", json.readTree(missing.body()).get("error").get("code").asText());
        for (String size : List.of("0", "21", "abc")) {
            HttpResponse<String> bad = get("/api/articles/robotics.md/related?size=" + size);
            assertEquals(400, bad.statusCode(), size);
            assertEquals("size", json.readTree(bad.body()).get("error").get("param").asText());
        }
    }

    private void badParameters() throws Exception {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("size=0", "size");
        cases.put("size=101", "size");
        cases.put("page=0", "page");
        cases.put("from=2025-13", "from");
        cases.put("to=2025-02-30", "to");
        cases.put("sort=bogus", "sort");
        cases.put("from=2025-05&to=2025-01", "from");
        cases.put("page=5000&size=100", "page");
        for (Map.Entry<String, String> bad : cases.entrySet()) {
            HttpResponse<String> response = get("/api/search?" + bad.getKey());
            assertEquals(400, response.statusCode(), bad.getKey() + ": " + response.body());
            assertEquals(bad.getValue(), json.readTree(response.body()).get("error").get("param").asText());
        }
        for (String query : List.of("q=" + enc("\"((( -OR "), "company=", "q=" + enc("😀\u202E"),
                "q=" + enc("title:AWS~2^3 [a TO b]"))) {
            HttpResponse<String> response = get("/api/search?" + query);
            assertEquals(200, response.statusCode(), query + " → " + response.body());
        }
        assertEquals(404, get("/api/nothing-here").statusCode());
    }

    private void companyLabels() throws Exception {
        JsonNode body = getJson("/api/search?q=" + enc("ロボティクス") + "&company=Toyota");
        assertEquals(1, body.get("total").asInt(), "the canonical name filters");
        JsonNode toyota = null;
        for (JsonNode facet : body.get("facets").get("company")) {
            toyota = facet.get("value").asText().equals("Toyota") ? facet : toyota;
            assertTrue(facet.has("label") && facet.has("count"), facet.toString());
        }
        assertEquals("トヨタ", toyota.get("label").asText(), body.get("facets").get("company").toString());
        JsonNode hit = body.get("hits").get(0);
        List<String> companies = new java.util.ArrayList<>();
        List<String> labels = new java.util.ArrayList<>();
        hit.get("companies").forEach(c -> companies.add(c.asText()));
        hit.get("company_labels").forEach(c -> labels.add(c.asText()));
        assertEquals(companies.size(), labels.size());
        assertEquals("トヨタ", labels.get(companies.indexOf("Toyota")));
        assertEquals("ソフトバンク", labels.get(companies.indexOf("SoftBank")));
        JsonNode tag = getJson("/api/search?q=" + enc("ロボティクス")).get("facets").get("tag").get(0);
        assertEquals(tag.get("value").asText(), tag.get("label").asText(), "a tag is its own label");
        JsonNode article = getJson("/api/articles/robotics.md");
        assertEquals(article.get("companies").size(), article.get("company_labels").size());
        JsonNode suggestion = getJson("/api/suggest?q=" + enc("とよ")).get("suggestions").get(0);
        assertEquals("Toyota", suggestion.get("value").asText());
        assertEquals("トヨタ", suggestion.get("label").asText());
    }

    private void suggestions() throws Exception {
        assertEquals("NVIDIA", getJson("/api/suggest?q=" + enc("えぬ")).get("suggestions").get(0).get("value").asText());
        assertEquals("Toyota", getJson("/api/suggest?q=" + enc("とよ")).get("suggestions").get(0).get("value").asText());
        assertEquals("Amazon", getJson("/api/suggest?q=ama").get("suggestions").get(0).get("value").asText());
        assertEquals("NVIDIA", getJson("/api/suggest?q=enubi").get("suggestions").get(0).get("value").asText(), "romaji");
        assertEquals("Google", getJson("/api/suggest?q=guuguru").get("suggestions").get(0).get("value").asText());
        JsonNode nvidia = getJson("/api/suggest?q=nvi").get("suggestions");
        int named = 0;
        for (JsonNode suggestion : nvidia) {
            named += suggestion.get("text").asText().equalsIgnoreCase("NVIDIA") ? 1 : 0;
        }
        assertEquals(1, named, "the tag NVIDIA is not offered beside the company: " + nvidia);
        JsonNode titles = getJson("/api/suggest?q=aws&size=20").get("suggestions");
        assertTrue(titles.size() >= 1, titles.toString());
        assertEquals(0, getJson("/api/suggest?q=").get("suggestions").size());
        assertEquals(400, get("/api/suggest?q=a&size=0").statusCode());
    }

    private void didYouMean() throws Exception {
        JsonNode typo = getJson("/api/search?q=" + enc("Bedrok"));
        assertEquals(0, typo.get("total").asInt());
        assertEquals("Bedrock", typo.get("did_you_mean").asText());
        assertEquals("エヌビディア", getJson("/api/search?q=" + enc("エヌビデア")).get("did_you_mean").asText());
        // No article writes アンソロピック: the correction comes from the company gazetteer.
        assertEquals("アンソロピック", getJson("/api/search?q=" + enc("アンソロピク")).get("did_you_mean").asText());
        JsonNode fine = getJson("/api/search?q=Bedrock");
        assertTrue(fine.has("did_you_mean") && fine.get("did_you_mean").isNull(), "always present, null when none");
    }

    private void kanaReadingsRomaji() throws Exception {
        JsonNode katakana = getJson("/api/search?q=" + enc("エヌビディア"));
        JsonNode hiragana = getJson("/api/search?q=" + enc("えぬびでぃあ"));
        assertEquals(ids(katakana), ids(hiragana), "hiragana finds what katakana finds, company aliases included");
        assertTrue(hiragana.get("interpreted_as").isNull(), "found as typed: nothing to say");
        assertTrue(hiragana.get("hits").get(0).get("snippet_html").asText().contains("<mark>"), hiragana.toString());

        // The seeds write 半導体 (002 and 004), never はんどうたい: converted to the written word, searched, marked.
        JsonNode reading = getJson("/api/search?q=" + enc("はんどうたい"));
        assertEquals(List.of("002_c04c9c3010fcc63b.txt", "004_82b3f670182a709f.txt"), ids(reading).stream().sorted().toList());
        assertEquals("reading", reading.get("interpreted_as").get("kind").asText());
        assertEquals("半導体", reading.get("interpreted_as").get("query").asText());
        assertEquals(ids(getJson("/api/search?q=" + enc("半導体"))), ids(reading));
        reading.get("hits").forEach(hit -> assertTrue(hit.get("snippet_html").asText().contains("<mark>半導体</mark>"),
                hit.toString()));
        assertEquals(ids(reading), ids(getJson("/api/search?q=" + enc("ハンドウタイ"))));

        JsonNode romaji = getJson("/api/search?q=guuguru");
        assertEquals("romaji", romaji.get("interpreted_as").get("kind").asText());
        assertEquals("ぐーぐる", romaji.get("interpreted_as").get("query").asText());
        assertEquals(ids(getJson("/api/search?q=" + enc("グーグル"))), ids(romaji));
        assertTrue(romaji.get("did_you_mean").isNull());
        JsonNode romajiKanji = getJson("/api/search?q=handoutai");
        assertEquals("romaji", romajiKanji.get("interpreted_as").get("kind").asText());
        assertEquals("半導体", romajiKanji.get("interpreted_as").get("query").asText());
        assertEquals(ids(reading), ids(romajiKanji));

        JsonNode nothing = getJson("/api/search?q=" + enc("ぬぬぬぬ"));
        assertEquals(0, nothing.get("total").asInt());
        assertTrue(nothing.get("interpreted_as").isNull(), "an interpretation that finds nothing is not offered");
        assertTrue(get("/?q=guuguru").body().contains("「ぐーぐる」として検索しました"));
        assertTrue(get("/?q=" + enc("はんどうたい")).body().contains("「半導体」として検索しました"));
    }

    /** Files of src/test/resources/http/articles that are not published now, each with a word only it holds. */
    public static final Map<String, String> NOT_SHOWN = Map.of(
            "draft.md", "ゼブラフィッシュ", "unpublished.md", "カモノハシ", "scheduled.md", "Quokkatron",
            "expired.md", "センザンコウ", "opted-out.md", "ハシビロコウ", "noindex.md", "ウミウシ",
            "search-false.md", "ダイオウグソクムシ");

    private void unpublished() throws Exception {
        for (Map.Entry<String, String> article : NOT_SHOWN.entrySet()) {
            JsonNode found = getJson("/api/search?q=" + enc(article.getValue()));
            assertEquals(0, found.get("total").asInt(), article + " → " + found);
            assertTrue(found.get("did_you_mean").isNull(), article + " → " + found);
            JsonNode browsed = getJson("/api/search?size=100");
            assertFalse(ids(browsed).contains(article.getKey()), article.getKey());
            assertFalse(get("/?q=" + enc(article.getValue())).body().contains(article.getKey()), article.getKey());
        }
        // Every one of them mentions トヨタ and most are tagged ロボティクス in May 2024: the counts stay those of
        // the published articles (also checked exactly by the facet and histogram checks).
        Map<String, Integer> all = counts(getJson("/api/search").get("facets").get("company"));
        assertEquals(2, all.get("Toyota"));
        JsonNode tagged = getJson("/api/search?tag=" + enc("ロボティクス"));
        assertEquals(List.of("robotics.md"), ids(tagged));
        assertNull(counts(getJson("/api/search").get("facets").get("tag")).get("オカピ特集"), "a scheduled article's tag");
        assertNull(counts(getJson("/api/search").get("facets").get("category")).get("予約投稿"));
        assertEquals(2, counts(getJson("/api/search").get("facets").get("month")).get("2024-05"));
        // Did-you-mean never offers a word that only a hidden article holds.
        assertTrue(getJson("/api/search?q=Quokkatrom").get("did_you_mean").isNull());
        // Suggestions offer neither the title nor the tag of a scheduled article.
        for (String prefix : List.of("おかぴ", "オカピ", "quokka", "予約", "ぜぶら", "かものはし")) {
            assertEquals(0, getJson("/api/suggest?q=" + enc(prefix)).get("suggestions").size(), prefix);
        }
        // Related articles of a published one never list them.
        for (String id : List.of("robotics.md", "000_9474e8312006595c.txt", "004_82b3f670182a709f.txt")) {
            HttpResponse<String> related = get("/api/articles/" + id + "/related?size=20");
            if (related.statusCode() == 200) {
                for (String hidden : NOT_SHOWN.keySet()) {
                    assertFalse(related.body().contains(hidden), id + " related " + related.body());
                }
            }
        }
    }

    private void guessedIds() throws Exception {
        for (String id : NOT_SHOWN.keySet()) {
            for (String path : List.of("/api/articles/" + id, "/api/articles/" + id + "/related")) {
                HttpResponse<String> response = get(path);
                assertEquals(404, response.statusCode(), path + " → " + response.body());
                HttpResponse<String> unknown = get(path.replace(id, "no-such-" + id));
                assertEquals(unknown.body().replace("no-such-" + id, id), response.body(),
                        "the same answer as for an id that does not exist");
            }
            assertEquals(404, get("/articles/" + id).statusCode(), id);
        }
    }

    private void liveUrls() throws Exception {
        String robotics = "https://example.com/blog/%E7%94%A3%E6%A5%AD/2024/05/20/robotics.html";
        String xss = "https://example.com/blog/security/b-%E7%BD%A0-b-%E3%83%86%E3%82%B9%E3%83%88/";
        JsonNode hits = getJson("/api/search?from=2024-05&to=2024-05").get("hits");
        assertEquals(robotics, hits.get(0).get("url").asText(), "/:categories/:year/:month/:day/:title:output_ext");
        assertEquals(xss, hits.get(1).get("url").asText(), "the front matter permalink and slug win");
        assertEquals(robotics, getJson("/api/articles/robotics.md").get("url").asText());
        for (JsonNode hit : getJson("/api/search?size=100").get("hits")) {
            assertTrue(hit.get("url").asText().startsWith("https://example.com/blog/"), hit.toString());
        }
        for (JsonNode hit : getJson("/api/articles/004_82b3f670182a709f.txt/related").get("hits")) {
            assertTrue(hit.get("url").asText().startsWith("https://example.com/blog/"), hit.toString());
        }
        // 2025-09-30 16:39:46 +0000 is 1 October in Tokyo, the site's zone.
        assertEquals("https://example.com/blog/%E6%A5%AD%E7%95%8C%E5%88%A5ai%E6%B4%BB%E7%94%A8/2025/10/01/"
                + "000_9474e8312006595c.html", getJson("/api/articles/000_9474e8312006595c.txt").get("url").asText());
        String page = get("/?q=" + enc("ロボティクス")).body();
        assertTrue(page.contains("href=\"" + robotics + "\""), "the page links the hit to the live article");
        assertTrue(page.contains("href=\"/articles/robotics.md?q=" + enc("ロボティクス") + "\""),
                "and keeps kensaku's copy as a preview, which leads back to this search");
    }

    private void health() throws Exception {
        JsonNode health = getJson("/api/health");
        assertEquals("ok", health.get("status").asText());
        assertEquals(7, health.get("documents").asInt());
        assertEquals(Schema.VERSION, health.get("schema_version").asInt());
        assertTrue(health.get("built_at").asText().startsWith("20"), health.toString());
        assertFalse(health.get("generation").asText().isBlank());
    }

    private void page() throws Exception {
        HttpResponse<String> page = get("/?q=" + enc("エヌビディア"));
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<mark>"), "highlights on the page");
        assertEquals(200, get("/articles/xss.md").statusCode());
        assertEquals(404, get("/articles/none.md").statusCode());
    }

    public HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public JsonNode getJson(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> response = get(pathAndQuery);
        assertEquals(200, response.statusCode(), pathAndQuery + " → " + response.body());
        return json.readTree(response.body());
    }

    public static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public static Map<String, Integer> counts(JsonNode facet) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        facet.forEach(entry -> counts.put(entry.get("value").asText(), entry.get("count").asInt()));
        return counts;
    }

    public static List<String> ids(JsonNode body) {
        List<String> ids = new ArrayList<>();
        body.get("hits").forEach(hit -> ids.add(hit.get("id").asText()));
        return ids;
    }

    @Override
    public void close() {
        client.close();
    }
}
