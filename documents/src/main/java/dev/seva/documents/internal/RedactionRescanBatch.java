package dev.seva.documents.internal;

import dev.seva.documents.KycReader;
import dev.seva.sdk.TenantId;
import dev.seva.tenant.AuditTrail;
import dev.seva.tenant.TenantPersistence;
import dev.seva.tenant.Tenants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.logging.Logger;

/**
 * One batch of a redaction rescan of the current tenant, in one transaction: the next documents after the marker's
 * position (deleted ones too) are masked again ({@link StoredTextRedaction}) and the marker moves past them, so a run
 * taken over after a crash goes on from the last committed batch; the last batch marks the run DONE and audits it
 * once, with counts only.
 */
@ApplicationScoped
public class RedactionRescanBatch {

    /** The audit action of a finished rescan. */
    public static final String AUDITED = "DOCUMENTS_REDACTION_RESCANNED";

    private static final Logger LOG = Logger.getLogger(RedactionRescanBatch.class.getName());

    @PersistenceUnit(unitName = "seva-documents")
    EntityManagerFactory unit;

    @Inject
    TenantPersistence persistence;

    @Inject
    Tenants tenants;

    @Inject
    RedactionRescanMarkers markers;

    @Inject
    StoredTextRedaction redaction;

    @Inject
    AuditTrail audit;

    /**
     * @param runId the run the job was enqueued for
     * @param size documents per batch
     * @return whether more batches follow (false once the run is DONE, or when it was superseded by a newer one)
     * @throws IllegalStateException when the run was asked for under other redaction rules than this node's (a
     *         rolling upgrade): the job is retried, by a node that has them
     */
    @Transactional
    public boolean next(String runId, int size) {
        var marker = markers.lock().filter(m -> m.running() && m.runId().equals(runId));
        if (marker.isEmpty()) {
            return false;
        }
        int version = marker.get().version();
        if (version != KycReader.REDACTION_VERSION) {
            throw new IllegalStateException("This rescan masks with redaction version " + version + "; this node has "
                    + KycReader.REDACTION_VERSION);
        }
        TenantId tenant = tenants.current().id();
        List<?> ids = persistence.tenant(unit).createNativeQuery("SELECT id FROM document WHERE tenant_id = ? AND"
                + " id > ? ORDER BY id LIMIT ?").setParameter(1, tenant.value())
                .setParameter(2, marker.get().afterId() == null ? "" : marker.get().afterId()).setParameter(3, size)
                .getResultList();
        int changed = 0;
        for (Object id : ids) {
            changed += redaction.redact((String) id) ? 1 : 0;
        }
        if (ids.size() == size) {
            markers.advance((String) ids.get(size - 1), size, changed);
            return true;
        }
        markers.finish(ids.size(), changed);
        int examined = marker.get().examined() + ids.size();
        changed += marker.get().changed();
        audit.recordAs(tenant, "system", AUDITED, "documents", null, "redaction version " + version + ": " + examined
                + " documents examined, " + changed + " changed");
        LOG.info("Redaction rescan of tenant " + tenant + " done: " + examined + " document(s) examined, " + changed
                + " changed");
        return false;
    }
}
