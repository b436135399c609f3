package dev.seva.tenant.internal;

import dev.seva.sdk.TenantId;
import dev.seva.tenant.Jobs;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@link Jobs} on the {@code job} table; wakes this node's worker when the enqueuing transaction commits. */
@ApplicationScoped
public class DefaultJobs implements Jobs {

    @Inject
    TenantEntityManagers ems;

    @Inject
    JobWorker worker;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID enqueue(TenantId tenant, String kind, String payload) {
        return enqueueAt(tenant, kind, payload, Timestamps.now());
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID enqueueAt(TenantId tenant, String kind, String payload, OffsetDateTime runAt) {
        if (kind == null || kind.isBlank() || kind.length() > 100) {
            throw new IllegalArgumentException("A job kind is 1 to 100 characters");
        }
        UUID id = UUID.randomUUID();
        ems.forTenant(tenant).persist(new JobRecord(id.toString(), kind, payload, runAt));
        if (!runAt.isAfter(Timestamps.now())) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        worker.wake();
                    }
                }
            });
        }
        return id;
    }

    @Override
    @Transactional
    public List<FailedJob> failures(TenantId tenant, String kind, int limit) {
        if (limit < 1 || limit > 200) {
            throw new IllegalArgumentException("limit is 1 to 200");
        }
        return ems.forTenant(tenant).createQuery("SELECT j FROM Job j WHERE j.kind = :k AND j.lastError IS NOT NULL"
                + " AND j.status IN ('PENDING', 'FAILED') ORDER BY j.updatedAt DESC, j.id", JobRecord.class)
                .setParameter("k", kind).setMaxResults(limit).getResultList().stream()
                .map(r -> new FailedJob(UUID.fromString(r.getId()), r.getPayload(), r.getStatus(), r.getAttempts(),
                        r.getRunAt(), r.getUpdatedAt(), r.getLastError()))
                .toList();
    }

    @Override
    @Transactional
    public Optional<JobState> find(TenantId tenant, UUID id) {
        return Optional.ofNullable(ems.forTenant(tenant).find(JobRecord.class, id.toString()))
                .map(r -> new JobState(UUID.fromString(r.getId()), r.getKind(), r.getStatus(), r.getAttempts(),
                        r.getRunAt(), r.getLastError()));
    }
}
