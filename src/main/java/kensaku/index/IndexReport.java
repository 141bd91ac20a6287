package kensaku.index;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import kensaku.corpus.Problem;
import kensaku.corpus.Publishing;

/**
 * What one index build did.
 *
 * @param filesRead       corpus files looked at
 * @param indexed         articles analysed and written by this build (new or changed)
 * @param unchanged       articles carried over from the previous generation without re-analysis
 * @param deleted         articles whose file was removed from the corpus
 * @param documents       articles in the new generation
 * @param failed          files that could not be read and had no earlier version, each with its reason
 * @param stale           files that could not be read but keep their last good version in the index
 * @param companyMentions how many of the articles analysed by this build mention each company
 * @param corpusBytes     bytes of the files analysed
 * @param generation      the folder that became live
 * @param incremental     whether the build started from the previous generation
 * @param withheld        articles not searchable now (drafts, unpublished, opted out, expired, scheduled), by id
 * @param includesDrafts  whether this was a preview build that indexed drafts
 * @param notFiles        entries named like articles that are not regular files (symbolic links, FIFOs, folders),
 *                        skipped, each with what it is
 * @param analysisChanged the analysis files whose change made this a full build (the live generation was analysed
 *                        otherwise); empty when they match or there was no live generation
 */
public record IndexReport(int filesRead, int indexed, int unchanged, int deleted, int documents, List<Problem> failed,
                          List<Problem> stale, Map<String, Integer> companyMentions, long corpusBytes,
                          Duration elapsed, Path generation, boolean incremental, List<Withheld> withheld,
                          boolean includesDrafts, List<Problem> notFiles, List<String> analysisChanged) {
    public IndexReport {
        analysisChanged = List.copyOf(analysisChanged);
        notFiles = List.copyOf(notFiles);
        failed = List.copyOf(failed);
        withheld = List.copyOf(withheld);
        stale = List.copyOf(stale);
        companyMentions = Map.copyOf(companyMentions);
    }

    /** The withheld articles in one state, by id. */
    public List<Withheld> withheld(Publishing.State state) {
        return withheld.stream().filter(w -> w.state() == state).toList();
    }

    /** When the next scheduled article goes live, if any is scheduled. */
    public Optional<Instant> nextGoLive() {
        return withheld(Publishing.State.SCHEDULED).stream().map(Withheld::time).min(Comparator.naturalOrder());
    }

    public double articlesPerSecond() {
        return indexed / Math.max(elapsed.toNanos() / 1e9, 1e-9);
    }

    public double megabytesPerSecond() {
        return corpusBytes / 1e6 / Math.max(elapsed.toNanos() / 1e9, 1e-9);
    }
}
