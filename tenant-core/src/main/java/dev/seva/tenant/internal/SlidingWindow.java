package dev.seva.tenant.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Counts events per key within a sliding time window, in memory, bounded twice: each key keeps at most {@code limit}
 * timestamps, and the window keeps at most {@code maxKeys} keys (a Caffeine cache: a key unused for a whole window is
 * dropped, and past the size W-TinyLFU evicts the keys seen least often, so a flood of one-off keys cannot push out
 * the counters of the keys being hammered). Thread-safe. Used for sign-in attempts (per account, per client address),
 * per-tenant and per-address request rates. Per node: with several nodes each enforces its own share.
 */
final class SlidingWindow {

    /** How many keys a window remembers unless told otherwise (about 100 bytes each plus their timestamps). */
    static final long MAX_KEYS = 100_000;

    private final int limit;
    private final long windowNanos;
    private final LongSupplier clock;
    private final Cache<String, Deque<Long>> events;

    SlidingWindow(int limit, long windowNanos, LongSupplier clock) {
        this(limit, windowNanos, clock, MAX_KEYS);
    }

    SlidingWindow(int limit, long windowNanos, LongSupplier clock, long maxKeys) {
        this.limit = limit;
        this.windowNanos = windowNanos;
        this.clock = clock;
        // maintenance on the calling thread: no pool threads outside the server's management
        this.events = Caffeine.newBuilder().maximumSize(maxKeys).expireAfterAccess(windowNanos, TimeUnit.NANOSECONDS)
                .ticker(clock::getAsLong).executor(Runnable::run).build();
    }

    /** @return how long until {@code key} may act again, in nanoseconds, or empty when it may act now */
    OptionalLong blockedFor(String key) {
        Deque<Long> q = events.getIfPresent(key);
        if (q == null) {
            return OptionalLong.empty();
        }
        synchronized (q) {
            long now = clock.getAsLong();
            expire(q, now);
            if (q.size() < limit) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(Math.max(1, q.peekFirst() + windowNanos - now));
        }
    }

    /** Records one event for {@code key}. */
    void record(String key) {
        Deque<Long> q = events.get(key, k -> new ArrayDeque<>());
        synchronized (q) {
            long now = clock.getAsLong();
            expire(q, now);
            q.addLast(now);
            while (q.size() > limit) {
                q.pollFirst();
            }
        }
    }

    /**
     * Records an event if the key is under its limit.
     *
     * @return empty when recorded, otherwise how long until it may act, in nanoseconds
     */
    OptionalLong tryAcquire(String key) {
        Deque<Long> q = events.get(key, k -> new ArrayDeque<>());
        synchronized (q) {
            long now = clock.getAsLong();
            expire(q, now);
            if (q.size() >= limit) {
                return OptionalLong.of(Math.max(1, q.peekFirst() + windowNanos - now));
            }
            q.addLast(now);
            return OptionalLong.empty();
        }
    }

    /** Takes back the newest event of {@code key} (an attempt that turned out not to count). */
    void release(String key) {
        Deque<Long> q = events.getIfPresent(key);
        if (q != null) {
            synchronized (q) {
                q.pollLast();
            }
        }
    }

    /** Forgets {@code key}'s events (after a successful sign-in). */
    void clear(String key) {
        events.invalidate(key);
    }

    /** @return how many keys are remembered (after pending evictions) */
    long keys() {
        events.cleanUp();
        return events.estimatedSize();
    }

    private void expire(Deque<Long> q, long now) {
        while (!q.isEmpty() && now - q.peekFirst() >= windowNanos) {
            q.pollFirst();
        }
    }
}
