package kensaku.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import kensaku.search.plan.QueryLimit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Long queries, malformed escapes and HEAD, against the real server: answers, never a 500. */
class HostileRequestsTest {
    @TempDir
    static Path temp;
    static ServerFixture fixture;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        fixture = new ServerFixture(temp, Duration.ofHours(1));
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    private static String words(String word, int count, String separator) {
        return IntStream.range(0, count).mapToObj(i -> word + (i % 10)).collect(Collectors.joining(separator));
    }

    @Test
    void aLongQueryIsAnsweredWithTheIgnoredWordsNamed() throws Exception {
        // 330 words in 1,000 characters: once a 500 (Lucene's 1,024-clause limit) from 147 words on.
        String query = words("設", 330, " ");
        JsonNode answer = fixture.getJson("/api/search?q=" + ServerFixture.enc(query));
        assertEquals(330 - QueryLimit.MAX_WORDS, answer.get("ignored_words").size());
        assertEquals("設0", answer.get("ignored_words").get(QueryLimit.MAX_WORDS % 10 == 0 ? 0 : 8).asText().substring(0, 2));
        assertEquals(0, fixture.getJson("/api/search?q=AWS").get("ignored_words").size());
        String page = fixture.get("/?q=" + ServerFixture.enc(query)).body();
        assertTrue(page.contains("次の" + (330 - QueryLimit.MAX_WORDS) + "語は検索に使っていません"), page);
        for (String q : List.of(words("a", 500, " ").substring(0, 999), words("設定", 250, " OR ").substring(0, 1000),
                words("エヌビディア", 140, " ").substring(0, 1000), words("アマゾン", 250, "").substring(0, 1000))) {
            for (String path : List.of("/api/search?q=", "/api/search?company=Amazon&q=", "/api/search?sort=date&q=",
                    "/?q=")) {
                HttpResponse<String> response = fixture.get(path + ServerFixture.enc(q));
                assertEquals(200, response.statusCode(), path + q);
            }
        }
    }

    @Test
    void aThousandWordsOrFiveHundredOrsAreRefusedNamingTheLimit() throws Exception {
        for (String q : List.of(words("a", 1000, " "), words("a", 501, " OR "))) {
            for (String path : List.of("/api/search?q=", "/?q=")) {
                HttpResponse<String> response = fixture.get(path + ServerFixture.enc(q));
                assertEquals(400, response.statusCode(), path);
                if (path.startsWith("/api/")) {
                    assertTrue(response.body().contains("1000"), response.body());
                }
            }
        }
    }

    @Test
    void aMalformedEscapeIsA400NamingTheParameter() throws Exception {
        for (String[] raw : new String[][] {{"q=AI&company=NVIDIA%", "company"}, {"q=AI%2", "q"},
                {"q=%ZZ", "q"}, {"q=%C0%AF", "q"}, {"q=AI&tag=%E3%81", "tag"}, {"from=2025%2", "from"}}) {
            ServerFixture.RawResponse response = fixture.raw("/api/search?" + raw[0]);
            assertEquals(400, response.status(), raw[0]);
            JsonNode error = json.readTree(response.body()).get("error");
            assertEquals("invalid_encoding", error.get("code").asText());
            assertEquals(raw[1], error.get("param").asText(), raw[0]);
            assertEquals(400, fixture.raw("/?" + raw[0]).status(), "page " + raw[0]);
        }
        assertEquals(200, fixture.raw("/api/search?q=%E7%94%9F%E6%88%90AI+%E6%8A%95%E8%B3%87").status());
    }

    @Test
    void headAnswersAsGetDoes() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String path : List.of("/api/search?size=0", "/api/search?q=AWS", "/api/articles/nope", "/api/health",
                "/", "/?size=0", "/api/suggest?q=a&size=0")) {
            int get = fixture.raw(path).status();
            HttpResponse<String> head = client.send(HttpRequest.newBuilder(URI.create(fixture.base() + path))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(get, head.statusCode(), path);
            assertEquals("", head.body(), path);
        }
    }
}
