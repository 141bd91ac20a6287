package kensaku.search.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import kensaku.analysis.CompanyGazetteer;
import kensaku.analysis.JapaneseAnalyzers;
import kensaku.index.IndexFixtures;
import kensaku.index.Schema;
import kensaku.search.SearchRequest;
import kensaku.search.SortOrder;
import kensaku.search.plan.SearchPlan.Bigrams;
import kensaku.search.plan.SearchPlan.Kind;
import kensaku.search.plan.SearchPlan.Part;
import kensaku.search.plan.SearchPlan.Phrase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The plan of a set of requests, field by field: what both engines will search, decided once. */
class SearchPlannerTest {
    static JapaneseAnalyzers analyzers;
    static SearchPlanner planner;

    @BeforeAll
    static void setUp() {
        analyzers = new JapaneseAnalyzers(CompanyGazetteer.builtIn());
        planner = new SearchPlanner(analyzers, new Schema(IndexFixtures.TOKYO));
    }

    @AfterAll
    static void close() {
        analyzers.close();
    }

    private static SearchPlan plan(String query) {
        return planner.plan(SearchRequest.of(query));
    }

    private static List<String> texts(List<Phrase> phrases) {
        return phrases.stream().map(Phrase::text).toList();
    }

    @Test
    void wordsAreRequiredEachOnItsOwnAndScoredAgainAsOneSloppyPhrase() {
        SearchPlan plan = plan("生成AI 投資");
        assertEquals("生成AI 投資", plan.query());
        assertEquals(UserQuery.parse("生成AI 投資"), plan.parsed(), "the plan holds the query parsed");
        assertEquals(Kind.WORDS, plan.text().kind());
        assertEquals(List.of(List.of("生成AI"), List.of("投資")),
                plan.text().required().stream().map(group -> group.stream().map(p -> p.asTyped().text()).toList()).toList());
        assertEquals(List.of(), plan.text().excluded());
        assertEquals(List.of("生成AI", "投資"), plan.text().proximity());
        assertEquals(List.of("生成AI", "投資"), texts(plan.highlightTerms()));
        assertEquals(SortOrder.RELEVANCE, plan.sort());
        assertEquals(List.of(), plan.filters());
        assertEquals(List.of(), plan.ignoredWords());
    }

    @Test
    void particlesSplitAPartIntoWordRunsEachRequiredAndMarked() {
        SearchPlan plan = plan("アマゾンの投資");
        Part part = plan.text().required().get(0).get(0);
        assertEquals("アマゾンの投資", part.asTyped().text());
        assertEquals(List.of("アマゾン", "投資"), texts(part.runs()));
        assertEquals(List.of("アマゾン", "投資"), plan.text().proximity(), "the runs are the words of the proximity phrase");
        assertEquals(List.of("アマゾンの投資", "アマゾン", "投資"), texts(plan.highlightTerms()));
    }

    @Test
    void quotesOrAndExclusionsShapeTheGroups() {
        SearchPlan plan = plan("\"アマゾンの投資\" -Meta NVIDIA OR エヌビディア");
        List<List<Part>> required = plan.text().required();
        assertEquals(2, required.size());
        Part quoted = required.get(0).get(0);
        assertTrue(quoted.quoted());
        assertEquals(List.of(), quoted.runs(), "a quoted part stays one phrase");
        assertEquals(List.of("NVIDIA", "エヌビディア"), required.get(1).stream().map(p -> p.asTyped().text()).toList());
        assertEquals(List.of("Meta"), plan.text().excluded().stream().map(p -> p.asTyped().text()).toList());
        assertEquals(List.of("アマゾン", "投資"), plan.text().proximity(), "only single-part groups: the quoted one's runs");
        assertEquals(List.of("アマゾンの投資", "NVIDIA", "エヌビディア"), texts(plan.highlightTerms()),
                "excluded words are never marked");
    }

    @Test
    void whatEachAnalysedViewKeepsIsDecidedInThePlan() {
        Phrase loneKanji = plan("株").highlightTerms().get(0);
        assertEquals(Bigrams.PREFIX, loneKanji.bigrams(), "a lone CJK character has no bigram of its own");
        Phrase oneWord = plan("半導体").highlightTerms().get(0);
        assertEquals(new Phrase("半導体", true, Bigrams.PHRASE, true), oneWord);
        Phrase twoWords = plan("データセンター").highlightTerms().get(0);
        assertEquals(Bigrams.PHRASE, twoWords.bigrams());
        assertEquals(!BigramScoring.scoresConstant(analyzers.morphologicalQuery(), "データセンター"), !twoWords.oneWord());
        assertEquals(Kind.NONE, plan("、。！").text().kind(), "nothing an analyzer keeps: nothing can match");
        assertEquals(List.of(), plan("、。！").highlightTerms());
    }

