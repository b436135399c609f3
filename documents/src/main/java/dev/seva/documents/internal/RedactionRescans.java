package dev.seva.documents.internal;

import dev.seva.documents.KycReader;
import dev.seva.sdk.TenantId;
import dev.seva.tenant.AuditTrail;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Masks the vault's stored text again when the redaction rules changed ({@link KycReader#REDACTION_VERSION}):
 * {@code seva.documents.redaction-rescan.start-delay-seconds} (default 60; negative: never) after the start, this node
 * starts a rescan ({@link RedactionRescan}) for every tenant whose text was masked with older rules or whose rescan
 * did not finish; a platform admin can ask for one again at any time (after a rolling upgrade, once no node of the
 * older version runs, or after restoring an older backup). Several nodes starting together start one run per tenant.
 */
@ApplicationScoped
public class RedactionRescans {

    private static final Logger LOG = Logger.getLogger(RedactionRescans.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedExecutorService executor;

    @Inject
    RedactionRescanMarkers markers;

    @Inject
    AuditTrail audit;

    @Inject
    @ConfigProperty(name = "seva.documents.redaction-rescan.start-delay-seconds", defaultValue = "60")
    int startDelaySeconds;

    private ScheduledFuture<?> task;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (startDelaySeconds < 0) {
            LOG.info("No redaction rescan at start (seva.documents.redaction-rescan.start-delay-seconds="
                    + startDelaySeconds + ")");
            return;
        }
        task = scheduler.schedule(this::atStart, startDelaySeconds, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    private void atStart() {
        requestAll(true);
    }

    /**
     * Starts rescans of every tenant, off the caller's thread (each tenant in a transaction and request context of its
     * own, so that a platform of many tenants is not held in one request).
     *
     * @param onlyOutdated only where the text was masked with older rules or a run did not finish
     */
    public void requestAllLater(boolean onlyOutdated) {
        executor.execute(() -> requestAll(onlyOutdated));
    }

    private void requestAll(boolean onlyOutdated) {
        try {
            int n = request(null, onlyOutdated);
            LOG.info("Redaction rescans (redaction version " + KycReader.REDACTION_VERSION + ") started for " + n
                    + " tenant(s)");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Redaction rescans could not be started; the next start tries again", e);
        }
    }

    /**
     * Starts rescans, each tenant in a transaction of its own.
     *
     * @param only the one tenant to rescan, or null for every tenant (suspended ones too: theirs waits; off a request
     *        thread, see {@link #requestAllLater})
     * @param onlyOutdated only where the text was masked with older rules or a run did not finish
     * @return how many tenants' rescans were started
     */
    public int request(TenantId only, boolean onlyOutdated) {
        if (only != null) {
            return markers.request(only, onlyOutdated) ? 1 : 0;
        }
        int started = 0;
        List<TenantId> all = markers.allTenants();
        for (TenantId t : all) {
            try {
                started += markers.request(t, onlyOutdated) ? 1 : 0;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "No redaction rescan started for tenant " + t, e);
            }
        }
        return started;
    }

    /**
     * Records a platform admin's request in the platform's audit chain.
     *
     * @param tenantSlug the one tenant asked for, or null for every tenant
     * @param onlyOutdated as asked
     * @param started how many rescans it started, or null when they are started in the background
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordRequest(String tenantSlug, boolean onlyOutdated, Integer started) {
        String scope = tenantSlug == null ? "every tenant" : "one tenant";
        audit.record(TenantId.PLATFORM, "DOCUMENTS_REDACTION_RESCAN_REQUESTED", "tenant", tenantSlug, scope
                + (onlyOutdated ? ", if outdated" : "") + (started == null ? "" : ": " + started + " started"));
    }
}
