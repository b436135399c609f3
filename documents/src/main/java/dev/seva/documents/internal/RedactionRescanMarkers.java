package dev.seva.documents.internal;

import dev.seva.documents.KycReader;
import dev.seva.sdk.TenantId;
import dev.seva.tenant.Jobs;
import dev.seva.tenant.TenantPersistence;
import dev.seva.tenant.Tenants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The redaction rescan's marker: one row per tenant ({@code document_redaction_rescan}, under RLS) saying with which
 * {@link KycReader#REDACTION_VERSION} the tenant's stored text was last masked and how far the run in progress got.
 * Starting a run writes a new run id into it and enqueues the job that carries that id, in one transaction; a single
 * {@code INSERT … ON CONFLICT} decides, so nodes starting together start one run (the last one asked for wins, the
 * others stop at their next batch).
 */
@ApplicationScoped
public class RedactionRescanMarkers {

    /** The marker as a batch sees it. */
    record Marker(int version, String runId, boolean running, String afterId, int examined, int changed) {
    }

    @PersistenceUnit(unitName = "seva-documents")
    EntityManagerFactory unit;

    @Inject
    TenantPersistence persistence;

    @Inject
    Tenants tenants;

    @Inject
    Jobs jobs;

    /** @return every tenant's id, suspended ones too (their jobs wait until they are reactivated) */
    @ActivateRequestContext
    public List<TenantId> allTenants() {
        return tenants.allIds();
    }

    /**
     * Starts a rescan of one tenant, in a transaction of its own.
     *
     * @param tenant the tenant
     * @param onlyOutdated start it only when the tenant's text was masked with older rules (or never), or when a run
     *        under these rules did not finish (it then goes on from where it stopped); otherwise start afresh
     * @return whether a run was started
     */
    @ActivateRequestContext
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean request(TenantId tenant, boolean onlyOutdated) {
        String resume = onlyOutdated
                ? "r.status = 'RUNNING' AND r.redaction_version = EXCLUDED.redaction_version"
                : "false";
        String runId = UUID.randomUUID().toString();
        int started = persistence.forTenant(unit, tenant).createNativeQuery("INSERT INTO document_redaction_rescan"
                + " AS r (tenant_id, redaction_version, run_id, status, started_at) VALUES (?, ?, ?, 'RUNNING', now())"
                + " ON CONFLICT (tenant_id) DO UPDATE SET run_id = EXCLUDED.run_id, status = 'RUNNING',"
                + " finished_at = NULL, after_id = CASE WHEN " + resume + " THEN r.after_id END,"
                + " examined = CASE WHEN " + resume + " THEN r.examined ELSE 0 END,"
                + " changed = CASE WHEN " + resume + " THEN r.changed ELSE 0 END,"
                + " started_at = CASE WHEN " + resume + " THEN r.started_at ELSE now() END,"
                + " redaction_version = EXCLUDED.redaction_version"
                + (onlyOutdated ? " WHERE r.redaction_version < EXCLUDED.redaction_version OR " + resume : ""))
                .setParameter(1, tenant.value()).setParameter(2, KycReader.REDACTION_VERSION).setParameter(3, runId)
                .executeUpdate();
        if (started == 0) {
            return false;
        }
        jobs.enqueue(tenant, RedactionRescan.KIND, runId);
        return true;
    }

    /** @return the current tenant's marker, locked until the transaction ends, if it has one */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Marker> lock() {
        List<?> rows = em().createNativeQuery("SELECT redaction_version, run_id, status, after_id, examined, changed"
                + " FROM document_redaction_rescan WHERE tenant_id = ? FOR UPDATE").setParameter(1, tenant())
                .getResultList();
        return rows.stream().findFirst().map(r -> (Object[]) r).map(r -> new Marker(((Number) r[0]).intValue(),
                (String) r[1], "RUNNING".equals(r[2]), (String) r[3], ((Number) r[4]).intValue(),
                ((Number) r[5]).intValue()));
    }

    /** Records a batch: the documents up to {@code afterId} are done. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void advance(String afterId, int examined, int changed) {
        em().createNativeQuery("UPDATE document_redaction_rescan SET after_id = ?, examined = examined + ?,"
                + " changed = changed + ? WHERE tenant_id = ?").setParameter(1, afterId).setParameter(2, examined)
                .setParameter(3, changed).setParameter(4, tenant()).executeUpdate();
    }

    /** Records the last batch: the run is DONE. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void finish(int examined, int changed) {
        em().createNativeQuery("UPDATE document_redaction_rescan SET status = 'DONE', finished_at = now(),"
                + " after_id = NULL, examined = examined + ?, changed = changed + ? WHERE tenant_id = ?")
                .setParameter(1, examined).setParameter(2, changed).setParameter(3, tenant()).executeUpdate();
    }

    private EntityManager em() {
        return persistence.tenant(unit);
    }

    private String tenant() {
        return tenants.current().id().value();
    }
}
