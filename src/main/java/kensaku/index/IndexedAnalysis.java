package kensaku.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import kensaku.analysis.AnalysisFingerprint;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The analysis an index generation was built with ({@link Schema#COMMIT_ANALYSIS}) and how it compares with the
 * analysis in force: the answer to 「再インデックスが必要か」.
 */
public final class IndexedAnalysis {
    private IndexedAnalysis() {}

    /** The fingerprint the generation's latest commit recorded; no parts for an index built before fingerprints. */
    public static AnalysisFingerprint of(Path generation) throws IOException {
        try (Directory directory = FSDirectory.open(generation)) {
            return AnalysisFingerprint.decode(
                    SegmentInfos.readLatestCommit(directory).getUserData().get(Schema.COMMIT_ANALYSIS));
        }
    }

    /** The files whose change the generation does not reflect (empty when it matches); see {@link AnalysisFingerprint}. */
    public static List<String> changed(Path generation, AnalysisFingerprint inForce) throws IOException {
        return inForce.changedSince(of(generation));
    }
}
