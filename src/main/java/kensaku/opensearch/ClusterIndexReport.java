package kensaku.opensearch;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import kensaku.corpus.Problem;
import kensaku.index.Withheld;

/**
 * What one reindex into the cluster did.
 *
 * @param failed  files that could not be read, or documents the cluster refused, each with its reason
 * @param index   the new index generation the alias now points to
 * @param removed older generations deleted after the switch
 * @param withheld articles not searchable now (drafts, unpublished, opted out, expired, scheduled), by id
 * @param includesDrafts whether this was a preview build that indexed drafts
 */
public record ClusterIndexReport(int filesRead, int indexed, List<Problem> failed, long documents,
                                 Map<String, Integer> companyMentions, long corpusBytes, Duration elapsed,
                                 String alias, String index, String previous, List<String> removed,
                                 List<Withheld> withheld, boolean includesDrafts) {
    public ClusterIndexReport {
        withheld = withheld.stream().sorted(java.util.Comparator.comparing(Withheld::id)).toList();
        failed = List.copyOf(failed);
        companyMentions = Map.copyOf(companyMentions);
        removed = List.copyOf(removed);
    }

    public double articlesPerSecond() {
        return indexed / Math.max(elapsed.toNanos() / 1e9, 1e-9);
    }
}
