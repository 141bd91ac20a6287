package kensaku.search.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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
import org.junit.jupiter.params.provider.ValueSource;
import kensaku.search.ArticleView;
import kensaku.search.FacetCount;
import kensaku.search.Hit;
import kensaku.search.SearchRequest;
import kensaku.search.SearchResponse;
import kensaku.search.SortOrder;
import kensaku.search.Suggestion;
import kensaku.search.highlight.Highlights;

/** Searches a real index of the five seed articles. */
class SearchServiceTest {
    private static final String AWS_170 = "000_9474e8312006595c.txt";
    private static final String AMAZON_STRATEGY = "001_404c0bca200c4134.txt";
    private static final String AWS_50B = "002_c04c9c3010fcc63b.txt";
    private static final String AWS_13Q = "003_8829784a73951244.txt";
    private static final String GOVERNMENT = "004_82b3f670182a709f.txt";

    @TempDir
    static Path temp;
    static JapaneseAnalyzers analyzers;
    static LiveIndex index;
    static SearchService service;

    @BeforeAll
    static void buildIndex() throws IOException {
        IndexFixtures.build(IndexFixtures.SEEDS, temp.resolve("index"));
        CompanyGazetteer gazetteer = CompanyGazetteer.builtIn();
        Schema schema = new Schema(IndexFixtures.TOKYO);
        analyzers = new JapaneseAnalyzers(gazetteer);
        index = new LiveIndex(new IndexDirectory(temp.resolve("index")), schema, Duration.ofHours(1));
        service = new SearchService(index, schema, analyzers, gazetteer);
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
        analyzers.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"NVIDIA", "nvidia", "ＮＶＩＤＩＡ", "エヌビディア", "ｴﾇﾋﾞﾃﾞｨｱ"})
    void nvidiaInAnySpellingFindsEveryArticleThatMentionsIt(String query) throws IOException {
        assertEquals(Set.of(AWS_170, AMAZON_STRATEGY, AWS_50B, AWS_13Q, GOVERNMENT), idsOf(search(query)));
    }

    @Test
    void tagFacetCountsAreExact() throws IOException {
        Map<String, Long> expected = new LinkedHashMap<>();
        for (String tag : List.of("AI", "Amazon", "チップ", "投資", "技術動向", "最新ニュース")) {
            expected.put(tag, 3L);
        }
        for (String tag : List.of("Google", "Microsoft", "エージェント")) {
            expected.put(tag, 2L);
        }
        for (String tag : List.of("AIニュース", "Anthropic", "GenAI", "Meta", "NVIDIA", "OpenAI", "速報")) {
            expected.put(tag, 1L);
        }
        assertEquals(expected, counts(browse().facets().get("tag")));
    }

    @Test
    void categoryAndMonthFacetsAreExactInTheDisplayZone() throws IOException {
        SearchResponse all = browse();
        assertEquals(Map.of("投資分析", 2L, "AI News", 1L, "AI導入戦略", 1L, "業界別AI活用", 1L),
                counts(all.facets().get("category")));
        // 2025-09-30 16:39 UTC is 2025-10-01 in Tokyo; 2026-01-31 16:48 UTC is 2026-02-01.
        assertEquals(Map.of("2025-10", 1L, "2025-11", 2L, "2026-02", 2L), counts(all.facets().get("month")));
    }

    @Test
    void facetValuesAreSortedByCountThenValue() throws IOException {
        List<FacetCount> tags = browse().facets().get("tag");
        for (int i = 1; i < tags.size(); i++) {
            FacetCount before = tags.get(i - 1);
            FacetCount after = tags.get(i);
            assertTrue(before.count() > after.count()
                    || (before.count() == after.count() && before.value().compareTo(after.value()) < 0), tags.toString());
        }
    }

    @Test
    void aSelectedFacetIsCountedAsIfItsOwnFilterWereOff() throws IOException {
        SearchResponse all = browse();
        SearchResponse filtered = service.search(new SearchRequest("", List.of(), List.of("Anthropic"), List.of(),
                null, null, SortOrder.DATE, 1, 10));

        assertEquals(1, filtered.total());
        assertEquals(Set.of(AWS_170), idsOf(filtered));
        // The tag facet itself keeps every tag's unfiltered count, so the user can widen the choice...
        assertEquals(counts(all.facets().get("tag")), counts(filtered.facets().get("tag")));
        // ...while the other facets are counted within the selection.
        assertEquals(Map.of("業界別AI活用", 1L), counts(filtered.facets().get("category")));
    }

    @Test
    void valuesOfOneFacetAreOredAndFacetsAreAnded() throws IOException {
        SearchResponse either = service.search(new SearchRequest("", List.of(), List.of("Meta", "OpenAI"), List.of(),
                null, null, SortOrder.DATE, 1, 10));
        assertEquals(Set.of(AWS_170, AWS_50B), idsOf(either));

        SearchResponse both = service.search(new SearchRequest("", List.of(), List.of("Meta", "OpenAI"),
                List.of("投資分析"), null, null, SortOrder.DATE, 1, 10));
        assertEquals(Set.of(AWS_50B), idsOf(both));
    }

    @Test
    void dateRangeIsInclusiveInTheDisplayZone() throws IOException {
        SearchResponse november = service.search(new SearchRequest("", List.of(), List.of(), List.of(),
                LocalDate.of(2025, 11, 1), LocalDate.of(2025, 11, 30), SortOrder.DATE, 1, 10));
        assertEquals(List.of(GOVERNMENT, AMAZON_STRATEGY), orderedIds(november));
        // The month histogram ignores its own range so the other months stay selectable.
        assertEquals(Map.of("2025-10", 1L, "2025-11", 2L, "2026-02", 2L), counts(november.facets().get("month")));

        SearchResponse firstOfFebruary = service.search(new SearchRequest("", List.of(), List.of(), List.of(),
                LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 1), SortOrder.DATE, 1, 10));
        assertEquals(List.of(AWS_50B), orderedIds(firstOfFebruary));
    }

    @Test
    void sortsByDateEitherWayAndPages() throws IOException {
        assertEquals(List.of(AWS_13Q, AWS_50B, GOVERNMENT, AMAZON_STRATEGY, AWS_170), orderedIds(browse()));
        SearchResponse oldest = service.search(new SearchRequest("", List.of(), List.of(), List.of(), null, null,
                SortOrder.DATE_ASC, 1, 2));
        assertEquals(List.of(AWS_170, AMAZON_STRATEGY), orderedIds(oldest));
        assertEquals(5, oldest.total());
        SearchResponse thirdPage = service.search(new SearchRequest("", List.of(), List.of(), List.of(), null, null,
                SortOrder.DATE_ASC, 3, 2));
        assertEquals(List.of(AWS_13Q), orderedIds(thirdPage));
        assertEquals("2026-02-06T00:00:00+09:00", browse().hits().get(0).date());
    }

    @Test
    void highlightsMatchesInTitleAndSnippetWithinTheSnippetLength() throws IOException {
        SearchResponse response = search("Trainium");
        assertEquals(Set.of(AWS_170, AMAZON_STRATEGY, AWS_50B, AWS_13Q, GOVERNMENT), idsOf(response));
        for (Hit hit : response.hits()) {
            assertTrue(hit.snippetHtml().contains("<mark>Trainium</mark>"), hit.snippetHtml());
            String text = hit.snippetHtml().replaceAll("<[^>]+>", "").replaceAll("&[a-z#0-9]+;", "x");
            assertTrue(text.length() <= Highlights.SNIPPET_MAX_CHARS + 2, text.length() + ": " + text);
        }
        Hit government = search("政府").hits().get(0);
        assertEquals(GOVERNMENT, government.id());
        assertTrue(government.titleHtml().contains("<mark>政府</mark>"), government.titleHtml());
    }

    @Test
    void inflectedFormsFindTheBaseForm() throws IOException {
        assertEquals(5, search("投資した").total());
        assertEquals(search("投資する").total(), search("投資した").total());
    }

    @Test
    void partsOfKatakanaCompoundsAreFound() throws IOException {
        assertTrue(idsOf(search("コンピューティング")).contains(AWS_50B));
    }

    @Test
    void quotedPhrasesExclusionsAndOr() throws IOException {
        Set<String> bedrock = idsOf(search("\"Amazon Bedrock\""));
        assertTrue(bedrock.contains(AWS_13Q), bedrock.toString());

        Set<String> withoutAnthropic = idsOf(search("NVIDIA -Anthropic"));
        assertFalse(withoutAnthropic.contains(AWS_170));
        assertEquals(idsOf(search("NVIDIA")).size() - idsOf(search("NVIDIA Anthropic")).size(), withoutAnthropic.size());

        Set<String> either = idsOf(search("政府 OR GovCloud"));
        assertTrue(either.containsAll(idsOf(search("政府"))));
        assertTrue(either.containsAll(idsOf(search("GovCloud"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"unbalanced", "((( ]]", "AND OR NOT", "*?~^:\\/", "-", "OR", "\"\"", "。、！",
            "a\u0000b", "😀", "\u202Eabc", "title:AWS", "AWS~2 +Amazon"})
    void anyQueryTextIsAnsweredWithoutError(String query) throws IOException {
        SearchResponse response = search(query);
        assertTrue(response.total() >= 0);
    }

    @Test
    void suggestsCompaniesFromKanaAndLatinPrefixes() throws IOException {
        assertEquals("NVIDIA", service.suggest("えぬ", 5).get(0).value());
        assertEquals("NVIDIA", service.suggest("nvi", 5).get(0).value());
        assertEquals("Amazon", service.suggest("アマ", 5).get(0).value());
        assertTrue(service.suggest("", 5).isEmpty());
    }

    @ParameterizedTest
    @CsvSource({"enubi,NVIDIA", "ENUBIDIA,NVIDIA", "toyo,Toyota", "guuguru,Google", "gu-g,Google", "anso,Anthropic",
            "maikurosof,Microsoft"})
    void romajiPrefixesReachTheKatakanaName(String typed, String company) throws IOException {
        assertEquals(company, service.suggest(typed, 5).get(0).value(), typed);
    }

    @Test
    void aTagThatNamesASuggestedCompanyIsNotOfferedTwice() throws IOException {
        List<Suggestion> nvidia = service.suggest("nvi", 5);
        assertEquals(1, nvidia.stream().filter(s -> s.text().equalsIgnoreCase("NVIDIA")).count(), nvidia.toString());
        assertTrue(service.suggest("qqq", 5).isEmpty(), "not romaji, no match");
    }

    @Test
    void returnsAWholeArticleById() throws IOException {
        ArticleView article = service.article(AWS_13Q).orElseThrow();
        assertTrue(article.title().startsWith("AWSの収益が13四半期ぶり"));
        assertTrue(article.bodyText().contains("Trainium"));
        assertTrue(article.bodyHtml().contains("<h2>"), "the Markdown headings are rendered");
        assertEquals(List.of("GenAI", "速報", "AIニュース"), article.tags());
        assertTrue(service.article("../../etc/passwd").isEmpty());
    }

    @Test
    void aMisspelledCompanyTheSeedsOnlyNameInEnglishIsCorrectedFromTheGazetteer() throws IOException {
        // No seed writes エヌビディア or アンソロピック, so the index alone has no neighbour for these typos.
        SearchResponse typo = search("エヌビデア");
        assertEquals(0, typo.total());
        assertEquals("エヌビディア", typo.didYouMean());
        assertEquals(5, search(typo.didYouMean()).total(), "the correction finds every NVIDIA article");
        assertEquals("アンソロピック", search("アンソロピク").didYouMean());
        assertEquals(null, search("ザザザザザ").didYouMean(), "nothing within two edits");
    }

    private static SearchResponse search(String query) throws IOException {
        return service.search(new SearchRequest(query, List.of(), List.of(), List.of(), null, null,
                SortOrder.RELEVANCE, 1, 10));
    }

    private static SearchResponse browse() throws IOException {
        return service.search(SearchRequest.browse(10));
    }

    private static Set<String> idsOf(SearchResponse response) {
        return response.hits().stream().map(Hit::id).collect(Collectors.toSet());
    }

    private static List<String> orderedIds(SearchResponse response) {
        return response.hits().stream().map(Hit::id).toList();
    }

    private static Map<String, Long> counts(List<FacetCount> facet) {
        Map<String, Long> counts = new LinkedHashMap<>();
        facet.forEach(c -> counts.put(c.value(), c.count()));
        return counts;
    }
}
