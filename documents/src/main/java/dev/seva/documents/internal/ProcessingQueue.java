package dev.seva.documents.internal;

import dev.seva.sdk.TenantId;
import dev.seva.tenant.TenantScopes;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands versions to {@link DocumentPipeline} on a managed executor, in a tenant scope of their tenant. Interim: until
 * tenant-core's durable {@code Jobs} is wired, work lost in a crash is picked up by {@link OrphanSweeper}'s scan of
 * versions still PROCESSING.
 */
@ApplicationScoped
public class ProcessingQueue {

    private static final Logger LOG = Logger.getLogger(ProcessingQueue.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Inject
    TenantScopes scopes;

    @Inject
    DocumentPipeline pipeline;

    /** Queues a version for processing (call after the transaction that recorded it committed). */
    public void submit(TenantId tenant, String versionId) {
        executor.submit(() -> {
            try {
                scopes.run(tenant, () -> {
                    try {
                        pipeline.process(tenant, versionId);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Processing of document version " + versionId + " failed", e);
            }
        });
    }
}
