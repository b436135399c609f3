package dev.seva.tenant.internal;

import dev.seva.sdk.ErrorCode;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The bounded number of password hashes (Argon2id, about 19 MiB each) this node computes at once, so that a burst of
 * sign-ins cannot exhaust the heap however many request threads the server runs: by default
 * {@code max(1, min(2 × cores, max heap / 4 / 20 MiB))} ({@code seva.auth.hash-permits} overrides it). A caller that
 * gets no permit within {@code seva.auth.hash-wait-millis} (default 1000) is answered at once with 503
 * {@code SIGN_IN_BUSY} and {@code Retry-After}, instead of queueing without bound. Thread-safe; fair (first come,
 * first served).
 */
final class HashPermits {

    /** Memory one Argon2 check holds (19 MiB of blocks plus its working set), for the default size. */
    static final long MEMORY_PER_HASH = 20L << 20;

    private final Semaphore permits;
    private final int size;
    private final long waitMillis;

    HashPermits(int size, long waitMillis) {
        this.size = Math.max(1, size);
        this.waitMillis = Math.max(0, waitMillis);
        this.permits = new Semaphore(this.size, true);
    }

    /** Sized from this JVM: its processors and its maximum heap. */
    static HashPermits automatic() {
        return new HashPermits(size(0, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory()),
                1000);
    }

    /**
     * @param configured the configured number, 0 or less for the default
     * @return how many hashes may run at once
     */
    static int size(int configured, int cores, long maxHeapBytes) {
        if (configured > 0) {
            return configured;
        }
        return (int) Math.max(1, Math.min(2L * cores, maxHeapBytes / 4 / MEMORY_PER_HASH));
    }

    /** @return how many hashes may run at once */
    int size() {
        return size;
    }

    /**
     * Runs {@code hash} under a permit.
     *
     * @throws Throttles.Limited 503 {@code SIGN_IN_BUSY} when no permit came free in time
     */
    <T> T run(Supplier<T> hash) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new Throttles.Limited(ErrorCode.SIGN_IN_BUSY,
                    "Too many sign-ins at this moment. Try again in a second.", TimeUnit.SECONDS.toNanos(1));
        }
        try {
            return hash.get();
        } finally {
            permits.release();
        }
    }
}
