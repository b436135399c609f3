package dev.seva.tenant.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Counts events per key within a sliding time window, in memory, bounded: each key keeps at most {@code limit}
 * timestamps and the map is swept of stale keys when it grows. Thread-safe. Used for failed sign-ins (per account,
 * per client address) and per-tenant request rates. Per node: with several nodes each enforces its own share.
 */
final class SlidingWindow {

    private final int limit;
    private final long windowNanos;
    private final LongSupplier clock;
    private final Map<String, Deque<Long>> events = new ConcurrentHashMap<>();

    SlidingWindow(int limit, long windowNanos, LongSupplier clock) {
        this.limit = limit;
        this.windowNanos = windowNanos;
        this.clock = clock;
    }

    /** @return how long until {@code key} may act again, in nanoseconds, or empty when it may act now */
    OptionalLong blockedFor(String key) {
        Deque<Long> q = events.get(key);
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
        if (events.size() > 100_000) {
            sweep();
        }
        Deque<Long> q = events.computeIfAbsent(key, k -> new ArrayDeque<>());
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
        Deque<Long> q = events.computeIfAbsent(key, k -> new ArrayDeque<>());
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

    /** Forgets {@code key}'s events (after a successful sign-in). */
    void clear(String key) {
        events.remove(key);
    }

    private void expire(Deque<Long> q, long now) {
        while (!q.isEmpty() && now - q.peekFirst() >= windowNanos) {
            q.pollFirst();
        }
    }

    private void sweep() {
        long now = clock.getAsLong();
        events.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                expire(e.getValue(), now);
                return e.getValue().isEmpty();
            }
        });
    }
}
