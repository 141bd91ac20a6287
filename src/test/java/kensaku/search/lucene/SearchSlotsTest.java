package kensaku.search.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Real threads through the slots: never more running than slots, the others run once one frees. */
class SearchSlotsTest {
    @Test
    void noMoreSearchesRunAtOnceThanThereAreSlots() throws Exception {
        SearchSlots slots = new SearchSlots(2);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        CountDownLatch twoStarted = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> searches = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                int id = i;
                searches.add(threads.submit(() -> slots.run(() -> {
                    mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                    twoStarted.countDown();
                    awaitQuietly(release);
                    running.decrementAndGet();
                    return id;
                })));
            }
            assertTrue(twoStarted.await(10, TimeUnit.SECONDS), "two searches should have started");
            assertEquals(2, running.get(), "the other four wait for a slot");
            release.countDown();
            for (int i = 0; i < searches.size(); i++) {
                assertEquals(i, searches.get(i).get(10, TimeUnit.SECONDS), "every search runs to its answer");
            }
            assertEquals(2, mostAtOnce.get());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aSearchInterruptedWhileWaitingSaysSoAndFreesNothing() throws Exception {
        SearchSlots slots = new SearchSlots(1);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            try {
                slots.run(() -> {
                    holding.countDown();
                    awaitQuietly(release);
                    return null;
                });
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        holder.start();
        assertTrue(holding.await(10, TimeUnit.SECONDS));
        Thread.currentThread().interrupt();
        assertThrows(InterruptedIOException.class, () -> slots.run(() -> "never"));
        assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
        release.countDown();
        holder.join(10_000);
        assertEquals("after", slots.run(() -> "after"), "the slot is free again once its search ends");
    }

    @Test
    void atLeastOneSlot() {
        assertThrows(IllegalArgumentException.class, () -> new SearchSlots(0));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
