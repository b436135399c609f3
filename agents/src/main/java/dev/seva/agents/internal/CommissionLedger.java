package dev.seva.agents.internal;

import dev.seva.agents.CommissionMath;
import dev.seva.agents.CommissionMath.OverrideRate;
import dev.seva.agents.CommissionMath.Rule;
import dev.seva.agents.CommissionMath.RuleKind;
import dev.seva.sdk.TenantId;
import dev.seva.sdk.events.PaymentCaptured;
import dev.seva.sdk.events.PaymentRefunded;
import dev.seva.tenant.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes the commission ledger from the payment events, in the payments module's transaction (the events are
 * synchronous and fired inside it), for the payment's tenant only.
 *
 * <ul>
 * <li>{@link PaymentCaptured}: when the invoice's entity was referred by an agent (the earner) and a plan is in force
 * on the payment's date (India), one ACCRUAL for the earner on the payment's taxable value, and one OVERRIDE for the
 * agent {@code n} levels above the earner for each override level {@code n} of the plan (a share of the earner's
 * accrual).</li>
 * <li>{@link PaymentRefunded}: a CLAWBACK for every ACCRUAL and OVERRIDE that payment caused, in proportion to the
 * refunded taxable value (see {@link CommissionMath#clawback}).</li>
 * </ul>
 * Every insert is {@code INSERT ... ON CONFLICT DO NOTHING} on the unique key (tenant, payment or refund id, agent,
 * kind): an event delivered twice, or from two threads, writes each entry once.
 */
@ApplicationScoped
public class CommissionLedger {

    static final ZoneId IST = ZoneId.of("Asia/Kolkata");

    @Inject
    AgentsUnit unit;

    @Inject
    AuditTrail audit;

    /** Accrues the commissions of a captured payment. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onCaptured(@Observes PaymentCaptured e) {
        if (e.entityId() == null || e.taxablePaise() <= 0) {
            return;
        }
        EntityManager em = unit.em(e.tenant());
        AgentClientRecord client = em.find(AgentClientRecord.class, e.entityId());
        if (client == null) {
            return;
        }
        AgentRecord earner = em.find(AgentRecord.class, client.agentId);
        LocalDate day = e.capturedAt().atZone(IST).toLocalDate();
        Optional<Plans.Plan> found = Plans.inForce(em, earner.planId, day);
        if (found.isEmpty()) {
            audit.record(e.tenant(), "COMMISSION_NO_PLAN", "agent", earner.id, "payment " + e.paymentId());
            return;
        }
        Plans.Plan plan = found.get();
        Optional<Rule> rule = CommissionMath.ruleFor(plan.rules(), e.serviceCategory());
        if (rule.isEmpty()) {
            return;
        }
        long before = rule.get().kind() == RuleKind.SLAB ? monthVolume(em, earner.id, day, e.paymentId()) : 0;
        long amount = CommissionMath.commission(rule.get(), e.taxablePaise(), before);
        LocalDate hold = day.plusDays(plan.holdDays());
        BigDecimal rate = rule.get().kind() == RuleKind.PERCENT ? rule.get().ratePercent() : null;
        insert(em, e.tenant(), earner.id, "ACCRUAL", amount, e.paymentId(), e.paymentId(), null, e, plan.id(),
                earner.id, 0, e.taxablePaise(), rate, hold, e.capturedAt(), rule.get().kind() + " rule");
        String up = earner.parentAgentId;
        int level = 1;
        for (OverrideRate o : plan.overrides()) {
            while (up != null && level < o.level()) {
                up = em.find(AgentRecord.class, up).parentAgentId;
                level++;
            }
            if (up == null) {
                break;
            }
            insert(em, e.tenant(), up, "OVERRIDE", CommissionMath.override(amount, o), e.paymentId(), e.paymentId(),
                    null, e, plan.id(), earner.id, o.level(), e.taxablePaise(), o.ratePercent(), hold,
                    e.capturedAt(), "level " + o.level() + " override of " + earner.id);
        }
    }

    /** Claws back the commissions a refunded payment caused. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onRefunded(@Observes PaymentRefunded e) {
        if (e.paymentId() == null || e.taxablePaise() <= 0) {
            return;
        }
        clawBack(unit.em(e.tenant()), e);
    }

    /**
     * Writes a CLAWBACK for every ACCRUAL and OVERRIDE of the refunded payment, in proportion to the refunded taxable
     * value and net of this payment's earlier refunds (see {@link CommissionMath#clawback}); shared with the batch
     * path ({@link CommissionBackfill}), which replays the refunds of the payments it accrues.
     *
     * @return the entries written
     */
    static int clawBack(EntityManager em, PaymentRefunded e) {
        List<EntryRecord> caused = em.createQuery("SELECT x FROM CommissionEntry x WHERE x.paymentId = :p AND"
                + " x.kind IN ('ACCRUAL', 'OVERRIDE') ORDER BY x.level", EntryRecord.class)
                .setParameter("p", e.paymentId()).getResultList();
        int written = 0;
        for (EntryRecord x : caused) {
            // the taxable value of this payment's earlier refunds, as recorded on this agent's clawbacks
            Number earlier = (Number) em.createNativeQuery("SELECT coalesce(sum(basis_paise), 0) FROM"
                    + " commission_entry WHERE payment_id = ?1 AND agent_id = ?2 AND kind = 'CLAWBACK' AND"
                    + " source_id <> ?3").setParameter(1, e.paymentId()).setParameter(2, x.agentId)
                    .setParameter(3, e.refundId()).getSingleResult();
            long claw = CommissionMath.clawback(x.amountPaise, x.basisPaise, earlier.longValue(), e.taxablePaise());
            written += insert(em, e.tenant(), x.agentId, "CLAWBACK", -claw, e.refundId(), e.paymentId(), e
                    .refundId(), new Refs(e.invoiceId(), e.entityId()), x.planId, x.earnerAgentId, x.level,
                    e
                            .taxablePaise(),
                    x.ratePercent, null, e.refundedAt(), "refund of " + x.kind + " " + x.id);
        }
        return written;
    }

    private record Refs(String invoiceId, String entityId) {
    }

    private static void insert(EntityManager em, TenantId tenant, String agentId, String kind, long amount,
            String sourceId, String paymentId, String refundId, PaymentCaptured e, String planId, String earner,
            int level, long basis, BigDecimal rate, LocalDate hold, Instant at, String note) {
        insert(em, tenant, agentId, kind, amount, sourceId, paymentId, refundId, new Refs(e.invoiceId(), e.entityId()),
                planId, earner, level, basis, rate, hold, at, note);
    }

    private static int insert(EntityManager em, TenantId tenant, String agentId, String kind, long amount,
            String sourceId, String paymentId, String refundId, Refs refs, String planId, String earner, int level,
            long basis, BigDecimal rate, LocalDate hold, Instant at, String note) {
        return em.createNativeQuery(
                "INSERT INTO commission_entry (id, tenant_id, agent_id, kind, amount_paise, source_id,"
                        + " payment_id, refund_id, invoice_id, entity_id, plan_id, earner_agent_id, level, basis_paise,"
                        + " rate_percent, hold_until, occurred_at, created_at, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7,"
                        + " CAST(?8 AS varchar), ?9, ?10, ?11, ?12, ?13, ?14, CAST(?15 AS numeric), CAST(?16 AS date),"
                        + " CAST(?17 AS timestamptz), now(), ?18) ON CONFLICT (tenant_id, source_id, agent_id, kind) DO"
                        + " NOTHING")
                .setParameter(1, UUID.randomUUID().toString()).setParameter(2, tenant.value())
                .setParameter(3, agentId).setParameter(4, kind).setParameter(5, amount).setParameter(6, sourceId)
                .setParameter(7, paymentId).setParameter(8, refundId).setParameter(9, refs.invoiceId())
                .setParameter(10, refs.entityId()).setParameter(11, planId).setParameter(12, earner)
                .setParameter(13, level).setParameter(14, basis)
                .setParameter(15, rate == null ? null : rate.toPlainString())
                .setParameter(16, hold == null ? null : hold.toString())
                .setParameter(17, OffsetDateTime.ofInstant(at, ZoneOffset.UTC).toString()).setParameter(18, note)
                .executeUpdate();
    }

    /** @return the earner's captured taxable volume (its accruals' basis) earlier in the payment's month */
    private static long monthVolume(EntityManager em, String agentId, LocalDate day, String paymentId) {
        OffsetDateTime from = day.withDayOfMonth(1).atStartOfDay(IST).toOffsetDateTime();
        OffsetDateTime to = day.withDayOfMonth(1).plusMonths(1).atStartOfDay(IST).toOffsetDateTime();
        Number n = (Number) em.createNativeQuery("SELECT coalesce(sum(basis_paise), 0) FROM commission_entry WHERE"
                + " agent_id = ?1 AND kind = 'ACCRUAL' AND occurred_at >= CAST(?2 AS timestamptz) AND occurred_at <"
                + " CAST(?3 AS timestamptz) AND source_id <> ?4").setParameter(1, agentId)
                .setParameter(2, from.toString()).setParameter(3, to.toString()).setParameter(4, paymentId)
                .getSingleResult();
        return n.longValue();
    }
}
