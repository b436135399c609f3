package dev.seva.agents.internal;

import dev.seva.agents.Tds;
import dev.seva.sdk.ErrorCode;
import dev.seva.sdk.SevaException;
import dev.seva.sdk.SevaPrincipal;
import dev.seva.tenant.AuditTrail;
import dev.seva.tenant.Caller;
import dev.seva.tenant.Page;
import dev.seva.tenant.TenantCrypto;
import dev.seva.tenant.TenantInfo;
import dev.seva.tenant.Tenants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.Config;

/**
 * Payout runs: for a period end, every agent's balance of entries past their hold, paid with TDS under section 194H
 * withheld ({@link Tds}); a negative balance is carried forward, an agent without a bank account skipped. One run per
 * (tenant, period end): running it again answers the same run and writes nothing; runs go forward in time.
 */
@ApplicationScoped
@Transactional
public class Payouts {

    @Inject
    AgentsUnit unit;

    @Inject
    Tenants tenants;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    @Inject
    TenantCrypto crypto;

    @Inject
    Config config;

    /** The run request. */
    public record NewRun(String periodEnd) {
    }

    /** One agent paid. */
    public record PayoutView(String agentId, String agentName, long grossPaise, long tdsPaise, long netPaise,
            String reference, String status) {
    }

    /** One agent not paid, and why: NO_BANK_ACCOUNT or NEGATIVE_BALANCE (carried forward). */
    public record SkippedView(String agentId, String agentName, String reason, long balancePaise) {
    }

    /** A run. */
    public record RunView(String id, LocalDate periodEnd, OffsetDateTime createdAt, String createdBy,
            List<PayoutView> payouts, List<SkippedView> skipped) {
    }

    /** A run in a list. */
    public record RunSummary(String id, LocalDate periodEnd, OffsetDateTime createdAt, String createdBy,
            int payoutCount, long grossPaise, long tdsPaise, long netPaise, int skippedCount) {
    }

    /** The run's answer: the run, and whether this request made it. */
    public record Outcome(RunView run, boolean created) {
    }

    /** A bank bulk-transfer file. */
    public record BankFile(String fileName, String csv) {
    }

    /** Makes the run of {@code periodEnd}, or answers the existing one. */
    public Outcome run(NewRun body) {
        LocalDate end;
        try {
            end = LocalDate.parse(body == null || body.periodEnd() == null ? "" : body.periodEnd());
        } catch (DateTimeParseException e) {
            throw SevaException.invalidField("periodEnd", "must be a date YYYY-MM-DD");
        }
        if (end.isAfter(LocalDate.now(CommissionLedger.IST))) {
            throw SevaException.invalidField("periodEnd", "is in the future (India)");
        }
        EntityManager em = unit.em();
        TenantInfo tenant = tenants.current();
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "payout-run:" + tenant.id().value()).getResultList();
        List<PayoutRunRecord> same = em.createQuery("SELECT r FROM PayoutRun r WHERE r.periodEnd = :d",
                PayoutRunRecord.class).setParameter("d", end).getResultList();
        if (!same.isEmpty()) {
            return new Outcome(view(em, same.get(0)), false);
        }
        LocalDate latest = em.createQuery("SELECT max(r.periodEnd) FROM PayoutRun r", LocalDate.class)
                .getSingleResult();
        if (latest != null && latest.isAfter(end)) {
            throw new SevaException(ErrorCode.PAYOUT_PERIOD_INVALID,
                    "A run for " + latest + " exists; a run cannot go back to " + end);
        }
        String runId = UUID.randomUUID().toString();
        String by = caller.principal().map(SevaPrincipal::email).orElse("system");
        em.createNativeQuery("INSERT INTO payout_run (id, tenant_id, period_end, created_at, created_by) VALUES (?1,"
                + " ?2, CAST(?3 AS date), now(), ?4)").setParameter(1, runId).setParameter(2, tenant.id().value())
                .setParameter(3, end.toString()).setParameter(4, by).executeUpdate();

