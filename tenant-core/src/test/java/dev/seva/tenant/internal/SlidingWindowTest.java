package dev.seva.tenant.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SlidingWindowTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final SlidingWindow window = new SlidingWindow(3, 100, now::get);

    @Test
    void blocksAtTheLimitUntilTheOldestEventLeavesTheWindow() {
        window.record("a");
        now.addAndGet(10);
        window.record("a");
        assertTrue(window.blockedFor("a").isEmpty());
        now.addAndGet(10);
        window.record("a");
        assertEquals(OptionalLong.of(80), window.blockedFor("a"));
        assertTrue(window.blockedFor("b").isEmpty(), "keys are independent");
        now.addAndGet(80);
        assertTrue(window.blockedFor("a").isEmpty(), "the first event left the window");
    }

    @Test
    void clearForgetsAKey() {
        window.record("a");
        window.record("a");
        window.record("a");
        window.clear("a");
        assertTrue(window.blockedFor("a").isEmpty());
    }

    @Test
    void tryAcquireCountsOnlyWhatItLetsThrough() {
        assertTrue(window.tryAcquire("t").isEmpty());
        assertTrue(window.tryAcquire("t").isEmpty());
        assertTrue(window.tryAcquire("t").isEmpty());
        for (int i = 0; i < 10; i++) {
            assertEquals(OptionalLong.of(100), window.tryAcquire("t"));
        }
        now.addAndGet(100);
        assertTrue(window.tryAcquire("t").isEmpty(), "refused attempts did not extend the block");
    }

    @Test
    void releaseTakesBackTheNewestEvent() {
        window.tryAcquire("r");
        window.tryAcquire("r");
        window.tryAcquire("r");
        assertTrue(window.tryAcquire("r").isPresent());
        window.release("r");
        assertTrue(window.tryAcquire("r").isEmpty(), "one attempt given back, one more allowed");
    }

    @Test
    void aFloodOfNewKeysIsBoundedAndDoesNotEvictTheHammeredKey() {
        SlidingWindow w = new SlidingWindow(3, 1_000_000_000L, now::get, 1_000);
        w.record("victim");
        w.record("victim");
        w.record("victim");
        for (int i = 0; i < 200_000; i++) {
            w.tryAcquire("flood-" + i);
            if (i % 50 == 0) {
                assertTrue(w.blockedFor("victim").isPresent(), "still blocked after " + i + " other keys");
            }
        }
        assertTrue(w.keys() <= 1_000, w.keys() + " keys remembered");
    }

    @Test
    void keysUnusedForAWholeWindowAreDropped() {
        for (int i = 0; i < 500; i++) {
            window.record("k" + i);
        }
        now.addAndGet(101);
        assertEquals(0, window.keys());
    }
}
