package kensaku.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kensaku.index.Schema;
import kensaku.search.FacetCount;
import kensaku.search.Hit;
import kensaku.search.Visibility;
import kensaku.search.plan.CompanyNameCorrection;
import kensaku.search.plan.Corrections;
import kensaku.search.plan.SearchPipeline;
import kensaku.search.plan.SearchPlan;

/**
 * Step 2 of a search in the cluster, done: the search answer (hits already highlighted, the facet aggregations), and
 * the did-you-mean's look-ups, each a round trip to the cluster, with articles hidden at the same moment.
 */
final class ClusterFound implements SearchPipeline.Found {
    /** Where to ask the cluster, and how the plan's questions are written for it. */
    record Cluster(ClusterClient client, String alias, ClusterQueries queries, CompanyNameCorrection companyNames,
                   Visibility visibility) {
        JsonNode post(String path, JsonNode body) throws IOException {
            return client.post("/" + alias + path, body);
        }
    }

    private final Cluster cluster;
    private final JsonNode answer;
    private final List<Hit> hits;
    private final Instant now;

    ClusterFound(Cluster cluster, JsonNode answer, List<Hit> hits, Instant now) {
        this.cluster = cluster;
        this.answer = answer;
        this.hits = List.copyOf(hits);
        this.now = now;
    }

    @Override
    public long total() {
        return answer.path("hits").path("total").path("value").asLong();
    }

    @Override
    public List<Hit> hits() {
        return hits;
    }

    @Override
    public List<FacetCount> counted(String dim) {
        List<FacetCount> counts = new ArrayList<>();
        for (JsonNode bucket : facet(dim).path("counts").path("buckets")) {
            String value = bucket.has("key_as_string") ? bucket.path("key_as_string").asText() : bucket.path("key").asText();
            counts.add(new FacetCount(value, bucket.path("doc_count").asLong()));
        }
        return counts;
    }

    /** The facet's top values are cut in the cluster: a selected value beyond them is counted on its own. */
    @Override
    public long selectedCount(String dim, String value) {
        for (JsonNode bucket : facet(dim).path(ClusterQueries.SELECTED).path("buckets")) {
            if (bucket.path("key").asText().equals(value)) {
                return bucket.path("doc_count").asLong();
            }
        }
        return 0;
    }

    private JsonNode facet(String dim) {
        return answer.path("aggregations").path(dim);
    }

    /** The cluster's own timeout (the body's {@code timeout}) is the budget; a correction always has time. */
    @Override
    public boolean mayCorrect() {
        return true;
    }

    /**
     * As the embedded index: each word no title or body holds is replaced by the closest indexed word. The term
     * suggester works per shard, so a suggested replacement is kept only for a word the whole index lacks.
     */
    @Override
    public Optional<String> corrected(String query) throws IOException {
        JsonNode suggest = cluster.post("/_search", cluster.queries().suggestBody(query, Corrections.MIN_WORD_CHARS))
                .path("suggest");
        JsonNode body = suggest.path(Schema.BODY);
        JsonNode title = suggest.path(Schema.TITLE);
        List<Corrections.Replacement> replacements = new ArrayList<>();
        // As the embedded did-you-mean: a bounded number of words looked at, each a round trip to the cluster.
        for (int i = 0; i < Math.min(body.size(), Corrections.MAX_CORRECTED_WORDS); i++) {
            JsonNode entry = body.get(i);
            JsonNode options = entry.path("options");
            if (options.isEmpty() && i < title.size()) {
                options = title.get(i).path("options");
            }
            String word = entry.path("text").asText();
            Optional<String> closest = options.isEmpty() ? cluster.companyNames().closest(word)
                    : Optional.of(options.get(0).path("text").asText());
            if (closest.isEmpty() || cluster.post("/_count",
                    cluster.queries().knownWordBody(word, now, cluster.visibility())).path("count").asLong() > 0) {
                continue;
            }
            int offset = entry.path("offset").asInt();
            replacements.add(new Corrections.Replacement(offset, offset + entry.path("length").asInt(), closest.get()));
        }
        return replacements.isEmpty() ? Optional.empty() : Optional.of(Corrections.applied(query, replacements));
    }

    @Override
    public Set<String> heldWords(Set<String> words) throws IOException {
        List<String> asked = new ArrayList<>(words);
        JsonNode buckets = cluster.post("/_search", cluster.queries().heldWordsBody(asked))
                .path("aggregations").path(ClusterQueries.HELD).path("buckets");
        Set<String> held = new HashSet<>();
        for (int i = 0; i < asked.size(); i++) {
            if (buckets.path(Integer.toString(i)).path("doc_count").asLong() > 0) {
                held.add(asked.get(i));
            }
        }
        return held;
    }

    @Override
    public long count(SearchPlan plan) throws IOException {
        return cluster.post("/_count", cluster.queries().countBody(plan, now, cluster.visibility())).path("count").asLong();
    }

    /** The cluster counts every plan in one round trip ({@link ClusterQueries#countEachBody}). */
    @Override
    public List<Long> countEach(List<SearchPlan> plans) throws IOException {
        JsonNode buckets = cluster.post("/_search", cluster.queries().countEachBody(plans, now, cluster.visibility()))
                .path("aggregations").path(ClusterQueries.EACH).path("buckets");
        List<Long> counts = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            counts.add(buckets.path(Integer.toString(i)).path("doc_count").asLong());
        }
        return counts;
    }

    @Override
    public boolean timedOut() {
        return answer.path("timed_out").asBoolean(false);
    }
}
