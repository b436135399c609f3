package dev.seva.payments.internal;

import dev.seva.sdk.Money;
import dev.seva.sdk.events.PaymentCaptured;
import dev.seva.sdk.events.PaymentRefunded;
import dev.seva.tenant.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Writes one audit event per delivered payment event, in the transaction that fired it: the audit trail shows
 * exactly which domain events other modules (commissions) were given, and a test can count them.
 */
@ApplicationScoped
public class PaymentEventsAudit {

    @Inject
    AuditTrail audit;

    void captured(@Observes PaymentCaptured e) {
        audit.record(e.tenant(), "EVENT_PAYMENT_CAPTURED", "payment", e.paymentId(), "invoice " + e.invoiceId()
                + ", amount " + Money.ofPaise(e.amountPaise()) + ", taxable " + Money.ofPaise(e.taxablePaise()));
    }

    void refunded(@Observes PaymentRefunded e) {
        audit.record(e.tenant(), "EVENT_PAYMENT_REFUNDED", "refund", e.refundId(), "invoice " + e.invoiceId()
                + ", payment " + e.paymentId() + ", amount " + Money.ofPaise(e.amountPaise()) + ", taxable "
                + Money.ofPaise(e.taxablePaise()));
    }
}
