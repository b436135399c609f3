package dev.seva.documents.internal;

import dev.seva.sdk.TenantId;
import dev.seva.tenant.Job;
import dev.seva.tenant.JobHandler;
import dev.seva.tenant.TenantScopes;
import dev.seva.tenant.Tenants;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The expiry reminder scan: every {@code seva.documents.reminders.scan-hours} (default 24; first run
 * {@code seva.documents.reminders.first-scan-minutes}, default 5, after the start) this node enqueues one durable
 * scan job ({@value #KIND}) per active tenant; the job, under that tenant's RLS, records the reminders due today
 * ({@link DocumentReminders#scan}) and enqueues their sending. Several nodes enqueue several scans a day: harmless,
 * the scan is idempotent.
 */
@ApplicationScoped
public class ReminderScan implements JobHandler {

    /** The job kind. */
    public static final String KIND = "documents.reminders.scan";

    private static final Logger LOG = Logger.getLogger(ReminderScan.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Tenants tenants;

    @Inject
    TenantScopes scopes;

    @Inject
    DocumentReminders reminders;

    @Inject
    @ConfigProperty(name = "seva.documents.reminders.scan-hours", defaultValue = "24")
    int scanHours;

    @Inject
    @ConfigProperty(name = "seva.documents.reminders.first-scan-minutes", defaultValue = "5")
    int firstScanMinutes;

    private ScheduledFuture<?> task;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (scanHours <= 0) {
            LOG.info("Expiry reminder scans are off (seva.documents.reminders.scan-hours=" + scanHours + ")");
            return;
        }
        task = scheduler.scheduleAtFixedRate(this::enqueueAll, Math.max(firstScanMinutes, 0) * 60L,
                scanHours * 3600L, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    /** Enqueues a scan for every active tenant. */
    void enqueueAll() {
        try {
            int n = 0;
            for (TenantId t : tenants.activeIds()) {
                try {
                    scopes.run(t, reminders::enqueueScan);
                    n++;
                } catch (RuntimeException e) {
                    LOG.fine("No reminder scan for tenant " + t + ": " + e.getMessage());
                }
            }
            LOG.info("Expiry reminder scans enqueued for " + n + " tenant(s)");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Expiry reminder scans could not be enqueued; the next run tries again", e);
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(Job job) {
        int recorded = reminders.scan(LocalDate.now());
        if (recorded > 0) {
            LOG.info("Expiry reminder scan of tenant " + job.tenant() + ": " + recorded + " reminder(s) due");
        }
    }
}
