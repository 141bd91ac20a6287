package kensaku.index;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import kensaku.corpus.Problem;

/**
 * What one index build did.
 *
 * @param filesRead       corpus files looked at
 * @param indexed         articles written to the new index
 * @param failed          files that could not be read, each with its reason
 * @param companyMentions how many articles mention each company
 * @param corpusBytes     bytes of the files read
 * @param generation      the folder that became live, or null when nothing was switched
 */
public record IndexReport(int filesRead, int indexed, List<Problem> failed, Map<String, Integer> companyMentions,
                          long corpusBytes, Duration elapsed, Path generation) {
    public IndexReport {
        failed = List.copyOf(failed);
        companyMentions = Map.copyOf(companyMentions);
    }

    public boolean switched() {
        return generation != null;
    }

    public double articlesPerSecond() {
        return indexed / Math.max(elapsed.toNanos() / 1e9, 1e-9);
    }

    public double megabytesPerSecond() {
        return corpusBytes / 1e6 / Math.max(elapsed.toNanos() / 1e9, 1e-9);
    }
}
