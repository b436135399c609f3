package dev.seva.documents.internal;

import dev.seva.sdk.TenantId;
import dev.seva.sdk.spi.BlobStore;
import dev.seva.sdk.spi.OcrEngine;
import dev.seva.tenant.TenantScopes;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Housekeeping of the vault, every {@code seva.documents.sweep-minutes} (default 10): removes incomplete blob writes
 * (a crash mid-upload) and committed blobs that no version row names (a crash between the blob's commit and the
 * row's, or a refused upload whose delete failed), both only when older than {@code seva.documents.orphan-minutes}
 * (default 60) so that uploads in flight are never touched; and hands versions back to processing that wait for an
 * OCR engine which is now installed. (Processing itself is a durable job: a crash mid-OCR is taken over by the job
 * queue when its lease runs out.)
 */
@ApplicationScoped
public class OrphanSweeper {

    private static final Logger LOG = Logger.getLogger(OrphanSweeper.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    BlobStore blobs;

    @Inject
    TenantScopes scopes;

    @Inject
    DocumentService documents;

    @Inject
    OcrEngine ocr;

    @Inject
    @ConfigProperty(name = "seva.documents.orphan-minutes", defaultValue = "60")
    int orphanMinutes;

    @Inject
    @ConfigProperty(name = "seva.documents.sweep-minutes", defaultValue = "10")
    int sweepMinutes;

    private ScheduledFuture<?> task;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        task = scheduler.scheduleWithFixedDelay(this::sweepQuietly, 1, sweepMinutes, TimeUnit.MINUTES);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException | IOException e) {
            LOG.log(Level.WARNING, "Document sweep failed; it runs again later", e);
        }
    }

    /** One sweep. */
    public void sweep() throws IOException {
        Instant before = Instant.now().minus(Duration.ofMinutes(orphanMinutes));
        int incomplete = blobs.purgeIncomplete(before);
        int orphans = 0;
        int requeued = 0;
        boolean ocrReady = ocr.unavailableReason().isEmpty();
        for (TenantId t : blobs.tenants()) {
            try {
                List<String> old = blobs.keysOlderThan(t, before);
                for (String key : old) {
                    if (!scopes.call(t, () -> documents.blobReferenced(key))) {
                        blobs.delete(t, key);
                        orphans++;
                    }
                }
                if (ocrReady) {
                    requeued += scopes.call(t, () -> documents.requeueWaitingForOcr(100));
                }
            } catch (RuntimeException e) {
                // a suspended or deleted tenant: its blobs are left alone
                LOG.fine("Sweep skipped tenant " + t + ": " + e.getMessage());
            }
        }
        if (incomplete + orphans + requeued > 0) {
            LOG.info("Document sweep: " + incomplete + " incomplete write(s) and " + orphans
                    + " orphan blob(s) removed, " + requeued + " version(s) handed back to processing");
        }
    }
}
