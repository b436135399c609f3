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
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This node's job worker: polls the job table (and is woken when a job is enqueued here), claims as many due jobs
 * as it has free threads, and runs each on a managed executor inside a tenant scope of the job's tenant. Failures are
 * retried with the handler's back-off; after its last attempt a job is FAILED with the reason. A job whose worker
 * died is claimed again when its lease runs out.
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
    @ConfigProperty(name = "seva.jobs.poll-millis", defaultValue = "1000")
    long pollMillis;

    @Inject
    @ConfigProperty(name = "seva.jobs.enabled", defaultValue = "true")
    boolean enabled;

    private final Map<String, JobHandler> handlers = new HashMap<>();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicBoolean polling = new AtomicBoolean();
    private volatile boolean stopped;
    private ScheduledFuture<?> ticker;

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE
            + 300) @Initialized(ApplicationScoped.class) Object ignored) {
        for (JobHandler h : handlerBeans) {
            JobHandler previous = handlers.put(h.kind(), h);
            if (previous != null) {
                throw new IllegalStateException("Two job handlers for kind " + h.kind());
            }
        }
        if (!enabled) {
            LOG.info("Job worker disabled on this node (seva.jobs.enabled=false)");
            return;
        }
        ticker = scheduler.scheduleWithFixedDelay(this::poll, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
        LOG.info("Job worker started: " + threads + " threads, kinds " + handlers.keySet());
    }

    @PreDestroy
    void stop() {
        stopped = true;
        if (ticker != null) {
            ticker.cancel(false);
        }
    }

    /** Polls soon, off the caller's thread (called when a job was enqueued on this node). */
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
        return running.get();
    }

    void poll() {
        if (stopped || !polling.compareAndSet(false, true)) {
            return;
        }
        try {
            int free = threads - running.get();
            if (free <= 0 || handlers.isEmpty()) {
                return;
            }
            List<JobStore.Claimed> claimed = store.claim(free, CLAIM_LEASE, handlers.keySet());
            for (JobStore.Claimed c : claimed) {
                running.incrementAndGet();
                try {
                    executor.execute(() -> {
                        try {
                            runOne(c);
                        } finally {
                            running.decrementAndGet();
                        }
                    });
                } catch (RuntimeException e) {
                    running.decrementAndGet();
                    throw e;
                }
            }
            if (claimed.size() == free) {
                // there may be more: look again once a thread is free
                wake();
            }
        } catch (Exception e) {
            if (!stopped) {
                LOG.log(Level.WARNING, "Job poll failed; retrying at the next tick", e);
            }
        } finally {
            polling.set(false);
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
        } finally {
            wake();
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
