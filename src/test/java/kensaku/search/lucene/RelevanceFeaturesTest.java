package kensaku.search.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import kensaku.analysis.CompanyGazetteer;
import kensaku.analysis.JapaneseAnalyzers;
import kensaku.index.IndexDirectory;
import kensaku.index.IndexFixtures;
import kensaku.index.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import kensaku.search.BadRequestException;
import kensaku.search.Hit;
import kensaku.search.InterpretedQuery;
import kensaku.search.SearchRequest;
import kensaku.search.SearchResponse;
import kensaku.search.plan.WordRuns;

/** Word runs, 「もしかして」 and related articles, over the seeds plus the relevance test articles. */
class RelevanceFeaturesTest {
    @TempDir
    static Path temp;
    static JapaneseAnalyzers analyzers;
    static LiveIndex live;
    static SearchService service;

    @BeforeAll
    static void build() throws IOException {
        Path corpus = IndexFixtures.corpusOf(temp.resolve("corpus"), IndexFixtures.SEEDS,
                Path.of("src/test/resources/relevance/corpus"));
        IndexFixtures.build(corpus, temp.resolve("index"));
        CompanyGazetteer gazetteer = CompanyGazetteer.builtIn();
        Schema schema = new Schema(IndexFixtures.TOKYO);
        analyzers = new JapaneseAnalyzers(gazetteer);
        live = new LiveIndex(new IndexDirectory(temp.resolve("index")), schema, Duration.ofHours(1));
        service = new SearchService(live, schema, analyzers, gazetteer);
    }

    @AfterAll
    static void close() throws IOException {
        live.close();
        analyzers.close();
    }

    @ParameterizedTest
    @CsvSource({"アマゾンの投資,アマゾン|投資", "グーグルが買収した,グーグル|買収", "生成AI,生成AI",
            "大規模言語モデル,大規模言語モデル", "京都大学と製薬大手,京都大学|製薬大手", "NVIDIA,NVIDIA"})
    void runsAreCutAtParticlesOnly(String text, String runs) {
        assertEquals(List.of(runs.split("\\|")), new WordRuns(analyzers.morphological()).of(text));
    }

    @Test
    void wordsJoinedByParticlesFindTheArticleThatHasThem() throws IOException {
        assertEquals("nvidia-record-sales.md", firstId("エヌビディアの決算"));
        assertEquals("toyota-business-base.md", firstId("トヨタの新型モデル"));
    }

    @Test
    void aReadingIsSearchedOnlyWhenTheWrittenFormFindsNothingSoHomophonesNeverCrowdIn() throws IOException {
        // スズキ the company is written so: 鈴木 (read スズキ) in two other articles stays out.
        SearchResponse written = service.search(SearchRequest.of("スズキ"));
        assertEquals(List.of("suzuki-india-inspection.md"), written.hits().stream().map(Hit::id).toList());
        assertNull(written.interpretedAs());
        assertEquals(List.of("suzuki-india-inspection.md"), ids("すずき"), "hiragana finds the katakana word");

        SearchResponse reading = service.search(SearchRequest.of("はんどうたい"));
        assertEquals(new InterpretedQuery(InterpretedQuery.READING, "半導体"), reading.interpretedAs());
        assertEquals("semiconductor-kumamoto-fab.md", reading.hits().get(0).id(), "半導体 in its title and tags ranks first");
        assertTrue(reading.hits().get(0).titleHtml().contains("<mark>半導体</mark>"), reading.hits().get(0).titleHtml());
        assertEquals(ids("はんどうたい"), ids("handoutai"));
        assertEquals(new InterpretedQuery(InterpretedQuery.ROMAJI, "半導体"),
                service.search(SearchRequest.of("handoutai")).interpretedAs());
    }

    @Test
    void kanaIsConvertedOnlyToWrittenFormsThatFindArticles() throws IOException {
        // こうかい reads as 公開, 航海, 後悔 …: only those the articles hold are searched, and said.
        SearchResponse homophones = service.search(SearchRequest.of("じりつこうかい"));
        assertEquals(new InterpretedQuery(InterpretedQuery.READING, "自律航海"), homophones.interpretedAs());
        assertEquals("autonomous-ship-navigation.md", homophones.hits().get(0).id());
        // 機械学習 is two words to Kuromoji (キカイ + ガクシュウ): converted as the phrase the articles hold.
        assertEquals(ids("機械学習"), ids("きかいがくしゅう"));
        // Each kana part converted on its own; the query's syntax kept.
        assertEquals(new InterpretedQuery(InterpretedQuery.READING, "半導体 投資"),
                service.search(SearchRequest.of("はんどうたい とうし")).interpretedAs());
        SearchResponse nothing = service.search(SearchRequest.of("ぬぬぬぬ"));
        assertEquals(0, nothing.total());
        assertNull(nothing.interpretedAs(), "no written form finds anything: nothing is said");
    }

    @Test
    void compoundsStayPhrases() throws IOException {
        List<String> ids = ids("生成AI");
        assertFalse(ids.contains("hydrogen-ai-optimization.md"), "水素の生成 … AI is not 生成AI");
    }

    @ParameterizedTest
    @CsvSource({"エヌビデア,エヌビディア", "アンソロピク,アンソロピック", "マイクロソフド,マイクロソフト", "Bedrok,Bedrock",
            "BLACKWEL,BLACKWELL", "trainum,trainium", "Trainum 投資,Trainium 投資"})
    void misspellingsGetTheIndexedWord(String typed, String expected) throws IOException {
        SearchResponse response = service.search(SearchRequest.of(typed));
        assertEquals(expected, response.didYouMean());
        assertTrue(service.search(SearchRequest.of(expected)).total() > response.total());
    }

    @Test
    void noSuggestionWhenTheQueryFindsEnoughOrNothingIsCloser() throws IOException {
        assertNull(service.search(SearchRequest.of("Bedrock")).didYouMean());
        assertNull(service.search(SearchRequest.of("量子")).didYouMean());
        assertNull(service.search(SearchRequest.of("ｚｚｚｚｚｚ")).didYouMean());
    }

    @Test
    void relatedArticlesShareTheSubjectAndNeverIncludeTheArticle() throws IOException {
        List<String> related = service.related("power-demand-3gw.md", 3).orElseThrow().stream().map(Hit::id).toList();
        assertFalse(related.contains("power-demand-3gw.md"));
        assertTrue(related.contains("tepco-13gw.md"), "the other data-centre power article: " + related);
        assertTrue(service.related("no-such-article.md", 3).isEmpty());
        assertThrows(BadRequestException.class, () -> service.related("power-demand-3gw.md", 0));
        assertThrows(BadRequestException.class, () -> service.related("power-demand-3gw.md", 21));
    }

    private static String firstId(String query) throws IOException {
        return ids(query).get(0);
    }

    private static List<String> ids(String query) throws IOException {
        return service.search(SearchRequest.of(query)).hits().stream().map(Hit::id).toList();
    }
}
