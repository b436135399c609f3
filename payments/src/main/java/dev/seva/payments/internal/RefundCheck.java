package dev.seva.payments.internal;

import dev.seva.sdk.TenantId;
import dev.seva.sdk.spi.PaymentGateway.GatewayContext;
import dev.seva.sdk.spi.PaymentGateway.GatewayRefund;
import dev.seva.tenant.AuditTrail;
import dev.seva.tenant.Job;
import dev.seva.tenant.JobHandler;
import dev.seva.tenant.Jobs;
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
 * Learns the fate of a refund whose gateway call got no answer, as durable {@value #KIND} jobs: until then the refund
 * is PENDING and its amount stays reserved, so it can never be refunded a second time. A check asks the gateway for
 * the payment's refunds ({@code GET /v1/payments/{id}/refunds}) and finds ours by the {@code seva_refund_id} note
 * (or the gateway's id, once known): processed or failed, it is recorded through the {@link Ledger}; still pending,
 * it is checked again later (its webhook may settle it first). Not there at all on a second check, made at least
 * {@code seva.payments.reconcile.delay-seconds} after the call ended, it was never made: the refund is FAILED and its
 * amount released. A gateway failure throws, and the job queue retries the same check.
 *
 * <p>
 * Payload: {@code {"refundId": "...", "round": 1}}.
 */
@ApplicationScoped
public class RefundCheck implements JobHandler {

    /** The job kind. */
    public static final String KIND = "payments.refund-check";

    @Inject
    GatewayCalls calls;

    @Inject
    RefundCheck self;

    @Inject
    Ledger ledger;

    @Inject
    SettingsService settings;

    @Inject
    Jobs jobs;

    @Inject
    PaymentsUnit unit;

    @Inject
    AuditTrail audit;

    @Inject
    @ConfigProperty(name = "seva.payments.reconcile.delay-seconds", defaultValue = "900")
    long delaySeconds;

    @Inject
    @ConfigProperty(name = "seva.payments.reconcile.max-attempts", defaultValue = "6")
    int maxRounds;

    /** What a check needs of a refund still waiting for its fate. */
    record Waiting(GatewayContext ctx, String paymentId, String gatewayRefundId) {
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** Enqueues check {@code round} of a refund, in the caller's transaction (or a new one). */
    @Transactional
    public void schedule(TenantId tenant, String refundId, int round) {
        String payload = new JSONObject().put("refundId", refundId).put("round", round).toString();
        jobs.enqueueAt(tenant, KIND, payload, OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(delaySeconds << Math
                .min(round - 1, 10)));
    }

    @Override
    public void run(Job job) {
        JSONObject p = new JSONObject(job.payload());
        check(job.tenant(), p.getString("refundId"), p.optInt("round", 1));
    }

    /** One check, in a tenant scope (not in a transaction: it calls the gateway). */
    void check(TenantId tenant, String refundId, int round) {
        Optional<Waiting> waiting = self.waiting(tenant, refundId);
        if (waiting.isEmpty()) {
            return;
        }
        Waiting w = waiting.get();
        List<GatewayRefund> refunds = calls.refundsOfPayment(w.ctx(), w.paymentId());
        Optional<GatewayRefund> ours = refunds.stream().filter(g -> refundId.equals(g.notes().get("seva_refund_id"))
                || (w.gatewayRefundId() != null && w.gatewayRefundId().equals(g.id()))).findFirst();
        self.settle(tenant, refundId, ours.orElse(null), round);
    }

    /** @return the refund when it still waits for its fate (REQUESTED or PENDING), with the tenant's context */
    @Transactional
    public Optional<Waiting> waiting(TenantId tenant, String refundId) {
        RefundRecord r = unit.em(tenant).find(RefundRecord.class, refundId);
        if (r == null || (r.status() != RefundRecord.Status.REQUESTED && r.status() != RefundRecord.Status.PENDING)) {
            return Optional.empty();
        }
        return settings.findContext(tenant).map(ctx -> new Waiting(ctx, r.getRazorpayPaymentId(), r
                .getRazorpayRefundId()));
    }

    /** Records what the gateway said of the refund ({@code found} null: it has no such refund). */
    @Transactional
    public void settle(TenantId tenant, String refundId, GatewayRefund found, int round) {
        if (found != null && "processed".equals(found.status())) {
            ledger.refundProcessed(tenant, refundId, found.id(), found.paymentId(), found.amountPaise());
        } else if (found != null && "failed".equals(found.status())) {
            ledger.refundFailed(tenant, refundId, found.id());
        } else if (found != null) {
            RefundRecord r = unit.em(tenant).find(RefundRecord.class, refundId);
            ledger.lock(tenant, r.getInvoiceId());
            r.gatewayId(found.id());
            r.pending();
            if (round < maxRounds) {
                schedule(tenant, refundId, round + 1);
            }
        } else if (round >= 2) {
            RefundRecord r = unit.em(tenant).find(RefundRecord.class, refundId);
            ledger.refundFailed(tenant, refundId, null);
            audit.record(tenant, "REFUND_NOT_MADE", "invoice", r.getInvoiceId(), "refund " + refundId
                    + ": the gateway has no such refund; its reserved amount is released");
        } else {
            schedule(tenant, refundId, round + 1);
        }
    }
}
