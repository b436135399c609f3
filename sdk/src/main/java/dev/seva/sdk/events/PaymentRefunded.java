package dev.seva.sdk.events;

import dev.seva.sdk.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * (Part of) a captured payment was refunded. Fired exactly once per refund, when the gateway reports it processed,
 * as a synchronous CDI event inside the transaction that records it (see {@link PaymentCaptured}).
 *
 * @param tenant the firm
 * @param invoiceId the invoice
 * @param entityId the business entity the invoice is for
 * @param paymentId the gateway's id of the refunded payment
 * @param refundId the gateway's refund id ({@code rfnd_...})
 * @param amountPaise the amount refunded, tax included
 * @param taxablePaise the taxable share of {@code amountPaise} (proportional to the invoice, rounded half-even)
 * @param serviceCategory the invoice's service category, may be null
 * @param refundedAt when the refund was processed
 */
public record PaymentRefunded(TenantId tenant, String invoiceId, String entityId, String paymentId, String refundId,
        long amountPaise, long taxablePaise, String serviceCategory, Instant refundedAt) {

    /** Checks the required parts. */
    public PaymentRefunded {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(refundId, "refundId");
        Objects.requireNonNull(refundedAt, "refundedAt");
    }
}
