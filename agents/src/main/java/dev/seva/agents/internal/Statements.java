package dev.seva.agents.internal;

import dev.seva.sdk.SevaException;
import dev.seva.tenant.Page;
import dev.seva.tenant.Tenants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * An agent's ledger and monthly statements. Balances are sums of entries, never stored. Months and dates are those of
 * India (Asia/Kolkata) and entries fall in them by {@code occurredAt} (when the payment was captured or the refund
 * processed).
 */
@ApplicationScoped
@Transactional
public class Statements {

    @Inject
    AgentsUnit unit;

    @Inject
    Agents agents;

    @Inject
    Tenants tenants;

    /** A ledger entry as shown; {@code amountPaise} is signed (CLAWBACK, TDS and PAYOUT are negative). */
    public record EntryView(String id, String kind, long amountPaise, String paymentId, String refundId,
            String invoiceId, String entityId, String planId, String earnerAgentId, int level, long basisPaise,
            BigDecimal ratePercent, LocalDate holdUntil, OffsetDateTime occurredAt, OffsetDateTime createdAt,
            String note) {
    }

    /**
     * A month's statement. {@code clawedBackPaise}, {@code tdsPaise} and {@code paidPaise} are positive amounts
     * taken off; {@code closingPaise = openingPaise + accruedPaise + overridesPaise + adjustmentsPaise −
     * clawedBackPaise − tdsPaise − paidPaise}.
     */
    public record Statement(String agentId, String month, long openingPaise, long accruedPaise, long overridesPaise,
            long adjustmentsPaise, long clawedBackPaise, long tdsPaise, long paidPaise, long closingPaise,
            long balancePaise) {
    }

    /** @return the agent's entries with {@code occurredAt} in [from, to] (dates in India), oldest first */
    public Page<EntryView> ledger(String agentId, String from, String to, int page, int size) {
        if (page < 0 || size < 1 || size > 500) {
            throw SevaException.invalidField("size", "page >= 0, size 1 to 500");
        }
        LocalDate f = date("from", from, LocalDate.of(2000, 1, 1));
        LocalDate t = date("to", to, LocalDate.of(9999, 12, 30));
        if (t.isBefore(f)) {
            throw SevaException.invalidField("to", "is before from");
        }
        EntityManager em = unit.em();
        AgentRecord a = agents.require(em, agentId);
        OffsetDateTime lo = f.atStartOfDay(CommissionLedger.IST).toOffsetDateTime();
        OffsetDateTime hi = t.plusDays(1).atStartOfDay(CommissionLedger.IST).toOffsetDateTime();
        long total = em.createQuery("SELECT count(x) FROM CommissionEntry x WHERE x.agentId = :a AND x.occurredAt >="
                + " :lo AND x.occurredAt < :hi", Long.class).setParameter("a", a.id).setParameter("lo", lo)
                .setParameter("hi", hi).getSingleResult();
        List<EntryView> items = em.createQuery("SELECT x FROM CommissionEntry x WHERE x.agentId = :a AND"
                + " x.occurredAt >= :lo AND x.occurredAt < :hi ORDER BY x.occurredAt, x.level, x.id",
                EntryRecord.class).setParameter("a", a.id).setParameter("lo", lo).setParameter("hi", hi)
                .setFirstResult(page * size).setMaxResults(size).getResultList().stream().map(Statements::view)
                .toList();
        return new Page<>(items, page, size, total);
    }

    /** A statement file: its name, media type and bytes. */
    public record Download(String fileName, String mediaType, byte[] bytes) {
    }

