package kensaku.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The streaming readers of both engines' answers give the ids a whole-tree reading gives (the oracle below, which
 * is what the load generator did before), whatever else the answer holds and in whatever order its fields come.
 */
class EngineAnswersTest {
    private static final ObjectMapper TREE = new ObjectMapper();
    private static final QueryMix.Query SEARCH = new QueryMix.Query("one-word", List.of(Map.entry("q", "クラウド")));
    private static final QueryMix.Query SUGGEST = new QueryMix.Query(QueryMix.SUGGEST, List.of(Map.entry("q", "クラ")));

    private final KensakuEngine kensaku = new KensakuEngine(1);
    private final GroongaEngine groonga = new GroongaEngine(1, ZoneId.of("Asia/Tokyo"));

    @Test
    void kensakuSearchIdsWhateverTheFieldOrderAndNesting() throws IOException {
        String hitsFirst = """
                {"hits": [{"title": "A", "tags": ["x", {"deep": [1, 2]}], "id": "2020/1.md", "score": 1.5},
                          {"id": "2021/2.md", "snippet_html": "<mark>クラウド</mark>\\"quoted\\"", "date": null}],
                 "facets": {"company": [{"value": "NVIDIA", "count": 3}]}, "total": 1234, "page": 1,
                 "correction": null}""";
        String totalFirst = """
                {"total": 0, "took_ms": 3, "hits": [], "facets": {}}""";
        String noId = """
                {"total": 2, "hits": [{"title": "no id"}, {"id": "b.md"}]}""";
        for (String body : List.of(hitsFirst, totalFirst, noId)) {
            assertEquals(treeKensaku(SEARCH, body), kensaku.ids(SEARCH, bytes(body)), body);
        }
        assertEquals(List.of("total=1234", "2020/1.md", "2021/2.md"), kensaku.ids(SEARCH, bytes(hitsFirst)));
    }

    @Test
    void kensakuSuggestionsAreKindAndText() throws IOException {
        String body = """
                {"query": "クラ", "suggestions": [{"text": "クラウド", "kind": "tag", "count": 5},
                 {"kind": "company", "text": "Claude", "reading": ["クロード"]}, {"kind": "title"}]}""";
        assertEquals(treeKensaku(SUGGEST, body), kensaku.ids(SUGGEST, bytes(body)));
        assertEquals(List.of("tag:クラウド", "company:Claude", "title:"), kensaku.ids(SUGGEST, bytes(body)));
    }

    @Test
    void groongaRowsAfterTheTotalAndColumnsWithDrilldownsSkipped() throws IOException {
        String body = """
                [[0, 1733.5, 0.02], [[[4521], [["_key", "ShortText"], ["title", "ShortText"], ["snippet", null]],
                  ["2020/1.md", "タイトル", ["<span>クラウド</span>", "..."]], ["2021/2.md"], ["2022/3.md", "C", []]],
                 {"company": [[3], [["_key", "ShortText"]], ["NVIDIA", 3]]}, [[1], [["_key"]], ["2020-01", 1]]]]""";
        String empty = """
                [[0, 1.0, 0.0], [[[0], [["_key", "ShortText"]]]]]""";
        for (String text : List.of(body, empty)) {
            assertEquals(treeGroonga(SEARCH, text), groonga.ids(SEARCH, bytes(text)), text);
            assertEquals(treeGroonga(SUGGEST, text), groonga.ids(SUGGEST, bytes(text)), text);
        }
        assertEquals(List.of("total=4521", "2020/1.md", "2021/2.md", "2022/3.md"), groonga.ids(SEARCH, bytes(body)));
    }

    @Test
    void aGroongaErrorIsReportedWithItsMessage() {
        String error = """
                [[-22, 1733.5, 0.0, "invalid argument: syntax error"], []]""";
        IOException thrown = assertThrows(IOException.class, () -> groonga.ids(SEARCH, bytes(error)));
        assertTrue(thrown.getMessage().contains("syntax error"), thrown.getMessage());
        assertThrows(IOException.class, () -> groonga.ids(SEARCH, bytes("[[0, 1.0, 0.0], [[[3]")));
    }

    private static List<String> treeKensaku(QueryMix.Query query, String body) throws IOException {
        JsonNode root = TREE.readTree(body);
        List<String> ids = new ArrayList<>();
        if (query.isSuggest()) {
            root.path("suggestions").forEach(s -> ids.add(s.path("kind").asText() + ":" + s.path("text").asText()));
        } else {
            ids.add("total=" + root.path("total").asLong());
            root.path("hits").forEach(hit -> ids.add(hit.path("id").asText()));
        }
        return ids;
    }

    private static List<String> treeGroonga(QueryMix.Query query, String body) throws IOException {
        JsonNode result = TREE.readTree(body).path(1).path(0);
        List<String> ids = new ArrayList<>();
        if (!query.isSuggest()) {
            ids.add("total=" + result.path(0).path(0).asLong());
        }
        for (int i = 2; i < result.size(); i++) {
            ids.add(result.path(i).path(0).asText());
        }
        return ids;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
