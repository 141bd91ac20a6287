package kensaku.analytics;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import kensaku.search.SearchBackend;
import kensaku.search.SearchRequest;
import kensaku.search.SearchResponse;

/**
 * Search analytics for one server: what readers commit to, click and correct, kept in the state folder's store.
 * The http layer tells it what happened ({@link #committed}, {@link #clicked}, {@link #corrected}); the figures
 * (total, latency, correction offered, the article at a rank) come from the server's own recent answers. Nothing
 * that identifies a reader is ever given to it.
 */
public final class Analytics implements AutoCloseable {
    private final EventRecorder recorder;
    private final RecentSearches recent = new RecentSearches();

    public Analytics(EventRecorder recorder) {
        this.recorder = recorder;
    }

    /** Opens (or creates) the store in this state folder and starts its writer. */
    public static Analytics open(Path stateDir, Duration retention) throws IOException {
        return new Analytics(new EventRecorder(EventStore.open(stateDir), retention, Clock.systemUTC()));
    }

    /** This backend, remembering answers so that commits and clicks can be recorded. */
    public SearchBackend wrap(SearchBackend backend) {
        return new RecordingBackend(backend, this);
    }

    void answered(SearchRequest request, SearchResponse response, double latencyMillis) {
        recent.answered(request, RecentSearches.Answer.of(recorder.clock().instant(), response, latencyMillis));
    }

    /** The reader committed to this search (Enter, a pause, a click, leaving); false when it was not answered lately. */
    public boolean committed(SearchRequest request, String source) {
        Instant now = recorder.clock().instant();
        RecentSearches.Answer answer = request.hasQuery() ? recent.find(request, now) : null;
        if (answer == null) {
            return false;
        }
        recorder.record(new Event.Search(now, request.query(), QueryForm.normalize(request.query()), filters(request),
                request.sort().name().toLowerCase(java.util.Locale.ROOT), request.page(), answer.total(),
                answer.didYouMean(), answer.latencyMillis(), source));
        return true;
    }

    /** The reader clicked the hit at this position (1-based) of the page this request answered. */
    public boolean clicked(SearchRequest request, int position) {
        Instant now = recorder.clock().instant();
        RecentSearches.Answer answer = request.hasQuery() ? recent.find(request, now) : null;
        if (answer == null || position < 1 || position > answer.articles().size()) {
            return false;
        }
        int rank = (answer.page() - 1) * answer.size() + position;
        recorder.record(new Event.Click(now, request.query(), QueryForm.normalize(request.query()),
                answer.articles().get(position - 1), rank));
        return true;
    }

    /** The reader took the 「もしかして」 correction this request's answer offered. */
    public boolean corrected(SearchRequest request) {
        Instant now = recorder.clock().instant();
        RecentSearches.Answer answer = request.hasQuery() ? recent.find(request, now) : null;
        if (answer == null || answer.didYouMean() == null) {
            return false;
        }
        recorder.record(new Event.Correction(now, request.query(), QueryForm.normalize(request.query()),
                answer.didYouMean()));
        return true;
    }

    /** The filters of a search in one canonical line: {@code company=Sony tag=AI from=2024-01-01}. */
    static String filters(SearchRequest request) {
        List<String> parts = new ArrayList<>();
        request.companies().stream().sorted().forEach(v -> parts.add("company=" + v));
        request.tags().stream().sorted().forEach(v -> parts.add("tag=" + v));
        request.categories().stream().sorted().forEach(v -> parts.add("category=" + v));
        if (request.from() != null) {
            parts.add("from=" + request.from());
        }
        if (request.to() != null) {
            parts.add("to=" + request.to());
        }
        return String.join(" ", parts);
    }

    public EventRecorder recorder() {
        return recorder;
    }

    /** The figures since this instant, days in this zone. */
    public Report report(Instant since, java.time.ZoneId zone) {
        return Report.read(recorder.store().file(), since, zone);
    }

    @Override
    public void close() {
        recorder.close();
    }
}