    /**
     * @return the statement of {@code month} as {@code csv} or {@code pdf}: the firm, the agent, the opening balance,
     *         every entry of the month (accruals, overrides, clawbacks, adjustments, TDS, payouts) with the running
     *         balance, the totals and the closing balance
     */
    public Download download(String agentId, String month, String format) {
        Statement s = statement(agentId, month);
        EntityManager em = unit.em();
        AgentRecord a = agents.require(em, agentId);
        YearMonth m = YearMonth.parse(s.month());
        OffsetDateTime lo = m.atDay(1).atStartOfDay(CommissionLedger.IST).toOffsetDateTime();
        OffsetDateTime hi = m.plusMonths(1).atDay(1).atStartOfDay(CommissionLedger.IST).toOffsetDateTime();
        List<EntryRecord> entries = em.createQuery("SELECT x FROM CommissionEntry x WHERE x.agentId = :a AND"
                + " x.occurredAt >= :lo AND x.occurredAt < :hi ORDER BY x.occurredAt, x.level, x.id",
                EntryRecord.class).setParameter("a", a.id).setParameter("lo", lo).setParameter("hi", hi)
                .getResultList();
        String firm = tenants.current().name();
        String base = "statement-" + a.referralCode + "-" + s.month();
        if ("csv".equals(format)) {
            return new Download(base + ".csv", "text/csv; charset=UTF-8",
                    StatementFiles.csv(firm, a.name, a.referralCode, s, entries).getBytes(StandardCharsets.UTF_8));
        }
        if ("pdf".equals(format)) {
            return new Download(base + ".pdf", "application/pdf",
                    StatementFiles.pdf(firm, a.name, a.referralCode, s, entries));
        }
        throw SevaException.invalidField("format", "must be json, csv or pdf");
    }

    /** @return the agent's statement of {@code month} (YYYY-MM) */
    public Statement statement(String agentId, String month) {
        YearMonth m;
        try {
            m = YearMonth.parse(month == null ? "" : month);
        } catch (DateTimeParseException e) {
            throw SevaException.invalidField("month", "must be YYYY-MM");
        }
        EntityManager em = unit.em();
        AgentRecord a = agents.require(em, agentId);
        OffsetDateTime lo = m.atDay(1).atStartOfDay(CommissionLedger.IST).toOffsetDateTime();
        OffsetDateTime hi = m.plusMonths(1).atDay(1).atStartOfDay(CommissionLedger.IST).toOffsetDateTime();
        long opening = sum(em, a.id, null, OffsetDateTime.parse("2000-01-01T00:00Z"), lo);
        long accrued = sum(em, a.id, "ACCRUAL", lo, hi);
        long overrides = sum(em, a.id, "OVERRIDE", lo, hi);
        long adjustments = sum(em, a.id, "ADJUSTMENT", lo, hi);
        long clawed = -sum(em, a.id, "CLAWBACK", lo, hi);
        long tds = -sum(em, a.id, "TDS", lo, hi);
        long paid = -sum(em, a.id, "PAYOUT", lo, hi);
        long closing = sum(em, a.id, null, OffsetDateTime.parse("2000-01-01T00:00Z"), hi);
        long balance = ((Number) em.createQuery("SELECT coalesce(sum(x.amountPaise), 0) FROM CommissionEntry x WHERE"
                + " x.agentId = :a").setParameter("a", a.id).getSingleResult()).longValue();
        return new Statement(a.id, m.toString(), opening, accrued, overrides, adjustments, clawed, tds, paid, closing,
                balance);
    }

    private static long sum(EntityManager em, String agent, String kind, OffsetDateTime lo, OffsetDateTime hi) {
        String q = "SELECT coalesce(sum(x.amountPaise), 0) FROM CommissionEntry x WHERE x.agentId = :a AND"
                + " x.occurredAt >= :lo AND x.occurredAt < :hi" + (kind == null ? "" : " AND x.kind = :k");
        var query = em.createQuery(q).setParameter("a", agent).setParameter("lo", lo).setParameter("hi", hi);
        if (kind != null) {
            query.setParameter("k", kind);
        }
        return ((Number) query.getSingleResult()).longValue();
    }

    private static LocalDate date(String field, String value, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw SevaException.invalidField(field, "must be a date YYYY-MM-DD");
        }
    }

    static EntryView view(EntryRecord x) {
        return new EntryView(x.id, x.kind, x.amountPaise, x.paymentId, x.refundId, x.invoiceId, x.entityId, x.planId,
                x.earnerAgentId, x.level, x.basisPaise, x.ratePercent, x.holdUntil, x.occurredAt, x.createdAt,
                x.note);
    }
}
