package kensaku.search.plan;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import kensaku.analysis.CompanyGazetteer;
import kensaku.analysis.JapaneseAnalyzers;
import kensaku.index.Schema;
import kensaku.search.FacetCount;
import kensaku.search.Hit;
import kensaku.search.InterpretedQuery;
import kensaku.search.SearchRequest;
import kensaku.search.SearchResponse;
import kensaku.search.kana.KanjiConversion;
import kensaku.search.kana.ReadingFallback;

/**
 * A search, the same three steps in both engines: {@link #plan} the request, let the engine execute the plan, then
 * {@link #assemble} the answer from what it found. Everything but the execution is here, once: the facets shown (each
 * cut to its limit, selected values kept), the did-you-mean flow (when to look for a correction, and that it is
 * offered only if it finds more under the same filters), the reading fallback (when the query as typed finds too
 * few, its reading or romaji searched instead, {@link ReadingFallback}), the company labels and the words the query
 * limit left out. The browse order is the planner's.
 */
public final class SearchPipeline {
    /** Homophones searched at most for one kana part (こうかい: 公開 OR 航海 OR 後悔). */
    static final int MAX_WRITTEN_FORMS = 3;

    private final SearchPlanner planner;
    private final CompanyLabels labels;
    private final KanjiConversion conversion;

    public SearchPipeline(JapaneseAnalyzers analyzers, Schema schema, CompanyGazetteer gazetteer) {
        this.planner = new SearchPlanner(analyzers, schema);
        this.conversion = new KanjiConversion(analyzers.readings(), analyzers.morphological());
        this.labels = new CompanyLabels(gazetteer);
    }

    /**
     * What an engine found for a plan, on one view of its index, and what it answers on that same view for the
     * did-you-mean that follows.
     */
    public interface Found {
        /** Exact number of matching articles. */
        long total();

        /** The page's hits, highlighted. */
        List<Hit> hits();

        /** The counted values of one of the plan's facets, in any order. */
        List<FacetCount> counted(String dim) throws IOException;

        /** The count of a selected value that {@link #counted} does not list (0 when the engine counted only those). */
        long selectedCount(String dim, String value);

        /** Whether a did-you-mean or another reading of the query may still be looked for (the engine has time left). */
        boolean mayCorrect();

        /** The query with its unknown words replaced by the closest indexed words; empty when there is none. */
        Optional<String> corrected(String query) throws IOException;

        /**
         * Which of these words (as the morphological view indexes them) some article's title, excerpt, body or labels
         * hold; for {@link KanjiConversion}.
         */
        Set<String> heldWords(Set<String> words) throws IOException;

        /** How many articles another plan (a correction, same filters) finds. */
        long count(SearchPlan plan) throws IOException;

        /** How many articles each of these plans (other texts, this plan's filters) finds, in their order. */
        default List<Long> countEach(List<SearchPlan> plans) throws IOException {
            List<Long> counts = new ArrayList<>();
            for (SearchPlan other : plans) {
                counts.add(count(other));
            }
            return counts;
        }

        /** Whether the search ran out of its time budget; asked last, once everything else is done. */
        boolean timedOut();
    }

    /** Step 2 as an engine does it: the plan run on the view of the index the search started with. */
    @FunctionalInterface
    public interface Engine {
        Found execute(SearchPlan plan) throws IOException;
    }

    /** Step 1: the request's plan, made once. */
    public SearchPlan plan(SearchRequest request) {
        return planner.plan(request);
    }

