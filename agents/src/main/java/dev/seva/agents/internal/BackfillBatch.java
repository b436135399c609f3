package dev.seva.agents.internal;

import dev.seva.sdk.TenantId;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The entries of one batch INSERT of {@link CommissionBackfill}, column by column, written with one
 * {@code INSERT ... SELECT FROM unnest(arrays) ON CONFLICT DO NOTHING}.
 */
final class BackfillBatch {

    final List<String> agent = new ArrayList<>();
    final List<String> kind = new ArrayList<>();
    final List<Long> amount = new ArrayList<>();
    final List<String> source = new ArrayList<>();
    final List<String> invoice = new ArrayList<>();
    final List<String> entity = new ArrayList<>();
    final List<String> plan = new ArrayList<>();
    final List<String> earner = new ArrayList<>();
    final List<Integer> level = new ArrayList<>();
    final List<Long> basis = new ArrayList<>();
    final List<BigDecimal> rate = new ArrayList<>();
    final List<String> hold = new ArrayList<>();
    final List<String> at = new ArrayList<>();
    final List<String> note = new ArrayList<>();
    int payments;

    void add(String agentId, String k, long amountPaise, String paymentId, String invoiceId, String entityId,
            String planId, String earnerId, int lvl, long basisPaise, BigDecimal ratePercent, LocalDate holdUntil,
            Instant occurred, String text) {
        agent.add(agentId);
        kind.add(k);
        amount.add(amountPaise);
        source.add(paymentId);
        invoice.add(invoiceId);
        entity.add(entityId);
        plan.add(planId);
        earner.add(earnerId);
        level.add(lvl);
        basis.add(basisPaise);
        rate.add(ratePercent);
        hold.add(holdUntil.toString());
        at.add(occurred.toString());
        note.add(text);
    }

    /** @return the payments this batch accrues (their ACCRUAL entries' source) */
    List<String> accruedPayments() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < kind.size(); i++) {
            if ("ACCRUAL".equals(kind.get(i))) {
                out.add(source.get(i));
            }
        }
        return out;
    }

    /** @return the entries inserted */
    int write(Connection c, TenantId tenant) throws SQLException {
        int n = agent.size();
        if (n == 0) {
            return 0;
        }
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = UUID.randomUUID().toString();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO commission_entry (id, tenant_id, agent_id, kind,"
                + " amount_paise, source_id, payment_id, refund_id, invoice_id, entity_id, plan_id, earner_agent_id,"
                + " level, basis_paise, rate_percent, hold_until, occurred_at, created_at, note) SELECT u.id, ?,"
                + " u.agent, u.kind, u.amount, u.source, u.source, NULL, u.invoice, u.entity, u.plan, u.earner,"
                + " u.level, u.basis, u.rate, u.hold, u.at, now(), u.note FROM unnest(CAST(? AS varchar[]),"
                + " CAST(? AS varchar[]), CAST(? AS varchar[]), CAST(? AS bigint[]), CAST(? AS varchar[]),"
                + " CAST(? AS varchar[]), CAST(? AS varchar[]), CAST(? AS varchar[]), CAST(? AS varchar[]),"
                + " CAST(? AS int[]), CAST(? AS bigint[]), CAST(? AS numeric[]), CAST(CAST(? AS varchar[]) AS"
                + " date[]), CAST(CAST(? AS varchar[]) AS timestamptz[]), CAST(? AS varchar[])) AS u(id, agent, kind,"
                + " amount, source, invoice, entity, plan, earner, level, basis, rate, hold, at, note) ON CONFLICT"
                + " (tenant_id, source_id, agent_id, kind) DO NOTHING")) {
            s.setString(1, tenant.value());
            s.setArray(2, c.createArrayOf("varchar", ids));
            s.setArray(3, c.createArrayOf("varchar", agent.toArray()));
            s.setArray(4, c.createArrayOf("varchar", kind.toArray()));
            s.setArray(5, c.createArrayOf("int8", amount.toArray()));
            s.setArray(6, c.createArrayOf("varchar", source.toArray()));
            s.setArray(7, c.createArrayOf("varchar", invoice.toArray()));
            s.setArray(8, c.createArrayOf("varchar", entity.toArray()));
            s.setArray(9, c.createArrayOf("varchar", plan.toArray()));
            s.setArray(10, c.createArrayOf("varchar", earner.toArray()));
            s.setArray(11, c.createArrayOf("int4", level.toArray()));
            s.setArray(12, c.createArrayOf("int8", basis.toArray()));
            s.setArray(13, c.createArrayOf("numeric", rate.toArray()));
            s.setArray(14, c.createArrayOf("varchar", hold.toArray()));
            s.setArray(15, c.createArrayOf("varchar", at.toArray()));
            s.setArray(16, c.createArrayOf("varchar", note.toArray()));
            return s.executeUpdate();
        }
    }
}
