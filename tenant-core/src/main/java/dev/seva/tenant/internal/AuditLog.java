package dev.seva.tenant.internal;

import dev.seva.sdk.SevaPrincipal;
import dev.seva.sdk.TenantId;
import dev.seva.tenant.AuditTrail;
import dev.seva.tenant.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The audit trail: appends to a tenant's hash chain inside the caller's transaction (serialised per tenant by a
 * transaction-scoped advisory lock, so that concurrent writers cannot fork the chain), lists it and verifies it.
 * Anonymous failures are aggregated per client address ({@link AuditRepeats}).
 */
@ApplicationScoped
public class AuditLog implements AuditTrail {

    @Inject
    TenantEntityManagers ems;

    @Inject
    RequestTenantContext request;

    @Inject
    CurrentUser currentUser;

    @Inject
    AuditRepeats repeats;

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(TenantId tenant, String action, String targetType, String targetId, String details) {
        String actor = currentUser.get().map(SevaPrincipal::email).orElse("anonymous");
        recordAs(tenant, actor, action, targetType, targetId, details);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAs(TenantId tenant, String actor, String action, String targetType, String targetId,
            String details) {
        append(tenant, actor, action, targetType, targetId, request.clientIp(), request.requestId(), details);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordRepeated(TenantId tenant, String action, String targetType, String targetId, String details) {
        String actor = currentUser.get().map(SevaPrincipal::email).orElse("anonymous");
        recordRepeatedAs(tenant, actor, action, targetType, targetId, details);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordRepeatedAs(TenantId tenant, String actor, String action, String targetType, String targetId,
            String details) {
        if (repeats.firstOfWindow(tenant, action, targetId)) {
            recordAs(tenant, actor, action, targetType, targetId, details);
        }
    }

    /**
     * Appends {@link AuditRepeats}' summary of repeated failures from one address, off any request, in a transaction
     * of its own.
     */
    @ActivateRequestContext
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordSummary(TenantId tenant, String action, String source, String details) {
        append(tenant, "anonymous", action, "source", source, source, null, details);
    }

    private void append(TenantId tenant, String actor, String action, String targetType, String targetId, String ip,
            String requestId, String details) {
        EntityManager em = ems.forTenant(tenant);
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))").setParameter(1, "audit:" + tenant)
                .getResultList();
        List<AuditEventRecord> last = em
                .createQuery("SELECT a FROM AuditEvent a ORDER BY a.seq DESC", AuditEventRecord.class)
                .setMaxResults(1).getResultList();
        long seq = last.isEmpty() ? 1 : last.get(0).getSeq() + 1;
        String prev = last.isEmpty() ? AuditChain.GENESIS : last.get(0).getHash();
        AuditChain.Link link = new AuditChain.Link(Timestamps.now(), cut(actor, 254), action, targetType,
                cut(targetId, 254), cut(ip, 64), requestId, cut(details, 2000));
        em.persist(new AuditEventRecord(UUID.randomUUID().toString(), seq, link, prev,
                AuditChain.hash(tenant.value(), seq, prev, link)));
    }

    /** One audit event as shown by the API. */
    public record EventView(String id, long seq, java.time.OffsetDateTime occurredAt, String actor, String action,
            String targetType, String targetId, String ip, String requestId, String details, String prevHash,
            String hash) {
    }

    /** The result of checking a chain. */
    public record Verification(boolean valid, long checked, Long brokenAtSeq, String reason) {
    }

    /** @return a page of the tenant's events, newest first, with their total */
    @Transactional
    public Page<EventView> page(TenantId tenant, int page, int size) {
        EntityManager em = ems.forTenant(tenant);
        List<EventView> items = em
                .createQuery("SELECT a FROM AuditEvent a ORDER BY a.seq DESC", AuditEventRecord.class)
                .setFirstResult(page * size).setMaxResults(size).getResultList().stream().map(AuditLog::view)
                .toList();
        return new Page<>(items, page, size,
                em.createQuery("SELECT COUNT(a) FROM AuditEvent a", Long.class).getSingleResult());
    }

    /** Recomputes every link of the tenant's chain, oldest first, and reports the first break. */
    @Transactional
    public Verification verify(TenantId tenant) {
        EntityManager em = ems.forTenant(tenant);
        String prev = AuditChain.GENESIS;
        long expectedSeq = 1;
        int batch = 500;
        while (true) {
            List<AuditEventRecord> rows = new ArrayList<>(em
                    .createQuery("SELECT a FROM AuditEvent a WHERE a.seq >= :from ORDER BY a.seq",
                            AuditEventRecord.class)
                    .setParameter("from", expectedSeq).setMaxResults(batch).getResultList());
            for (AuditEventRecord r : rows) {
                if (r.getSeq() != expectedSeq) {
                    return new Verification(false, expectedSeq - 1, expectedSeq,
                            "event " + expectedSeq + " is missing");
                }
                if (!r.getPrevHash().equals(prev)) {
                    return new Verification(false, expectedSeq - 1, r.getSeq(),
                            "event " + r.getSeq() + " does not link to the event before it");
                }
                String recomputed = AuditChain.hash(tenant.value(), r.getSeq(), r.getPrevHash(), r.link());
                if (!recomputed.equals(r.getHash())) {
                    return new Verification(false, expectedSeq - 1, r.getSeq(),
                            "event " + r.getSeq() + " was altered after it was written");
                }
                prev = r.getHash();
                expectedSeq++;
            }
            if (rows.size() < batch) {
                return new Verification(true, expectedSeq - 1, null, null);
            }
            em.clear();
        }
    }

    private static EventView view(AuditEventRecord r) {
        AuditChain.Link l = r.link();
        return new EventView(r.getId(), r.getSeq(), l.occurredAt(), l.actor(), l.action(), l.targetType(),
                l.targetId(), l.ip(), l.requestId(), l.details(), r.getPrevHash(), r.getHash());
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
