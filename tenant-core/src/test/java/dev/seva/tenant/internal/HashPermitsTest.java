package dev.seva.tenant.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seva.sdk.ErrorCode;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HashPermitsTest {

    private static final long MIB = 1L << 20;

    @Test
    void theDefaultIsSizedFromTheCoresAndAQuarterOfTheHeap() {
        assertEquals(4, HashPermits.size(0, 2, 1024 * MIB), "2 cores, 1 GiB: the cores bound");
        assertEquals(3, HashPermits.size(0, 64, 256 * MIB), "64 cores, 256 MiB: the heap bounds (64 MiB / 20 MiB)");
        assertEquals(1, HashPermits.size(0, 8, 32 * MIB), "never fewer than one");
        assertEquals(7, HashPermits.size(7, 2, 32 * MIB), "a configured number wins");
    }

    @Test
    void aCallerThatGetsNoPermitInTimeIsAnsweredBusyWithRetryAfter() throws Exception {
        HashPermits permits = new HashPermits(1, 50);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        var pool = Executors.newSingleThreadExecutor();
        try {
            pool.submit(() -> permits.run(() -> {
                holding.countDown();
                try {
                    return release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    return false;
                }
            }));
            assertTrue(holding.await(10, TimeUnit.SECONDS));
            long start = System.nanoTime();
            Throttles.Limited busy = assertThrows(Throttles.Limited.class, () -> permits.run(() -> "never"));
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "answered after the short wait");
            assertEquals(ErrorCode.SIGN_IN_BUSY, busy.code());
            assertEquals(503, busy.code().status());
            assertEquals(1, busy.retryAfterSeconds());
            release.countDown();
        } finally {
            pool.shutdown();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
        assertEquals("free again", permits.run(() -> "free again"));
    }
}
