package kensaku.search.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kensaku.analysis.CompanyGazetteer;
import kensaku.search.ArticleView;
import kensaku.search.FacetCount;
import kensaku.search.Hit;
import kensaku.search.SearchResponse;
import kensaku.search.Suggestion;

/**
 * Puts the gazetteer's display names (トヨタ for Toyota) beside canonical company names in what a backend answers,
 * so every backend labels companies the same way; the canonical names stay, for filtering.
 */
public final class CompanyLabels {
    private final CompanyGazetteer gazetteer;

    public CompanyLabels(CompanyGazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    public SearchResponse label(SearchResponse response) {
        Map<String, List<FacetCount>> facets = new LinkedHashMap<>(response.facets());
        facets.computeIfPresent("company", (dim, counts) -> counts.stream()
                .map(c -> new FacetCount(c.value(), gazetteer.labelOf(c.value()), c.count())).toList());
        return new SearchResponse(response.total(), response.tookMillis(), response.timedOut(), response.page(),
                response.size(), hits(response.hits()), facets, response.didYouMean(), response.ignoredWords(),
                response.interpretedAs());
    }

    public List<Hit> hits(List<Hit> hits) {
        return hits.stream().map(h -> new Hit(h.id(), h.url(), h.title(), h.titleHtml(), h.date(), h.tags(), h.categories(),
                h.companies(), h.author(), h.excerpt(), h.snippetHtml(), h.score(),
                h.companies().stream().map(gazetteer::labelOf).toList(), h.preview())).toList();
    }

    public ArticleView article(ArticleView a) {
        return new ArticleView(a.id(), a.url(), a.title(), a.date(), a.tags(), a.categories(), a.companies(), a.author(),
                a.excerpt(), a.bodyText(), a.bodyHtml(), a.companies().stream().map(gazetteer::labelOf).toList());
    }

    public List<Suggestion> suggestions(List<Suggestion> suggestions) {
        return suggestions.stream().map(s -> s.kind().equals("company")
                ? new Suggestion(s.text(), s.kind(), s.value(), s.id(), gazetteer.labelOf(s.value())) : s).toList();
    }
}