    @Test
    void kanaIsAlsoSearchedInKatakanaAndConvertedOnlyInAConvertedPlan() throws IOException {
        SearchPlan typed = plan("あんそろぴっく");
        Phrase hiragana = typed.highlightTerms().get(0);
        assertEquals("アンソロピック", hiragana.katakana(), "Kuromoji reads the dictionary word in katakana");
        assertNull(plan("アンソロピック").highlightTerms().get(0).katakana(), "already katakana");
        assertNull(plan("半導体").highlightTerms().get(0).katakana());

        SearchPlan asTyped = planner.plan(new SearchRequest("はんどうたい", List.of("NVIDIA"), List.of(), List.of(), null,
                null, SortOrder.DATE, 2, 10));
        List<String> asked = new ArrayList<>();
        SearchPlan converted = planner.converted(asTyped, "はんどうたい 投資 -ちっぷ", part -> {
            asked.add(part);
            return part.equals("はんどうたい") ? List.of("半導体", "反動体") : List.of();
        }).orElseThrow();
        assertEquals(List.of("はんどうたい"), asked, "only required parts all in kana are converted");
        assertEquals("半導体 OR 反動体 投資 -ちっぷ", converted.query(), "any written form, the rest as typed");
        assertEquals(List.of("半導体", "反動体", "投資"), converted.highlightTerms().stream().map(Phrase::text).toList());
        assertEquals(asTyped.filters(), converted.filters(), "the same filters, order and page");
        assertEquals(asTyped.sort(), converted.sort());
        assertEquals(asTyped.page(), converted.page());
        assertTrue(planner.converted(asTyped, "はんどうたい", part -> List.of()).isEmpty(), "nothing converted: no plan");
        assertEquals("\"半導体\"", planner.converted(asTyped, "\"はんどうたい\"", part -> List.of("半導体"))
                .orElseThrow().query(), "a quoted part stays quoted");
    }

    @Test
    void browsingHasNoTextAndIsNewestFirst() {
        SearchPlan browse = planner.plan(new SearchRequest("", List.of(), List.of(), List.of(), null, null,
                SortOrder.RELEVANCE, 1, 10));
        assertEquals(Kind.ALL, browse.text().kind());
        assertEquals(SortOrder.DATE, browse.sort(), "without words there is no relevance");
        assertEquals(SortOrder.DATE_ASC, planner.plan(new SearchRequest("", List.of(), List.of(), List.of(), null, null,
                SortOrder.DATE_ASC, 1, 10)).sort(), "an order asked for is kept");
        assertEquals(List.of(), browse.highlightTerms());
        assertEquals(List.of(), browse.text().proximity());
    }

    @Test
    void filtersByDimensionPageWindowAndFacetRequests() {
        SearchRequest request = new SearchRequest("クラウド", List.of("Amazon", "Google"), List.of("生成AI"), List.of(),
                LocalDate.parse("2024-01-01"), LocalDate.parse("2024-12-31"), SortOrder.DATE, 3, 20);
        SearchPlan plan = planner.plan(request);
        long from = ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, IndexFixtures.TOKYO).toInstant().toEpochMilli();
        long to = ZonedDateTime.of(2025, 1, 1, 0, 0, 0, 0, IndexFixtures.TOKYO).toInstant().toEpochMilli() - 1;
        assertEquals(List.of(new SearchPlan.AnyOf(Schema.FACET_COMPANY, List.of("Amazon", "Google")),
                new SearchPlan.AnyOf(Schema.FACET_TAG, List.of("生成AI")), new SearchPlan.Dates(from, to)), plan.filters());
        assertEquals(Schema.FACET_MONTH, plan.filters().get(2).dim(), "the date range is filed under the month");
        assertEquals(SortOrder.DATE, plan.sort());
        assertEquals(new SearchPlan.Page(3, 20), plan.page());
        assertEquals(40, plan.page().from());
        assertEquals(60, plan.page().depth());
        assertEquals(List.of(new SearchPlan.Facet(Schema.FACET_COMPANY, List.of("Amazon", "Google"), 100),
                new SearchPlan.Facet(Schema.FACET_TAG, List.of("生成AI"), 100),
                new SearchPlan.Facet(Schema.FACET_CATEGORY, List.of(), 100),
                new SearchPlan.Facet(Schema.FACET_MONTH, List.of(), 1_000)), plan.facets());
        SearchPlan open = planner.plan(new SearchRequest("", List.of(), List.of(), List.of(), null,
                LocalDate.parse("2024-12-31"), SortOrder.DATE, 1, 10));
        assertEquals(List.of(new SearchPlan.Dates(null, to)), open.filters(), "an open bound stays open");
    }

    @Test
    void wordsBeyondTheLimitAreLeftOutOfThePlanAndNamed() {
        String query = IntStream.rangeClosed(1, 40).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));
        SearchPlan plan = plan(query);
        assertEquals(IntStream.rangeClosed(1, 32).mapToObj(i -> "w" + i).collect(Collectors.joining(" ")), plan.query());
        assertEquals(IntStream.rangeClosed(33, 40).mapToObj(i -> "w" + i).toList(), plan.ignoredWords());
        assertEquals(32, plan.text().required().size());
        assertEquals(UserQuery.parse(plan.query()), plan.parsed(), "the plan is of what is searched");
    }

    @Test
    void aCorrectionIsTheSameSearchForOtherWords() {
        SearchRequest request = new SearchRequest("クラウト", List.of("Amazon"), List.of(), List.of(), null, null,
                SortOrder.RELEVANCE, 2, 5);
        SearchPlan plan = planner.plan(request);
        SearchPlan corrected = planner.corrected(plan, "クラウド").orElseThrow();
        assertEquals("クラウド", corrected.query());
        assertEquals(UserQuery.parse("クラウド"), corrected.parsed());
        assertSame(plan.filters(), corrected.filters());
        assertEquals(plan.page(), corrected.page());
        assertEquals(plan.sort(), corrected.sort());
        assertEquals(plan.facets(), corrected.facets());
        // Each word split at its particle is three phrases in seven fields: 40 of them pass the clause limit.
        String manyCompanies = IntStream.range(0, 40).mapToObj(i -> "アマゾンの投資").collect(Collectors.joining(" "));
        assertTrue(planner.corrected(plan, manyCompanies).isEmpty(),
                "a correction that passes the clause limit is not offered");
    }
}
