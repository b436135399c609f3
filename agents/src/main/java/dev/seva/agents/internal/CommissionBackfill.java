package dev.seva.agents.internal;

import dev.seva.agents.CommissionMath;
import dev.seva.agents.CommissionMath.OverrideRate;
import dev.seva.agents.CommissionMath.Rule;
import dev.seva.agents.CommissionMath.RuleKind;
import dev.seva.sdk.Money;
import dev.seva.sdk.SevaException;
import dev.seva.sdk.TenantId;
import dev.seva.sdk.events.PaymentRefunded;
import dev.seva.tenant.AuditTrail;
import dev.seva.tenant.Tenants;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The batch path of the commission ledger, for backfills and imports: accrues the commissions of a tenant's captured
 * payments that have none yet, with the <b>same</b> arithmetic and entries as {@link CommissionLedger#onCaptured}
 * (the same {@link CommissionMath} calls, the plan in force on the payment's date in India, the same override walk up
 * the tree, the same hold date, rate and note), but in chunks: the earners are taken 200 at a time, each chunk in a
 * transaction of its own, their payments read in one query (ordered by earner, capture time and payment id, so a SLAB
 * rule sees the month's earlier volume as the event path would have, had the events come in that order) and the
 * entries written with one {@code INSERT ... SELECT FROM unnest(arrays) ON CONFLICT DO NOTHING} per 5,000 payments.
 *
 * <p>
 * Idempotent like the event path: a payment that has its ACCRUAL already is skipped, and the unique key (tenant,
 * source, agent, kind) keeps every entry single even when the backfill races the events. Everything runs on the
 * tenant's EntityManager's connection, under its row-level security (checked before anything is read). The processed
 * refunds of the payments a run accrues are clawed back in the same run, by the event path's own code
 * ({@link CommissionLedger#clawBack}), so a refund that came before the accrual leaves no commission on money given
 * back.
 */
@ApplicationScoped
public class CommissionBackfill {

    private static final int EARNERS_PER_CHUNK = 200;
    private static final int PAYMENTS_PER_INSERT = 5_000;
    private static final int CHUNK_TIMEOUT_SECONDS = 600;
    private static final Type RULES = new ArrayList<Rule>() {
    }.getClass().getGenericSuperclass();
    private static final Type OVERRIDES = new ArrayList<OverrideRate>() {
    }.getClass().getGenericSuperclass();

    @Inject
    AgentsUnit unit;

    @Inject
    Tenants tenants;

    @Inject
    AuditTrail audit;

    @Resource
    UserTransaction tx;

    /** The request: captured payments of [from, to] (dates in India, both optional). */
    public record Request(String from, String to) {
    }

    /**
     * What a backfill did.
     *
     * @param payments captured payments of attributed entities that had no ACCRUAL yet
     * @param entriesWritten ACCRUAL and OVERRIDE entries inserted
     * @param withoutPlan payments left without commission because no plan was in force
     * @param refundsClawedBack refunds of those payments, already processed, whose CLAWBACKs this run wrote (they
     *        are among {@code entriesWritten})
     * @param millis how long it took
     */
    public record Result(long payments, long entriesWritten, long withoutPlan, long refundsClawedBack, long millis) {
    }

    private record Node(String parentId, String planId) {
    }

    private record PlanVersion(String id, String name, int version, LocalDate from, OffsetDateTime createdAt,
            String rules, String overrides, int holdDays) {
    }

    /** The agents and plans of the tenant, read once. */
    private static final class Context {
        final Map<String, Node> agents = new HashMap<>();
        final List<PlanVersion> plans = new ArrayList<>();
        final Map<String, Optional<Plans.Plan>> inForce = new HashMap<>();
        final Map<String, Long> monthVolume = new HashMap<>();
        long payments;
        long written;
        long withoutPlan;
        long refunds;
    }

    /** Runs the backfill for the request's tenant; one transaction per chunk of earners. */
    public Result run(Request body) {
        long t0 = System.nanoTime();
        LocalDate from = date("from", body == null ? null : body.from(), LocalDate.of(2000, 1, 1));
        LocalDate to = date("to", body == null ? null : body.to(), LocalDate.of(9999, 12, 30));
        if (to.isBefore(from)) {
            throw SevaException.invalidField("to", "is before from");
        }
        OffsetDateTime lo = from.atStartOfDay(CommissionLedger.IST).toOffsetDateTime();
        OffsetDateTime hi = to.plusDays(1).atStartOfDay(CommissionLedger.IST).toOffsetDateTime();
        TenantId tenant = tenants.current().id();
        Context ctx = new Context();
        List<String> earners = inTransaction(() -> load(ctx));
        for (int i = 0; i < earners.size(); i += EARNERS_PER_CHUNK) {
            List<String> chunk = earners.subList(i, Math.min(earners.size(), i + EARNERS_PER_CHUNK));
            inTransaction(() -> {
                accrue(tenant, ctx, chunk.toArray(String[]::new), lo, hi);
                return null;
            });
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        inTransaction(() -> {
            audit.record(tenant, "COMMISSION_BACKFILL", "commission-ledger", tenant.value(), ctx.payments
                    + " payments, " + ctx.written + " entries, " + ctx.refunds + " refunds clawed back, "
                    + ctx.withoutPlan + " without a plan, " + from + " to "
                    + to);
            return null;
        });
        return new Result(ctx.payments, ctx.written, ctx.withoutPlan, ctx.refunds, millis);
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    private <T> T inTransaction(Work<T> work) {
        try {
            tx.setTransactionTimeout(CHUNK_TIMEOUT_SECONDS);
            tx.begin();
            try {
                T out = work.run();
                tx.commit();
                return out;
            } finally {
                if (tx.getStatus() != Status.STATUS_NO_TRANSACTION) {
                    tx.rollback();
                }
                tx.setTransactionTimeout(0);
            }
        } catch (SevaException | IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("commission backfill failed", e);
        }
    }

    /** @return the tenant's connection, after checking that row-level security is set for the tenant */
    private Connection connection(EntityManager em, TenantId tenant) throws SQLException {
        Object set = em.createNativeQuery("SELECT current_setting('seva.tenant_id', true)").getSingleResult();
        if (!tenant.value().equals(set)) {
            throw new IllegalStateException("the tenant's row-level security is not in force");
        }
        Connection c = em.unwrap(Connection.class);
        if (c == null) {
            throw new IllegalStateException("no connection");
        }
        try (PreparedStatement s = c.prepareStatement("SELECT current_setting('seva.tenant_id', true)");
                ResultSet r = s.executeQuery()) {
            if (!r.next() || !tenant.value().equals(r.getString(1))) {
                throw new IllegalStateException("the connection is not the tenant's");
            }
        }
        return c;
    }

    private List<String> load(Context ctx) throws SQLException {
        EntityManager em = unit.em();
        Connection c = connection(em, tenants.current().id());
        try (PreparedStatement s = c.prepareStatement("SELECT id, parent_agent_id, plan_id FROM agent");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                ctx.agents.put(r.getString(1), new Node(r.getString(2), r.getString(3)));
            }
        }
        try (PreparedStatement s = c.prepareStatement("SELECT id, name, plan_version, effective_from, created_at,"
                + " rules, overrides, hold_days FROM commission_plan"); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                ctx.plans.add(new PlanVersion(r.getString(1), r.getString(2), r.getInt(3),
                        r.getObject(4, LocalDate.class), r.getObject(5, OffsetDateTime.class), r.getString(6),
                        r.getString(7), r.getInt(8)));
            }
        }
        List<String> earners = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT agent_id FROM agent_client ORDER BY 1");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                earners.add(r.getString(1));
            }
        }
        return earners;
    }

    /** {@link Plans#inForce}, over the plans read once, with the same order of preference. */
    private static Optional<Plans.Plan> inForce(Context ctx, String agentPlanId, LocalDate day) {
        return ctx.inForce.computeIfAbsent(agentPlanId + "|" + day, k -> {
            PlanVersion best = null;
            if (agentPlanId != null) {
                PlanVersion chosen = ctx.plans.stream().filter(p -> p.id().equals(agentPlanId)).findFirst()
                        .orElse(null);
                if (chosen == null) {
                    return Optional.empty();
                }
                for (PlanVersion p : ctx.plans) {
                    if (p.name().equals(chosen.name()) && !p.from().isAfter(day) && (best == null
                            || p.from().isAfter(best.from())
                            || (p.from().equals(best.from()) && p.version() > best.version()))) {
                        best = p;
                    }
                }
            } else {
                for (PlanVersion p : ctx.plans) {
                    if (!p.from().isAfter(day) && (best == null || p.from().isAfter(best.from())
                            || (p.from().equals(best.from()) && p.createdAt().isAfter(best.createdAt())))) {
                        best = p;
                    }
                }
            }
            return Optional.ofNullable(best).map(p -> new Plans.Plan(p.id(), Plans.JSON.fromJson(p.rules(), RULES),
                    Plans.JSON.fromJson(p.overrides(), OVERRIDES), p.holdDays()));
        });
    }

    private void accrue(TenantId tenant, Context ctx, String[] earners, OffsetDateTime lo, OffsetDateTime hi)
            throws SQLException {
        EntityManager em = unit.em(tenant);
        Connection c = connection(em, tenant);
        BackfillBatch batch = new BackfillBatch();
        List<String> accrued = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT ac.agent_id, p.razorpay_payment_id, p.amount_paise,"
                + " p.captured_at, i.id, i.entity_id, i.taxable_paise, i.total_paise, i.service_category FROM"
                + " agent_client ac JOIN invoice i ON i.tenant_id = ac.tenant_id AND i.entity_id = ac.entity_id JOIN"
                + " payment p ON p.tenant_id = i.tenant_id AND p.invoice_id = i.id WHERE ac.tenant_id = ? AND"
                + " ac.agent_id = ANY (?) AND p.status = 'CAPTURED' AND p.captured_at >= ? AND p.captured_at < ?"
                + " AND NOT EXISTS (SELECT 1 FROM commission_entry x WHERE x.tenant_id = p.tenant_id AND"
                + " x.source_id = p.razorpay_payment_id AND x.agent_id = ac.agent_id AND x.kind = 'ACCRUAL')"
                + " ORDER BY ac.agent_id, p.captured_at, p.razorpay_payment_id")) {
            s.setFetchSize(10_000);
            s.setString(1, tenant.value());
            s.setArray(2, c.createArrayOf("varchar", earners));
            s.setObject(3, lo);
            s.setObject(4, hi);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    long amount = r.getLong(3);
                    long total = r.getLong(8);
                    long taxable = total == 0 ? 0 : Money.ofPaise(amount).share(r.getLong(7), total).paise();
                    one(c, ctx, batch, r.getString(1), r.getString(2), r.getObject(4, OffsetDateTime.class).toInstant(),
                            r.getString(5),
                            r.getString(6), taxable, r.getString(9));
                    if (batch.payments >= PAYMENTS_PER_INSERT) {
                        ctx.written += batch.write(c, tenant);
                        accrued.addAll(batch.accruedPayments());
                        batch = new BackfillBatch();
                    }
                }
            }
        }
        ctx.written += batch.write(c, tenant);
        accrued.addAll(batch.accruedPayments());
        for (int i = 0; i < accrued.size(); i += PAYMENTS_PER_INSERT) {
            clawBack(em, c, tenant, ctx, accrued.subList(i, Math.min(accrued.size(), i + PAYMENTS_PER_INSERT)));
        }
    }

    /**
     * Replays, through the event path's own {@link CommissionLedger#clawBack}, the processed refunds of the payments
     * this run accrued, oldest first: a payment refunded before it was accrued ends with the ledger its events would
     * have written (nothing net for a full refund), never with commission on money given back.
     */
    private static void clawBack(EntityManager em, Connection c, TenantId tenant, Context ctx, List<String> payments)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT r.razorpay_payment_id, r.razorpay_refund_id,"
                + " r.amount_paise, r.processed_at, i.id, i.entity_id, i.taxable_paise, i.total_paise,"
                + " i.service_category FROM refund r JOIN invoice i ON i.tenant_id = r.tenant_id AND i.id ="
                + " r.invoice_id WHERE r.tenant_id = ? AND r.status = 'PROCESSED' AND r.razorpay_refund_id IS NOT"
                + " NULL AND r.razorpay_payment_id = ANY (?) ORDER BY r.processed_at, r.id")) {
            s.setString(1, tenant.value());
            s.setArray(2, c.createArrayOf("varchar", payments.toArray()));
            List<PaymentRefunded> refunds = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    long amount = r.getLong(3);
                    long total = r.getLong(8);
                    long taxable = total == 0 ? 0 : Money.ofPaise(amount).share(r.getLong(7), total).paise();
                    refunds.add(new PaymentRefunded(tenant, r.getString(5), r.getString(6), r.getString(1), r
                            .getString(2), amount, taxable, r.getString(9),
                            r.getObject(4, OffsetDateTime.class)
                                    .toInstant()));
                }
            }
            for (PaymentRefunded e : refunds) {
                if (e.taxablePaise() > 0) {
                    ctx.written += CommissionLedger.clawBack(em, e);
                    ctx.refunds++;
                }
            }
        }
    }

    /** The body of {@link CommissionLedger#onCaptured}, for one payment, into the batch. */
    private void one(Connection c, Context ctx, BackfillBatch batch, String earnerId, String paymentId,
            Instant capturedAt,
            String invoiceId, String entityId, long taxable, String category) throws SQLException {
        if (entityId == null || taxable <= 0) {
            return;
        }
        Node earner = ctx.agents.get(earnerId);
        if (earner == null) {
            return;
        }
        ctx.payments++;
        LocalDate day = capturedAt.atZone(CommissionLedger.IST).toLocalDate();
        Optional<Plans.Plan> found = inForce(ctx, earner.planId(), day);
        if (found.isEmpty()) {
            ctx.withoutPlan++;
            return;
        }
        Plans.Plan plan = found.get();
        Optional<Rule> rule = CommissionMath.ruleFor(plan.rules(), category);
        if (rule.isEmpty()) {
            return;
        }
        batch.payments++;
        long before = 0;
        if (rule.get().kind() == RuleKind.SLAB) {
            String key = earnerId + "|" + YearMonth.from(day);
            Long v = ctx.monthVolume.get(key);
            if (v == null) {
                v = monthVolume(c, earnerId, day);
            }
            before = v;
            ctx.monthVolume.put(key, v + taxable);
        }
        long amount = CommissionMath.commission(rule.get(), taxable, before);
        LocalDate hold = day.plusDays(plan.holdDays());
        BigDecimal rate = rule.get().kind() == RuleKind.PERCENT ? rule.get().ratePercent() : null;
        batch.add(earnerId, "ACCRUAL", amount, paymentId, invoiceId, entityId, plan.id(), earnerId, 0, taxable, rate,
                hold, capturedAt, rule.get().kind() + " rule");
        String up = earner.parentId();
        int level = 1;
        for (OverrideRate o : plan.overrides()) {
            while (up != null && level < o.level()) {
                up = ctx.agents.get(up).parentId();
                level++;
            }
            if (up == null) {
                break;
            }
            batch.add(up, "OVERRIDE", CommissionMath.override(amount, o), paymentId, invoiceId, entityId, plan.id(),
                    earnerId, o.level(), taxable, o.ratePercent(), hold, capturedAt,
                    "level " + o.level() + " override of " + earnerId);
        }
    }

    /** The earner's ACCRUAL basis already in the ledger for the day's month (before this run added any). */
    private static long monthVolume(Connection c, String agentId, LocalDate day) throws SQLException {
        OffsetDateTime from = day.withDayOfMonth(1).atStartOfDay(CommissionLedger.IST).toOffsetDateTime();
        OffsetDateTime to = day.withDayOfMonth(1).plusMonths(1).atStartOfDay(CommissionLedger.IST)
                .toOffsetDateTime();
        try (PreparedStatement s = c.prepareStatement("SELECT coalesce(sum(basis_paise), 0) FROM commission_entry"
                + " WHERE agent_id = ? AND kind = 'ACCRUAL' AND occurred_at >= ? AND occurred_at < ?")) {
            s.setString(1, agentId);
            s.setObject(2, from);
            s.setObject(3, to);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
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
}
