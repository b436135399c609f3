package dev.seva.payments.internal;

import dev.seva.payments.InvoiceStatus;
import dev.seva.sdk.TenantId;
import dev.seva.sdk.spi.PaymentGateway.GatewayContext;
import dev.seva.sdk.spi.PaymentGateway.GatewayPayment;
import dev.seva.tenant.Job;
import dev.seva.tenant.JobHandler;
import dev.seva.tenant.Jobs;
import dev.seva.tenant.Tenants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.json.JSONObject;

/**
 * Settles orders whose webhooks never came, as durable {@value #KIND} jobs. Checkout enqueues the first check of a
 * new order in the transaction that attaches the order, to run after {@code seva.payments.reconcile.delay-seconds}.
 * A check asks the gateway for the order's payments ({@code GET /v1/orders/{id}/payments}) and records each captured
 * one through the {@link Ledger} (a no-op for one already known). While the invoice is still unpaid it enqueues the
 * next check with a doubled delay, up to {@code seva.payments.reconcile.max-attempts} checks. A gateway failure
 * throws, and the job queue retries the same check with its back-off. Checks survive restarts (they are rows of the
 * job table) and run twice harmlessly.
 *
 * <p>
 * Payload: {@code {"orderId": "order_...", "round": 1}}.
 */
@ApplicationScoped
public class Reconciliation implements JobHandler {

    /** The job kind. */
    public static final String KIND = "payments.reconcile";

    @Inject
    GatewayCalls calls;

    @Inject
    Reconciliation self;

    @Inject
    Ledger ledger;

    @Inject
    SettingsService settings;

    @Inject
    Jobs jobs;

    @Inject
    @ConfigProperty(name = "seva.payments.reconcile.delay-seconds", defaultValue = "900")
    long delaySeconds;

    @Inject
    @ConfigProperty(name = "seva.payments.reconcile.max-attempts", defaultValue = "6")
    int maxRounds;

    @Inject
    PaymentsUnit unit;

    @Inject
    Tenants tenants;

    /**
     * A reconciliation check that failed: retrying (PENDING) or given up (FAILED), with the gateway's error.
     * {@code invoiceId}/{@code invoiceNumber} are those of the invoice the order still belongs to, if any.
     */
    public record FailureView(String orderId, int round, String invoiceId, String invoiceNumber, String status,
            int attempts, OffsetDateTime nextAttemptAt, OffsetDateTime failedAt, String lastError) {
    }

    /** @return the current tenant's failing reconciliation checks, most recent first (at most 50) */
    @Transactional
    public List<FailureView> failures() {
        TenantId tenant = tenants.current().id();
        return jobs.failures(tenant, KIND, 50).stream().map(f -> {
            JSONObject p = new JSONObject(f.payload() == null ? "{}" : f.payload());
            String orderId = p.optString("orderId", null);
            Optional<InvoiceRecord> inv = orderId == null
                    ? Optional.empty()
                    : unit.em().createQuery("SELECT i FROM Invoice i WHERE i.razorpayOrderId = :o",
                            InvoiceRecord.class).setParameter("o", orderId).getResultList().stream().findFirst();
            return new FailureView(orderId, p.optInt("round", 1), inv.map(InvoiceRecord::getId).orElse(null), inv
                    .map(InvoiceRecord::getNumber).orElse(null), f.status(), f.attempts(),
                    "PENDING".equals(f
                            .status()) ? f.runAt() : null,
                    f.failedAt(), f.lastError());
        }).toList();
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** Enqueues the first check of a new order, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void scheduleOrder(TenantId tenant, String orderId) {
        enqueue(tenant, orderId, 1, delaySeconds);
    }

    /** Enqueues check {@code round} of an order (its own transaction, after the previous check's work). */
    @Transactional
    public void scheduleNext(TenantId tenant, String orderId, int round) {
        enqueue(tenant, orderId, round, delaySeconds << Math.min(round - 1, 10));
    }

    private void enqueue(TenantId tenant, String orderId, int round, long afterSeconds) {
        String payload = new JSONObject().put("orderId", orderId).put("round", round).toString();
        jobs.enqueueAt(tenant, KIND, payload, OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(afterSeconds));
    }

    @Override
    public void run(Job job) {
        JSONObject p = new JSONObject(job.payload());
        reconcileOrder(job.tenant(), p.getString("orderId"), p.optInt("round", 1));
    }

    /**
     * One check of one order, in a tenant scope (not in a transaction: it calls the gateway).
     *
     * @param round 1 for the first check
     */
    public void reconcileOrder(TenantId tenant, String orderId, int round) {
        Optional<GatewayContext> ctx = self.unpaid(tenant, orderId);
        if (ctx.isEmpty()) {
            return;
        }
        List<GatewayPayment> payments = calls.paymentsOfOrder(ctx.get(), orderId);
        for (GatewayPayment p : payments) {
            if (p.isCaptured()) {
                self.capture(tenant, orderId, p);
            }
        }
        if (self.unpaid(tenant, orderId).isPresent() && round < maxRounds) {
            self.scheduleNext(tenant, orderId, round + 1);
        }
    }

    /** @return the gateway context when the order's invoice is still ISSUED, else empty */
    @Transactional
    public Optional<GatewayContext> unpaid(TenantId tenant, String orderId) {
        Optional<InvoiceRecord> inv = ledger.lockByOrder(tenant, orderId);
        if (inv.isEmpty() || inv.get().status() != InvoiceStatus.ISSUED) {
            return Optional.empty();
        }
        return settings.findContext(tenant);
    }

    /** Records one captured payment found at the gateway. */
    @Transactional
    public void capture(TenantId tenant, String orderId, GatewayPayment p) {
        ledger.captured(tenant, orderId, p.id(), p.amountPaise(), p.createdAt(), "RECONCILE");
    }
}
