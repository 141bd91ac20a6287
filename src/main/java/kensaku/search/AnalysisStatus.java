package kensaku.search;

import java.util.List;

/**
 * Where a server's analysis comes from and whether its index still matches it, for {@code /api/health}.
 *
 * @param source          the analysis folder, or "built-in"
 * @param loadedAt        when the configuration now serving queries was loaded (ISO-8601)
 * @param reindexChanges  the files changed since the served index was built (userdict.txt, stopwords.txt,
 *                        companies.tsv, or "chain" after an upgrade of kensaku); empty when it matches
 * @param error           the last edit that could not be loaded (the previous configuration keeps serving), or null
 */
public record AnalysisStatus(String source, String loadedAt, List<String> reindexChanges, Problem error) {
    /** A file of the analysis folder that was refused, with the line at fault (0: the whole file). */
    public record Problem(String file, int line, String message) {}

    public AnalysisStatus {
        reindexChanges = List.copyOf(reindexChanges);
    }

    public boolean reindexRequired() {
        return !reindexChanges.isEmpty();
    }

    /** What the log and the health check say to an operator, in Japanese; null when nothing is to be done. */
    public String message() {
        return reindexRequired() ? "再インデックスが必要です: " + String.join(", ", reindexChanges)
                + " が索引の作成後に変わりました（kensaku index で作り直すと反映されます）" : null;
    }
}
