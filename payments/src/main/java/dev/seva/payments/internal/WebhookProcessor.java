package dev.seva.payments.internal;

import dev.seva.sdk.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.json.JSONException;
import org.json.JSONObject;

/**
 * Applies one stored webhook event to the ledger, at most once: the event's row is locked and marked PROCESSED (or
 * IGNORED) in the same transaction as the ledger change. A failure rolls the change back and records FAILED with
 * the error; the {@link WebhookJob} that called it then retries with back-off. Events may come in any order and any number of times: the {@link Ledger} only
 * moves forward.
 *
 * <p>
 * Handled: {@code payment.captured}, {@code order.paid} (a capture), {@code payment.failed}, {@code refund.processed},
 * {@code refund.failed}; anything else is IGNORED.
 */
@ApplicationScoped
public class WebhookProcessor {

    private static final Logger LOG = Logger.getLogger(WebhookProcessor.class.getName());

    @Inject
    PaymentsUnit unit;

    @Inject
    Ledger ledger;

    @Inject
    WebhookProcessor self;

    /**
     * Processes the event; on failure records it on the event (attempts, last error) and rethrows, so that the job
     * is retried.
     */
    public void processOrRecord(TenantId tenant, String webhookEventId) {
        try {
            self.process(tenant, webhookEventId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Webhook event {0} failed: {1}", new Object[]{webhookEventId, e.toString()});
            try {
                self.markFailed(tenant, webhookEventId, e.getClass().getSimpleName() + ": " + e.getMessage());
            } catch (RuntimeException again) {
                LOG.log(Level.WARNING, "Could not record the failure of webhook event " + webhookEventId, again);
            }
            throw e;
        }
    }

    /** Processes the event in one transaction; throws when it cannot be applied yet. */
    @Transactional
    public void process(TenantId tenant, String webhookEventId) {
        WebhookEventRecord w = unit.em(tenant).find(WebhookEventRecord.class, webhookEventId,
                LockModeType.PESSIMISTIC_WRITE);
        if (w == null || w.status() == WebhookEventRecord.Status.PROCESSED
                || w.status() == WebhookEventRecord.Status.IGNORED) {
            return;
        }
        JSONObject body;
        try {
            body = new JSONObject(w.getPayload());
        } catch (JSONException e) {
            w.done(WebhookEventRecord.Status.IGNORED);
            return;
        }
        Ledger.Outcome outcome = apply(tenant, body.optString("event", ""), body.optJSONObject("payload"));
        if (outcome == null) {
            w.done(WebhookEventRecord.Status.IGNORED);
        } else {
            w.done(WebhookEventRecord.Status.PROCESSED);
        }
    }

    /** Records a failed attempt. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void markFailed(TenantId tenant, String webhookEventId, String error) {
        WebhookEventRecord w = unit.em(tenant).find(WebhookEventRecord.class, webhookEventId);
        if (w != null && w.status() != WebhookEventRecord.Status.PROCESSED) {
            w.failed(error);
        }
    }

    /** @return the outcome, or null when the event is not one Seva handles (IGNORED) */
    private Ledger.Outcome apply(TenantId tenant, String event, JSONObject payload) {
        if (payload == null) {
            return null;
        }
        switch (event) {
            case "payment.captured", "order.paid" -> {
                JSONObject p = entity(payload, "payment");
                if (p == null) {
                    return null;
                }
                Ledger.Outcome o = ledger.captured(tenant, p.optString("order_id", null), p.getString("id"), p
                        .getLong("amount"),
                        Instant.ofEpochSecond(p.optLong("created_at", Instant.now()
                                .getEpochSecond())),
                        "WEBHOOK");
                return o == Ledger.Outcome.UNKNOWN ? null : o;
            }
            case "payment.failed" -> {
                JSONObject p = entity(payload, "payment");
                if (p == null) {
                    return null;
                }
                Ledger.Outcome o = ledger.failed(tenant, p.optString("order_id", null), p.getString("id"), p
                        .optLong("amount"));
                return o == Ledger.Outcome.UNKNOWN ? null : o;
            }
            case "refund.processed" -> {
                JSONObject r = entity(payload, "refund");
                if (r == null) {
                    return null;
                }
                JSONObject notes = r.optJSONObject("notes");
                Ledger.Outcome o = ledger.refundProcessed(tenant, notes == null
                        ? null
                        : notes.optString(
                                "seva_refund_id", null),
                        r.getString("id"), r.getString("payment_id"), r.getLong("amount"));
                if (o == Ledger.Outcome.UNKNOWN) {
                    // the payment is not known yet (its capture may still come): fail, to be retried
                    throw new IllegalStateException("refund of a payment not recorded yet");
                }
                return o;
            }
            case "refund.failed" -> {
                JSONObject r = entity(payload, "refund");
                if (r == null) {
                    return null;
                }
                JSONObject notes = r.optJSONObject("notes");
                Ledger.Outcome o = ledger.refundFailed(tenant, notes == null
                        ? null
                        : notes.optString(
                                "seva_refund_id", null),
                        r.getString("id"));
                return o == Ledger.Outcome.UNKNOWN ? null : o;
            }
            default -> {
                return null;
            }
        }
    }

    private static JSONObject entity(JSONObject payload, String name) {
        JSONObject wrapper = payload.optJSONObject(name);
        return wrapper == null ? null : wrapper.optJSONObject("entity");
    }
}