        OffsetDateTime cutoff = end.plusDays(1).atStartOfDay(CommissionLedger.IST).toOffsetDateTime();
        OffsetDateTime fyStart = Tds.financialYearStart(end).atStartOfDay(CommissionLedger.IST).toOffsetDateTime();
        OffsetDateTime paidAt = cutoff.minusNanos(1_000);
        Map<String, Long> balances = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT agent_id, sum(amount_paise) FROM commission_entry WHERE"
                + " occurred_at < CAST(?1 AS timestamptz) AND (hold_until IS NULL OR hold_until <= CAST(?2 AS date))"
                + " GROUP BY agent_id").setParameter(1, cutoff.toString()).setParameter(2, end.toString())
                .getResultList();
        rows.forEach(r -> balances.put(String.valueOf(r[0]), ((Number) r[1]).longValue()));
        Map<String, long[]> year = new HashMap<>(); // agent -> {gross paid before, taxed base before}
        @SuppressWarnings("unchecked")
        List<Object[]> fy = em.createNativeQuery("SELECT agent_id, coalesce(-sum(amount_paise), 0),"
                + " coalesce(sum(CASE WHEN kind = 'TDS' THEN basis_paise ELSE 0 END), 0) FROM commission_entry"
                + " WHERE kind IN ('TDS', 'PAYOUT') AND occurred_at >= CAST(?1 AS timestamptz) AND occurred_at <"
                + " CAST(?2 AS timestamptz) GROUP BY agent_id").setParameter(1, fyStart.toString())
                .setParameter(2, cutoff.toString()).getResultList();
        fy.forEach(r -> year.put(String.valueOf(r[0]), new long[]{((Number) r[1]).longValue(),
                ((Number) r[2]).longValue()}));
        Tds.Config tds = tdsConfig(tenant);
        Map<String, AgentRecord> agents = new HashMap<>();
        em.createQuery("SELECT a FROM Agent a", AgentRecord.class).getResultList().forEach(a -> agents.put(a.id, a));
        long totalNet = 0;
        int paid = 0;
        for (Map.Entry<String, Long> b : balances.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            AgentRecord a = agents.get(b.getKey());
            long gross = b.getValue();
            if (a == null || gross == 0) {
                continue;
            }
            if (gross < 0) {
                em.persist(new PayoutLineRecord(UUID.randomUUID().toString(), runId, a.id, a.name, "SKIPPED",
                        "NEGATIVE_BALANCE", gross, 0, 0, null, null, null, null));
                continue;
            }
            if (a.bankAccountSealed == null) {
                em.persist(new PayoutLineRecord(UUID.randomUUID().toString(), runId, a.id, a.name, "SKIPPED",
                        "NO_BANK_ACCOUNT", gross, 0, 0, null, null, null, null));
                continue;
            }
            long[] before = year.getOrDefault(a.id, new long[2]);
            Tds.Withholding w = Tds.withhold(tds, end, a.pan != null, gross, before[0], before[1]);
            long net = gross - w.taxPaise();
            String reference = "SV" + end.format(DateTimeFormatter.BASIC_ISO_DATE) + a.referralCode;
            if (w.taxPaise() > 0) {
                entry(em, tenant, a.id, "TDS", -w.taxPaise(), runId, w.basePaise(), w.ratePercent(), paidAt,
                        (a.pan == null ? "section 194H TDS at the no-PAN rate (section 206AA) " : "section 194H TDS ")
                                + w.ratePercent().stripTrailingZeros().toPlainString() + "% on "
                                + w.basePaise() + " paise, FY from " + Tds.financialYearStart(end) + ", "
                                + reference);
            }
            if (net > 0) {
                entry(em, tenant, a.id, "PAYOUT", -net, runId, gross, null, paidAt, "payout " + reference);
            }
            em.persist(new PayoutLineRecord(UUID.randomUUID().toString(), runId, a.id, a.name, "PAID", null, gross,
                    w.taxPaise(), net, reference, a.bankAccountName, a.bankAccountSealed, a.bankIfsc));
            totalNet += net;
            paid++;
        }
        em.flush();
        audit.record(tenant.id(), "PAYOUT_RUN_CREATED", "payout_run", runId,
                "period end " + end + ", " + paid + " payouts, net " + totalNet + " paise");
        return new Outcome(view(em, em.find(PayoutRunRecord.class, runId)), true);
    }

    /** @return the runs, newest period first */
    public Page<RunSummary> page(int page, int size) {
        if (page < 0 || size < 1 || size > 200) {
            throw SevaException.invalidField("size", "page >= 0, size 1 to 200");
        }
        EntityManager em = unit.em();
        long total = em.createQuery("SELECT count(r) FROM PayoutRun r", Long.class).getSingleResult();
        List<RunSummary> items = em.createQuery("SELECT r FROM PayoutRun r ORDER BY r.periodEnd DESC",
                PayoutRunRecord.class).setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                .map(r -> {
                    RunView v = view(em, r);
                    return new RunSummary(v.id(), v.periodEnd(), v.createdAt(), v.createdBy(), v.payouts().size(),
                            v.payouts().stream().mapToLong(PayoutView::grossPaise).sum(),
                            v.payouts().stream().mapToLong(PayoutView::tdsPaise).sum(),
                            v.payouts().stream().mapToLong(PayoutView::netPaise).sum(), v.skipped().size());
                }).toList();
        return new Page<>(items, page, size, total);
    }

    /** @return the run; 404 when unknown */
    public RunView get(String id) {
        EntityManager em = unit.em();
        return view(em, require(em, id));
    }

    /**
     * @return the run's bank bulk-transfer file: one row per agent paid (net amount above zero) with beneficiary
     *         name, account number, IFSC, amount in rupees (two decimals, exact from paise) and reference; cells
     *         quoted, and a cell a spreadsheet would read as a formula prefixed with {@code '}
     */
    public BankFile bankFile(String id) {
        EntityManager em = unit.em();
        PayoutRunRecord r = require(em, id);
        TenantInfo tenant = tenants.current();
        StringBuilder b = new StringBuilder("Beneficiary Name,Account Number,IFSC,Amount,Reference\r\n");
        int rows = 0;
        for (PayoutLineRecord l : lines(em, r.id)) {
            if (!"PAID".equals(l.status) || l.netPaise <= 0) {
                continue;
            }
            String number = crypto.openText(tenant.id(), l.accountSealed, Agents.bankAad(l.agentId));
            b.append(Csv.cell(l.accountName)).append(',').append(Csv.cell(number)).append(',')
                    .append(Csv.cell(l.ifsc)).append(',').append(Csv.cell(Csv.rupees(l.netPaise))).append(',')
                    .append(Csv.cell(l.reference)).append("\r\n");
            rows++;
        }
        audit.record(tenant.id(), "PAYOUT_BANK_FILE_EXPORTED", "payout_run", r.id, rows + " rows");
        return new BankFile("payouts-" + r.periodEnd + ".csv", b.toString());
    }

    /** @return the tenant's TDS configuration: {@code seva.agents.tds.<slug>.*}, else {@code seva.agents.tds.*} */
    Tds.Config tdsConfig(TenantInfo tenant) {
        String own = "seva.agents.tds." + tenant.slug() + ".";
        try {
            return Tds.parse(value(own + "rates", "seva.agents.tds.rates"),
                    value(own + "thresholds", "seva.agents.tds.thresholds"),
                    value(own + "no-pan-rate", "seva.agents.tds.no-pan-rate"));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("bad seva.agents.tds configuration: " + e.getMessage(), e);
        }
    }

    private String value(String tenantKey, String key) {
        return config.getOptionalValue(tenantKey, String.class)
                .orElse(config.getOptionalValue(key, String.class).orElse(null));
    }

    private static void entry(EntityManager em, TenantInfo tenant, String agentId, String kind, long amount,
            String runId, long basis, BigDecimal rate, OffsetDateTime at, String note) {
        em.createNativeQuery("INSERT INTO commission_entry (id, tenant_id, agent_id, kind, amount_paise, source_id,"
                + " level, basis_paise, rate_percent, occurred_at, created_at, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6,"
                + " 0, ?7, CAST(?8 AS numeric), CAST(?9 AS timestamptz), now(), ?10) ON CONFLICT (tenant_id,"
                + " source_id, agent_id, kind) DO NOTHING").setParameter(1, UUID.randomUUID().toString())
                .setParameter(2, tenant.id().value()).setParameter(3, agentId).setParameter(4, kind)
                .setParameter(5, amount).setParameter(6, runId).setParameter(7, basis)
                .setParameter(8, rate == null ? null : rate.toPlainString()).setParameter(9, at.toString())
                .setParameter(10, note.length() > 500 ? note.substring(0, 500) : note).executeUpdate();
    }

    private static PayoutRunRecord require(EntityManager em, String id) {
        PayoutRunRecord r = id == null || !id.matches("[0-9a-fA-F-]{36}") ? null : em.find(PayoutRunRecord.class, id);
        if (r == null) {
            throw SevaException.notFound("Payout run");
        }
        return r;
    }

    private static List<PayoutLineRecord> lines(EntityManager em, String runId) {
        return em.createQuery("SELECT l FROM PayoutLine l WHERE l.runId = :r ORDER BY l.agentName, l.agentId",
                PayoutLineRecord.class).setParameter("r", runId).getResultList();
    }

    private static RunView view(EntityManager em, PayoutRunRecord r) {
        List<PayoutView> payouts = new ArrayList<>();
        List<SkippedView> skipped = new ArrayList<>();
        for (PayoutLineRecord l : lines(em, r.id)) {
            if ("PAID".equals(l.status)) {
                payouts.add(new PayoutView(l.agentId, l.agentName, l.grossPaise, l.tdsPaise, l.netPaise, l.reference,
                        l.status));
            } else {
                skipped.add(new SkippedView(l.agentId, l.agentName, l.reason, l.grossPaise));
            }
        }
        return new RunView(r.id, r.periodEnd, r.createdAt, r.createdBy, payouts, skipped);
    }
}
