package kensaku.index;

import kensaku.corpus.ReadResult;

/** Told about an index build as it goes, so a command line can draw progress. Called from worker threads. */
public interface IndexProgress {
    IndexProgress SILENT = new IndexProgress() {
        @Override
        public void started(int files) {}

        @Override
        public void fileDone(ReadResult result) {}
    };

    void started(int files);

    void fileDone(ReadResult result);

    /** A file an incremental build found unchanged by its hash, without reading it as an article. */
    default void fileUnchanged(String id) {}
}