    /**
     * Steps 2 and 3: the plan executed and its response assembled; when it found few articles
     * ({@link ReadingFallback#FEW_RESULTS}) and time is left, the first of the query's readings or romaji that finds
     * more is executed with its own plan ({@link SearchPlanner#readings}) and answered instead, saying so.
     */
    public SearchResponse search(SearchPlan plan, Engine engine, long startNanos) throws IOException {
        Found found = engine.execute(plan);
        SearchResponse asTyped = assemble(plan, found, startNanos);
        if (!plan.hasQuery() || asTyped.total() > ReadingFallback.FEW_RESULTS || asTyped.timedOut()) {
            return asTyped;
        }
        List<ReadingFallback.Alternative> alternatives =
                ReadingFallback.alternatives(plan.query(), plan.parsed().requiredTexts());
        for (ReadingFallback.Alternative alternative : alternatives) {
            if (!found.mayCorrect()) {
                break;
            }
            Optional<SearchPlan> interpretation = alternative.converted()
                    ? planner.converted(plan, alternative.text(), part -> writtenForms(part, plan, found))
                    : planner.interpreted(plan, alternative.text());
            if (interpretation.isEmpty()) {
                continue;
            }
            Found interpreted = engine.execute(interpretation.get());
            if (interpreted.total() > asTyped.total()) {
                return assemble(interpretation.get(), interpreted, startNanos)
                        .interpretedAs(new InterpretedQuery(alternative.kind(), interpretation.get().query()));
            }
        }
        return asTyped;
    }

    /**
     * The written forms a kana part stands for that find articles on their own under the plan's filters, most
     * articles first, at most {@link #MAX_WRITTEN_FORMS}.
     */
    private List<String> writtenForms(String part, SearchPlan plan, Found found) throws IOException {
        List<String> forms = new ArrayList<>();
        List<SearchPlan> alone = new ArrayList<>();
        for (String candidate : conversion.candidates(part, found::heldWords)) {
            Optional<SearchPlan> candidatePlan = planner.interpreted(plan, candidate);
            if (candidatePlan.isPresent()) {
                forms.add(candidate);
                alone.add(candidatePlan.get());
            }
        }
        if (alone.isEmpty()) {
            return List.of();
        }
        List<Long> counts = found.countEach(alone);
        record Counted(String form, long count) {}
        return IntStream.range(0, forms.size()).mapToObj(i -> new Counted(forms.get(i), counts.get(i)))
                .filter(counted -> counted.count() > 0)
                .sorted(Comparator.comparingLong(Counted::count).reversed())
                .limit(MAX_WRITTEN_FORMS).map(Counted::form).toList();
    }

    /** Step 3: the response, from the plan and what the engine found; {@code startNanos} is when the request came. */
    public SearchResponse assemble(SearchPlan plan, Found found, long startNanos) throws IOException {
        Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
        for (SearchPlan.Facet facet : plan.facets()) {
            facets.put(facet.dim(), shown(facet, found));
        }
        String correction = correction(plan, found);
        long tookMillis = Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
        return labels.label(new SearchResponse(found.total(), tookMillis, found.timedOut(), plan.page().number(),
                plan.page().size(), found.hits(), facets, correction)).ignoring(plan.ignoredWords());
    }

    /** Sorted by count then value and cut to the facet's limit; a selected value is always listed, so it can be unticked. */
    private static List<FacetCount> shown(SearchPlan.Facet facet, Found found) throws IOException {
        List<FacetCount> counts = new ArrayList<>(found.counted(facet.dim()));
        Set<String> seen = new HashSet<>();
        counts.forEach(count -> seen.add(count.value()));
        for (String value : facet.selected()) {
            if (seen.add(value)) {
                counts.add(new FacetCount(value, found.selectedCount(facet.dim(), value)));
            }
        }
        return FacetLimits.cut(counts, facet.dim(), facet.selected());
    }

    /**
     * A corrected query when this one found few articles and the correction finds more under the same filters;
     * or null. Each engine finds the closest indexed words its own way, with the rules of {@link Corrections}.
     */
    private String correction(SearchPlan plan, Found found) throws IOException {
        if (!found.mayCorrect() || !plan.hasQuery() || found.total() > Corrections.FEW_RESULTS) {
            return null;
        }
        Optional<String> corrected = found.corrected(plan.query());
        if (corrected.isEmpty() || corrected.get().equals(plan.query())) {
            return null;
        }
        Optional<SearchPlan> correctedPlan = planner.corrected(plan, corrected.get());
        return correctedPlan.isPresent() && found.count(correctedPlan.get()) > found.total() ? corrected.get() : null;
    }
}
