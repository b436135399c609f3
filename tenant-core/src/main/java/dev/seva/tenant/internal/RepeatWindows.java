package dev.seva.tenant.internal;

import dev.seva.sdk.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.LongSupplier;

/**
 * The bookkeeping of {@link AuditRepeats}: one open window per (tenant, action, source). The first occurrence opens
 * the window and is to be recorded at once; later ones within the window only count (and remember a few of their
 * targets); a window that has ended is handed out once, as a {@link Closed} summary, when it counted anything.
 * Bounded: at most {@code maxSources} windows are open; beyond that, new sources of an action share one window of
 * their tenant, under the source {@value #MANY}. Thread-safe (every change of a window happens inside the map's
 * {@code compute} for its key).
 */
final class RepeatWindows {

    /** The source of the shared window used when too many sources are open at once. */
    static final String MANY = "*";
    /** How many targets a summary names. */
    static final int NAMED_TARGETS = 5;

    /** What a window counted beyond its first occurrence. */
    record Closed(TenantId tenant, String action, String source, long count, Instant from, Instant to,
            List<String> targets, long otherTargets) {
    }

    private record Key(TenantId tenant, String action, String source) {
    }

    private static final class Window {
        final long openedAt;
        long count;
        long lastAt;
        final Set<String> targets = new LinkedHashSet<>();
        long otherTargets;

        Window(long now) {
            this.openedAt = now;
            this.lastAt = now;
        }
    }

    private final long windowMillis;
    private final int maxSources;
    private final LongSupplier clock;
    private final Map<Key, Window> open = new ConcurrentHashMap<>();
    private final Queue<Closed> ended = new ConcurrentLinkedQueue<>();

    /**
     * @param clock epoch milliseconds
     */
    RepeatWindows(long windowMillis, int maxSources, LongSupplier clock) {
        this.windowMillis = windowMillis;
        this.maxSources = maxSources;
        this.clock = clock;
    }

    /**
     * Counts one occurrence.
     *
     * @return true when it opens a window: the caller records it now
     */
    boolean occurred(TenantId tenant, String action, String source, String target) {
        Key key = new Key(tenant, action, source);
        if (!open.containsKey(key) && open.size() >= maxSources) {
            key = new Key(tenant, action, MANY);
        }
        boolean[] first = {false};
        open.compute(key, (k, w) -> {
            long now = clock.getAsLong();
            if (w == null || now - w.openedAt >= windowMillis) {
                if (w != null && w.count > 0) {
                    ended.add(close(k, w));
                }
                first[0] = true;
                return new Window(now);
            }
            w.count++;
            w.lastAt = now;
            if (target != null && !w.targets.contains(target)) {
                if (w.targets.size() < NAMED_TARGETS) {
                    w.targets.add(target);
                } else {
                    w.otherTargets++;
                }
            }
            return w;
        });
        return first[0];
    }

    /** @return the windows that have ended and counted something (each once); ended windows are forgotten */
    List<Closed> closeEnded() {
        return close(false);
    }

    /** @return every window that counted something, ended or not (at shutdown); all are forgotten */
    List<Closed> closeAll() {
        return close(true);
    }

    /** @return how many windows are open */
    int open() {
        return open.size();
    }

    private List<Closed> close(boolean all) {
        List<Closed> out = new ArrayList<>();
        for (Key k : List.copyOf(open.keySet())) {
            open.computeIfPresent(k, (key, w) -> {
                if (!all && clock.getAsLong() - w.openedAt < windowMillis) {
                    return w;
                }
                if (w.count > 0) {
                    out.add(close(key, w));
                }
                return null;
            });
        }
        for (Closed c = ended.poll(); c != null; c = ended.poll()) {
            out.add(c);
        }
        return out;
    }

    private static Closed close(Key k, Window w) {
        return new Closed(k.tenant(), k.action(), k.source(), w.count, Instant.ofEpochMilli(w.openedAt), Instant
                .ofEpochMilli(w.lastAt), List.copyOf(w.targets), w.otherTargets);
    }
}
