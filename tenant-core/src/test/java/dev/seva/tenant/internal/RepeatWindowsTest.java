package dev.seva.tenant.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seva.sdk.TenantId;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RepeatWindowsTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final RepeatWindows windows = new RepeatWindows(60_000, 3, now::get);
    private final TenantId acme = TenantId.random();

    @Test
    void theFirstIsRecordedAtOnceAndTheRestOfTheMinuteBecomesOneCountedSummary() {
        assertTrue(windows.occurred(acme, "LOGIN_FAILED", "1.2.3.4", "a@x.in"));
        for (int i = 0; i < 199; i++) {
            now.addAndGet(100);
            assertFalse(windows.occurred(acme, "LOGIN_FAILED", "1.2.3.4", i % 2 == 0 ? "a@x.in" : "b" + i + "@x.in"));
        }
        assertTrue(windows.closeEnded().isEmpty(), "the window has not ended");
        now.set(1_000_000 + 60_000);
        List<RepeatWindows.Closed> closed = windows.closeEnded();
        assertEquals(1, closed.size());
        RepeatWindows.Closed c = closed.get(0);
        assertEquals(199, c.count());
        assertEquals("1.2.3.4", c.source());
        assertEquals(RepeatWindows.NAMED_TARGETS, c.targets().size());
        assertEquals(100 - RepeatWindows.NAMED_TARGETS, c.otherTargets(), "a@x.in and 99 others");
        assertTrue(windows.closeEnded().isEmpty(), "handed out once");
        assertTrue(windows.occurred(acme, "LOGIN_FAILED", "1.2.3.4", "a@x.in"), "a new window: recorded at once");
    }

    @Test
    void sourcesActionsAndTenantsHaveWindowsOfTheirOwn() {
        assertTrue(windows.occurred(acme, "LOGIN_FAILED", "1.2.3.4", null));
        assertTrue(windows.occurred(acme, "LOGIN_FAILED", "5.6.7.8", null));
        assertTrue(windows.occurred(acme, "WEBHOOK_REJECTED", "1.2.3.4", null));
        assertFalse(windows.occurred(acme, "LOGIN_FAILED", "1.2.3.4", null));
    }

    @Test
    void aWindowWithNothingCountedWritesNoSummary() {
        windows.occurred(acme, "LOGIN_FAILED", "1.2.3.4", null);
        now.addAndGet(60_000);
        assertTrue(windows.closeEnded().isEmpty());
        assertEquals(0, windows.open());
    }

    @Test
    void aFailureAfterTheWindowHandsOverTheEndedSummaryAndOpensAnother() {
        windows.occurred(acme, "LOGIN_FAILED", "1.2.3.4", null);
        windows.occurred(acme, "LOGIN_FAILED", "1.2.3.4", null);
        now.addAndGet(61_000);
        assertTrue(windows.occurred(acme, "LOGIN_FAILED", "1.2.3.4", null));
        List<RepeatWindows.Closed> closed = windows.closeEnded();
        assertEquals(1, closed.size());
        assertEquals(1, closed.get(0).count());
    }

    @Test
    void pastTheLimitOfOpenWindowsNewSourcesShareOne() {
        for (int i = 0; i < 3; i++) {
            assertTrue(windows.occurred(acme, "LOGIN_FAILED", "10.0.0." + i, null));
        }
        assertTrue(windows.occurred(acme, "LOGIN_FAILED", "10.0.1.1", null), "the shared window opens");
        for (int i = 2; i < 1000; i++) {
            assertFalse(windows.occurred(acme, "LOGIN_FAILED", "10.0.1." + i, null));
        }
        assertEquals(4, windows.open());
        List<RepeatWindows.Closed> all = windows.closeAll();
        assertEquals(1, all.size());
        assertEquals(RepeatWindows.MANY, all.get(0).source());
        assertEquals(998, all.get(0).count());
    }
}
