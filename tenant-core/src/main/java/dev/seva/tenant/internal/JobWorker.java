package dev.seva.tenant.internal;

import dev.seva.sdk.ErrorCode;
import dev.seva.sdk.SevaException;
import dev.seva.tenant.Job;
import dev.seva.tenant.JobHandler;
import dev.seva.tenant.TenantScopes;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This node's job worker: polls the job table (and is woken when a job is enqueued here or one of its jobs ends),
 * and runs each claimed job on a managed executor inside a tenant scope of the job's tenant. Jobs run in two lanes
 * ({@link JobHandler#lane()}), each with its own threads, so that long jobs (OCR) never hold up short ones (webhooks,
 * reminders, reconciliation); within a lane, tenants take turns and none has more than its cap running across all
 * nodes (the claim function's rule), so one tenant's backlog never waits in front of another tenant's next job.
 * Failures are retried with the handler's back-off; after its last attempt a job is FAILED with the reason. A job
 * whose worker died is claimed again when its lease runs out.
 */
@ApplicationScoped
public class JobWorker {

    private static final Logger LOG = Logger.getLogger(JobWorker.class.getName());
    /** Lease given at claim time, before the handler's own lease applies. */
    private static final Duration CLAIM_LEASE = Duration.ofMinutes(2);

    @Inject
    JobStore store;

    @Inject
    TenantScopes scopes;

    @Inject
    @Any
    Instance<JobHandler> handlerBeans;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "seva.jobs.threads", defaultValue = "2")
    int threads;

    @Inject
    @ConfigProperty(name = "seva.jobs.max-per-tenant", defaultValue = "4")
    int maxPerTenant;

    @Inject
    @ConfigProperty(name = "seva.jobs.long-threads", defaultValue = "2")
    int longThreads;

    @Inject
    @ConfigProperty(name = "seva.jobs.long-max-per-tenant", defaultValue = "1")
    int longMaxPerTenant;

    @Inject
    @ConfigProperty(name = "seva.jobs.poll-millis", defaultValue = "1000")
    long pollMillis;

    @Inject
    @ConfigProperty(name = "seva.jobs.enabled", defaultValue = "true")
    boolean enabled;

    /** One lane on this node: its threads, the per-tenant cap, its kinds, and how many of its jobs run here now. */
    private record Lane(JobHandler.Lane name, int threads, int maxPerTenant, Set<String> kinds, AtomicInteger running) {
    }

    private final Map<String, JobHandler> handlers = new HashMap<>();
    private final Map<JobHandler.Lane, Lane> lanes = new EnumMap<>(JobHandler.Lane.class);
    private final AtomicBoolean polling = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();
    private volatile boolean stopped;
    private ScheduledFuture<?> ticker;

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE
            + 300) @Initialized(ApplicationScoped.class) Object ignored) {
        lanes.put(JobHandler.Lane.SHORT, new Lane(JobHandler.Lane.SHORT, Math.max(1, threads), Math.max(1,
                maxPerTenant), new HashSet<>(), new AtomicInteger()));
        lanes.put(JobHandler.Lane.LONG, new Lane(JobHandler.Lane.LONG, Math.max(1, longThreads), Math.max(1,
                longMaxPerTenant), new HashSet<>(), new AtomicInteger()));
        for (JobHandler h : handlerBeans) {
            JobHandler previous = handlers.put(h.kind(), h);
            if (previous != null) {
                throw new IllegalStateException("Two job handlers for kind " + h.kind());
            }
            lanes.get(h.lane() == null ? JobHandler.Lane.SHORT : h.lane()).kinds().add(h.kind());
        }
        if (!enabled) {
            LOG.info("Job worker disabled on this node (seva.jobs.enabled=false)");
            return;
        }
        ticker = scheduler.scheduleWithFixedDelay(this::poll, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
        for (Lane l : lanes.values()) {
            LOG.info("Job worker started, " + l.name() + " lane: " + l.threads() + " threads, at most "
                    + l.maxPerTenant() + " running per tenant, kinds " + l.kinds());
        }
    }

    @PreDestroy
    void stop() {
        stopped = true;
        if (ticker != null) {
            ticker.cancel(false);
        }
    }

    /** Polls soon, off the caller's thread (called when a job was enqueued on this node or one ended). */
    void wake() {
        if (enabled && !stopped) {
            try {
                scheduler.execute(this::poll);
            } catch (RuntimeException e) {
                // shutting down: the next node or start picks the job up
            }
        }
    }

    /** @return jobs running on this node now */
    int running() {
        return lanes.values().stream().mapToInt(l -> l.running().get()).sum();
    }

    /** Claims for every lane; a poll asked for while another runs makes that one go round again (none is lost). */
    void poll() {
        if (stopped) {
            return;
        }
        wanted.set(true);
        while (wanted.get() && polling.compareAndSet(false, true)) {
            try {
                wanted.set(false);
                for (Lane lane : lanes.values()) {
                    claim(lane);
                }
            } catch (Exception e) {
                if (!stopped) {
                    LOG.log(Level.WARNING, "Job poll failed; retrying at the next tick", e);
                }
            } finally {
                polling.set(false);
            }
        }
    }

    private void claim(Lane lane) throws SQLException {
        int free = lane.threads() - lane.running().get();
        if (free <= 0 || lane.kinds().isEmpty() || stopped) {
            return;
        }
        for (JobStore.Claimed c : store.claim(free, CLAIM_LEASE, lane.kinds(), lane.maxPerTenant())) {
            lane.running().incrementAndGet();
            try {
                executor.execute(() -> {
                    try {
                        runOne(c);
                    } finally {
                        lane.running().decrementAndGet();
                        // a thread is free: the next turn may be another tenant's
                        wake();
                    }
                });
            } catch (RuntimeException e) {
                lane.running().decrementAndGet();
                throw e;
            }
        }
    }

    private void runOne(JobStore.Claimed c) {
        JobHandler handler = handlers.get(c.kind());
        if (handler == null) {
            store.failed(c.tenant(), c.id(), "No handler for job kind " + c.kind() + " on this node", null);
            LOG.warning("Job " + c.id() + ": no handler for kind " + c.kind());
            return;
        }
        try {
            scopes.run(c.tenant(), () -> runInScope(c, handler));
        } catch (SevaException e) {
            if (e.code() == ErrorCode.TENANT_SUSPENDED || e.code() == ErrorCode.TENANT_NOT_FOUND) {
                // the tenant cannot run work now: try again in an hour, without counting it as the job's failure
                store.failed(c.tenant(), c.id(), e.getMessage(), Timestamps.now().plusHours(1));
            } else {
                throw e;
            }
        }
    }

    private void runInScope(JobStore.Claimed c, JobHandler handler) {
        Optional<Job> started = store.start(c.tenant(), c.id(), handler.lease());
        if (started.isEmpty()) {
            return;
        }
        Job job = started.get();
        if (job.attempt() > handler.maxAttempts()) {
            store.failed(c.tenant(), c.id(), "Gave up after " + handler.maxAttempts()
                    + " attempts (the last one did not finish: its worker stopped)", null);
            return;
        }
        // heartbeat: renew the lease every third of it while the handler runs; a dead node stops renewing, and
        // another node (or this one after a restart) takes the job over once the lease runs out
        long beatMillis = Math.max(handler.lease().toMillis() / 3, 1000);
        ScheduledFuture<?> beat = scheduler.scheduleAtFixedRate(() -> {
            try {
                store.extend(c.tenant(), c.id(), handler.lease());
            } catch (RuntimeException e) {
                LOG.fine("Lease of job " + c.id() + " not renewed: " + e.getMessage());
            }
        }, beatMillis, beatMillis, TimeUnit.MILLISECONDS);
        try {
            try {
                handler.run(job);
            } finally {
                beat.cancel(false);
            }
            store.done(c.tenant(), c.id());
        } catch (Exception e) {
            boolean last = job.attempt() >= handler.maxAttempts();
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            store.failed(c.tenant(), c.id(), reason,
                    last ? null : Timestamps.now().plus(handler.backoff(job.attempt())));
            LOG.log(last ? Level.WARNING : Level.INFO, "Job " + c.id() + " (" + c.kind() + ") attempt "
                    + job.attempt() + " failed" + (last ? "; giving up" : "; will retry") + ": " + reason);
        }
    }
}
