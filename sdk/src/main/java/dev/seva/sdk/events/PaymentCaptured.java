package dev.seva.sdk.events;

import dev.seva.sdk.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * A payment was captured for an invoice. Fired exactly once per real payment (a database uniqueness guarantee in
 * the payments module), whichever of checkout verification, webhook or reconciliation learns of it first, as a
 * synchronous CDI event <b>inside the transaction</b> that records the payment: an observer's writes commit or roll
 * back with it. Observers run in the payment's tenant; they must not start work for another tenant.
 *
 * @param tenant the firm
 * @param invoiceId the invoice paid
 * @param entityId the business entity the invoice is for
 * @param paymentId the gateway's payment id ({@code pay_...})
 * @param amountPaise the amount captured, tax included
 * @param taxablePaise the taxable (pre-GST) share of {@code amountPaise}; commissions are computed on it
 * @param serviceCategory the invoice's service category (that of its largest line), may be null
 * @param capturedAt when the payment was captured
 */
public record PaymentCaptured(TenantId tenant, String invoiceId, String entityId, String paymentId, long amountPaise,
        long taxablePaise, String serviceCategory, Instant capturedAt) {

    /** Checks the required parts. */
    public PaymentCaptured {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(capturedAt, "capturedAt");
    }
}
