package kensaku.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer over a real SQLite file: retention, dropping instead of blocking, flushing on close. */
class EventRecorderTest {
    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");

    private static Event.Search search(Instant at, String query) {
        return new Event.Search(at, query, QueryForm.normalize(query), "", "relevance", 1, 3, null, 4.2, "page");
    }

    @Test
    void eventsOlderThanTheRetentionAreDeletedWhenTheWriterStarts(@TempDir Path state) throws Exception {
        try (EventStore store = EventStore.open(state)) {
            store.write(List.of(search(NOW.minus(Duration.ofDays(91)), "古い"), search(NOW.minus(Duration.ofDays(89)), "新しい"),
                    new Event.Click(NOW.minus(Duration.ofDays(100)), "古い", "古イ", "a.md", 1)));
        }
        EventRecorder recorder = new EventRecorder(EventStore.open(state), Duration.ofDays(90), Clock.fixed(NOW, ZoneOffset.UTC));
        Thread.sleep(1500);
        recorder.close();
        StoredEvents stored = new StoredEvents(state);
        assertEquals(List.of(List.of("新しい")), stored.rows("SELECT query FROM searches"));
        assertEquals(List.of(List.of("0")), stored.rows("SELECT COUNT(*) FROM clicks"));
    }

    @Test
    void aFullQueueDropsAndCountsInsteadOfBlockingAndCloseWritesTheRest(@TempDir Path state) throws Exception {
        EventRecorder recorder = new EventRecorder(EventStore.open(state), Duration.ofDays(90), Clock.systemUTC(), 4);
        int offered = 20_000;
        for (int i = 0; i < offered; i++) {
            recorder.record(search(Instant.now(), "q" + i));
        }
        recorder.close();
        assertTrue(recorder.dropped() > 0, "a queue of 4 overflows: the request threads did not wait for the writer");
        assertEquals(offered, recorder.dropped() + recorder.written(), "every event is written or counted as dropped");
        assertEquals(List.of(List.of(Long.toString(recorder.written()))), new StoredEvents(state).rows("SELECT COUNT(*) FROM searches"));
        recorder.record(search(Instant.now(), "after close"));
        assertEquals(offered + 1, recorder.dropped() + recorder.written(), "after close an event is dropped, not lost silently");
    }

    @Test
    void aSpreadsheetNeverRunsAQueryAsAFormula() {
        assertEquals("\"'=1+1\"", ReportFormat.cell("=1+1"));
        assertEquals("\"'@SUM(A1)\"", ReportFormat.cell("@SUM(A1)"));
        assertEquals("\"a,b\"", ReportFormat.cell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", ReportFormat.cell("say \"hi\""));
        assertEquals("トヨタ", ReportFormat.cell("トヨタ"));
    }
}
