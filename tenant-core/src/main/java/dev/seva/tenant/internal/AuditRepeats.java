package dev.seva.tenant.internal;

import dev.seva.sdk.TenantId;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Keeps anonymous failures from flooding the audit chain. A wrong password or a forged webhook costs an attacker
 * nothing, and each used to append one chained event (an advisory lock and an insert per request). Now, per tenant,
 * action and client address: the <b>first</b> failure of a window of {@code seva.audit.repeat-window-seconds}
 * (default 60) is recorded at once, exactly as before, so the security team sees an attack start without delay; the
 * others in that window only bump a counter in memory, and a small scheduled flush (every twelfth of the window, at
 * least every second) writes, once the window has ended, one {@code <ACTION>_REPEATED} event with
 * {@code details = "count=N; between <first> and <last>; targets: ..."} and the address as its {@code ip}. The next
 * failure after the window opens a new one, again recorded at once: a steady flood costs two events per address per
 * window. Bounded: at most 10,000 windows are open; past that, new addresses share one window per tenant and action
 * ({@code ip = "*"}). What a node counted but had not yet written is lost if it dies (its first event is already in
 * the chain); at a normal stop the open windows are written.
 */
@ApplicationScoped
public class AuditRepeats {

    private static final Logger LOG = Logger.getLogger(AuditRepeats.class.getName());
    static final int MAX_SOURCES = 10_000;

    @Inject
    Config config;

    @Inject
    RequestTenantContext request;

    @Inject
    AuditLog log;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private RepeatWindows windows;
    private long windowSeconds;
    private ScheduledFuture<?> task;

    @PostConstruct
    void init() {
        windowSeconds = Math.max(1, config.getOptionalValue("seva.audit.repeat-window-seconds", Long.class)
                .orElse(60L));
        windows = new RepeatWindows(TimeUnit.SECONDS.toMillis(windowSeconds), MAX_SOURCES,
                System::currentTimeMillis);
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        long every = Math.max(1, windowSeconds / 12);
        task = scheduler.scheduleWithFixedDelay(this::flushQuietly, every, every, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
        write(windows.closeAll());
    }

    /**
     * @return whether this failure is to be recorded now: the first of its action from the request's address in the
     *         window (or there is no request address); otherwise it has been counted for the summary
     */
    boolean firstOfWindow(TenantId tenant, String action, String target) {
        String source = request.clientIp();
        return source == null || windows.occurred(tenant, action, source, target);
    }

    /** Writes the summaries of the windows that have ended. */
    void flush() {
        write(windows.closeEnded());
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Audit summaries could not be written", e);
        }
    }

    private void write(java.util.List<RepeatWindows.Closed> closed) {
        for (RepeatWindows.Closed c : closed) {
            StringBuilder d = new StringBuilder("count=").append(c.count()).append("; between ").append(c.from())
                    .append(" and ").append(c.to());
            if (!c.targets().isEmpty()) {
                d.append("; targets: ").append(String.join(", ", c.targets()));
                if (c.otherTargets() > 0) {
                    d.append(" (and ").append(c.otherTargets()).append(" more)");
                }
            }
            try {
                log.recordSummary(c.tenant(), c.action() + "_REPEATED", c.source(), d.toString());
            } catch (RuntimeException e) {
                // not retried: the count would be written twice if the failure came after the commit
                LOG.log(Level.WARNING, "Audit summary of " + c.count() + " × " + c.action() + " for tenant "
                        + c.tenant() + " could not be written", e);
            }
        }
    }
}
