package kensaku.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import kensaku.corpus.ReadResult;
import kensaku.index.IndexProgress;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on a terminal; periodic plain lines when output goes to a file or pipe. */
abstract class ProgressDisplay implements IndexProgress, AutoCloseable {
    static ProgressDisplay forConsole(PrintStream err) {
        return System.console() != null ? new Bar() : new Lines(err);
    }

    @Override
    public abstract void close();

    private static final class Bar extends ProgressDisplay {
        private ProgressBar bar;

        @Override
        public synchronized void started(int files) {
            bar = new ProgressBarBuilder().setTaskName("indexing").setInitialMax(files)
                    .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setUpdateIntervalMillis(200)
                    .showSpeed().build();
        }

        @Override
        public void fileDone(ReadResult result) {
            bar.step();
        }

        @Override
        public void fileUnchanged(String id) {
            bar.step();
        }

        @Override
        public synchronized void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }

    private static final class Lines extends ProgressDisplay {
        private static final long EVERY_NANOS = Duration.ofSeconds(5).toNanos();
        private final PrintStream err;
        private final AtomicInteger done = new AtomicInteger();
        private volatile int total;
        private volatile long lastPrint = System.nanoTime();

        Lines(PrintStream err) {
            this.err = err;
        }

        @Override
        public void started(int files) {
            total = files;
            err.printf("indexing %,d files%n", files);
        }

        @Override
        public void fileUnchanged(String id) {
            fileDone(null);
        }

        @Override
        public void fileDone(ReadResult result) {
            int count = done.incrementAndGet();
            long now = System.nanoTime();
            if (now - lastPrint >= EVERY_NANOS) {
                lastPrint = now;
                err.printf("indexed %,d of %,d files%n", count, total);
            }
        }

        @Override
        public void close() {}
    }
}
