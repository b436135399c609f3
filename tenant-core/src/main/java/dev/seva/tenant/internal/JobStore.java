package dev.seva.tenant.internal;

import dev.seva.sdk.TenantId;
import dev.seva.tenant.Job;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The worker's side of the job table: claiming due jobs across tenants (through {@code seva_claim_jobs}, the one
 * cross-tenant operation, fair between tenants) and moving one job along under its tenant's RLS setting, each in a transaction of its own.
 */
@ApplicationScoped
public class JobStore {

    /** A claimed job: what the claim function answers. */
    public record Claimed(String id, TenantId tenant, String kind) {
    }

    @PersistenceUnit(unitName = "seva")
    EntityManagerFactory emf;

    @Resource(lookup = "jdbc/seva")
    DataSource dataSource;

    /**
     * Leases up to {@code max} due jobs of any tenant, of the given kinds (one lane's kinds this node has handlers
     * for), tenants taking turns and none with more than {@code maxPerTenant} of these kinds running across all
     * nodes; autocommit, outside any transaction.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public List<Claimed> claim(int max, Duration lease, java.util.Set<String> kinds, int maxPerTenant)
            throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c
                        .prepareStatement("SELECT job_id, job_tenant, job_kind FROM seva_claim_jobs(?, ?, ?, ?)")) {
            ps.setInt(1, max);
            ps.setInt(2, (int) lease.toSeconds());
            ps.setArray(3, c.createArrayOf("varchar", kinds.toArray()));
            ps.setInt(4, maxPerTenant);
            List<Claimed> claimed = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    claimed.add(new Claimed(rs.getString(1), new TenantId(rs.getString(2)), rs.getString(3)));
                }
            }
            return claimed;
        }
    }

    /** @return the job to run, with its lease set to {@code lease}; empty when it is no longer running */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Job> start(TenantId tenant, String id, Duration lease) {
        return inTenant(tenant, em -> {
            JobRecord r = em.find(JobRecord.class, id);
            if (r == null || !"RUNNING".equals(r.getStatus())) {
                return Optional.empty();
            }
            r.lease(Timestamps.now().plus(lease));
            return Optional.of(new Job(UUID.fromString(r.getId()), tenant, r.getKind(), r.getPayload(),
                    r.getAttempts()));
        });
    }

    /**
     * Renews the lease of a job that is still running (the worker's heartbeat), so that a long job keeps it while its
     * node lives and a short lease still frees the job of a node that died.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void extend(TenantId tenant, String id, Duration lease) {
        inTenant(tenant, em -> {
            JobRecord r = em.find(JobRecord.class, id);
            if (r != null && "RUNNING".equals(r.getStatus())) {
                r.lease(Timestamps.now().plus(lease));
            }
            return null;
        });
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void done(TenantId tenant, String id) {
        inTenant(tenant, em -> {
            JobRecord r = em.find(JobRecord.class, id);
            if (r != null) {
                r.done();
            }
            return null;
        });
    }

    /** @param retryAt when to try again, or null to give up (FAILED) */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(TenantId tenant, String id, String error, OffsetDateTime retryAt) {
        inTenant(tenant, em -> {
            JobRecord r = em.find(JobRecord.class, id);
            if (r != null) {
                r.failed(error, retryAt);
            }
            return null;
        });
    }

    private <T> T inTenant(TenantId tenant, Function<EntityManager, T> work) {
        EntityManager em = TenantEntityManagers.create(emf, tenant);
        try {
            em.joinTransaction();
            T result = work.apply(em);
            em.flush();
            return result;
        } finally {
            em.close();
        }
    }
}
