package dev.seva.payments.internal;

import dev.seva.payments.InvoiceStatus;
import dev.seva.sdk.Money;
import dev.seva.sdk.TenantId;
import dev.seva.sdk.events.PaymentCaptured;
import dev.seva.sdk.events.PaymentRefunded;
import dev.seva.tenant.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * The one place payment facts change an invoice, whoever learnt them (checkout verification, a webhook,
 * reconciliation), in any order and any number of times. Each fact locks the invoice's row ({@code SELECT ... FOR
 * UPDATE}) first, so facts about one invoice apply one after the other; a payment is a row unique on the gateway's
 * payment id and a refund a row unique on the gateway's refund id, and each carries an {@code event_emitted} flag that
 * turns true in the very transaction that fires the CDI event: {@link PaymentCaptured} and {@link PaymentRefunded}
 * fire exactly once per real payment and refund, synchronously, so an observer's writes commit with the fact.
 * Amounts only grow and the status only moves forward.
 *
 * <p>
 * Joins the caller's transaction (mandatory): the caller holds the tenant's transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Ledger {

    @Inject
    PaymentsUnit unit;

    @Inject
    Event<PaymentCaptured> captured;

    @Inject
    Event<PaymentRefunded> refunded;

    @Inject
    AuditTrail audit;

    /** What happened when a fact was applied. */
    enum Outcome {
        /** the fact changed the invoice (and fired the event) */
        APPLIED,
        /** known already: nothing changed */
        DUPLICATE,
        /** the fact names no invoice of this tenant */
        UNKNOWN
    }

    /** @return the invoice of this gateway order, locked for update */
    Optional<InvoiceRecord> lockByOrder(TenantId tenant, String orderId) {
        EntityManager em = unit.em(tenant);
        return em.createQuery("SELECT i FROM Invoice i WHERE i.razorpayOrderId = :o", InvoiceRecord.class)
                .setParameter("o", orderId).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList().stream()
                .findFirst();
    }

    /** @return the invoice, locked for update */
    Optional<InvoiceRecord> lock(TenantId tenant, String invoiceId) {
        return Optional.ofNullable(unit.em(tenant).find(InvoiceRecord.class, invoiceId,
                LockModeType.PESSIMISTIC_WRITE));
    }

    /**
     * A captured payment of a gateway order.
     *
     * @param source VERIFY, WEBHOOK or RECONCILE
     */
    Outcome captured(TenantId tenant, String orderId, String paymentId, long amountPaise, Instant capturedAt,
            String source) {
        Optional<InvoiceRecord> found = orderId == null ? Optional.empty() : lockByOrder(tenant, orderId);
        if (found.isEmpty()) {
            return Outcome.UNKNOWN;
        }
        InvoiceRecord inv = found.get();
        EntityManager em = unit.em(tenant);
        PaymentRecord p = payment(tenant, paymentId).orElse(null);
        if (p != null && p.status() != PaymentRecord.Status.FAILED) {
            return Outcome.DUPLICATE;
        }
        OffsetDateTime at = OffsetDateTime.ofInstant(capturedAt, ZoneOffset.UTC);
        if (inv.status() == InvoiceStatus.VOID) {
            return unapplied(tenant, inv, p, orderId, paymentId, amountPaise, at, source);
        }
        if (p == null) {
            p = new PaymentRecord(UUID.randomUUID().toString(), inv.getId(), orderId, paymentId, amountPaise,
                    PaymentRecord.Status.CAPTURED, source);
            p.captured(amountPaise, at, source);
            em.persist(p);
        } else {
            p.captured(amountPaise, at, source);
        }
        inv.addPaid(amountPaise);
        // the flush makes the unique key on (tenant, payment id) decide before the event fires
        p.emitted();
        em.flush();
        long taxable = Money.ofPaise(amountPaise).share(inv.getTaxablePaise(), inv.getTotalPaise()).paise();
        audit.record(tenant, "PAYMENT_CAPTURED", "invoice", inv.getId(), "payment " + paymentId + " of "
                + Money.ofPaise(amountPaise) + " via " + source + "; invoice " + inv.status());
        captured.fire(new PaymentCaptured(tenant, inv.getId(), inv.getEntityId(), paymentId, amountPaise, taxable,
                inv.getServiceCategory(), capturedAt));
        return Outcome.APPLIED;
    }

    /**
     * Money taken on a voided invoice (the client paid in a checkout opened before the void): kept apart as an
     * UNAPPLIED payment that the firm owes back. It pays nothing on the invoice and fires no {@link PaymentCaptured},
     * so no commission accrues; it is listed for refund ({@link UnappliedPayments}).
     */
    private Outcome unapplied(TenantId tenant, InvoiceRecord inv, PaymentRecord failedBefore, String orderId,
            String paymentId, long amountPaise, OffsetDateTime at, String source) {
        PaymentRecord p = failedBefore;
        if (p == null) {
            p = new PaymentRecord(UUID.randomUUID().toString(), inv.getId(), orderId, paymentId, amountPaise,
                    PaymentRecord.Status.UNAPPLIED, source);
            unit.em(tenant).persist(p);
        }
        p.unapplied(amountPaise, at, source);
        unit.em(tenant).flush();
        audit.record(tenant, "PAYMENT_UNAPPLIED", "invoice", inv.getId(), "payment " + paymentId + " of "
                + Money.ofPaise(amountPaise) + " via " + source + " on a voided invoice: to be refunded");
        return Outcome.APPLIED;
    }

    /** A failed payment attempt: recorded, changes no amount; never overrides a capture. */
    Outcome failed(TenantId tenant, String orderId, String paymentId, long amountPaise) {
        Optional<InvoiceRecord> found = orderId == null ? Optional.empty() : lockByOrder(tenant, orderId);
        if (found.isEmpty()) {
            return Outcome.UNKNOWN;
        }
        if (payment(tenant, paymentId).isPresent()) {
            return Outcome.DUPLICATE;
        }
        unit.em(tenant).persist(new PaymentRecord(UUID.randomUUID().toString(), found.get().getId(), orderId,
                paymentId, amountPaise, PaymentRecord.Status.FAILED, "WEBHOOK"));
        return Outcome.APPLIED;
    }

    /**
     * A refund the gateway reports processed. Matched by Seva's refund id (the refund's notes), else by the gateway's
     * refund id, else recorded as new (a refund made in Razorpay's dashboard).
     */
    Outcome refundProcessed(TenantId tenant, String sevaRefundId, String refundId, String paymentId,
            long amountPaise) {
        EntityManager em = unit.em(tenant);
        PaymentRecord p = payment(tenant, paymentId).orElse(null);
        if (p == null) {
            return Outcome.UNKNOWN;
        }
        InvoiceRecord inv = lock(tenant, p.getInvoiceId()).orElseThrow();
        RefundRecord r = null;
        if (sevaRefundId != null) {
            r = em.find(RefundRecord.class, sevaRefundId);
        }
        if (r == null && refundId != null) {
            r = em.createQuery("SELECT r FROM Refund r WHERE r.razorpayRefundId = :r", RefundRecord.class)
                    .setParameter("r", refundId).getResultList().stream().findFirst().orElse(null);
        }
        if (r == null) {
            r = new RefundRecord(UUID.randomUUID().toString(), inv.getId(), paymentId, amountPaise,
                    "made at the gateway", RefundRecord.Status.PENDING);
            em.persist(r);
        }
        r.gatewayId(refundId);
        if (r.status() == RefundRecord.Status.PROCESSED) {
            return Outcome.DUPLICATE;
        }
        r.processed(amountPaise);
        if (p.status() == PaymentRecord.Status.UNAPPLIED) {
            // money given back that never paid the invoice: no invoice amount moves, no commission to claw back
            em.flush();
            audit.record(tenant, "UNAPPLIED_PAYMENT_REFUNDED", "invoice", inv.getId(), "refund " + refundId + " of "
                    + Money.ofPaise(amountPaise) + " on unapplied payment " + paymentId);
            return Outcome.APPLIED;
        }
        inv.addRefunded(amountPaise);
        r.emitted();
        em.flush();
        long taxable = Money.ofPaise(amountPaise).share(inv.getTaxablePaise(), inv.getTotalPaise()).paise();
        audit.record(tenant, "PAYMENT_REFUNDED", "invoice", inv.getId(), "refund " + refundId + " of "
                + Money.ofPaise(amountPaise) + " on payment " + paymentId + "; invoice " + inv.status());
        // the refund's time is when it was recorded processed, so the batch path (which reads it) dates alike
        refunded.fire(new PaymentRefunded(tenant, inv.getId(), inv.getEntityId(), paymentId, refundId, amountPaise,
                taxable, inv.getServiceCategory(), r.getProcessedAt().toInstant()));
        return Outcome.APPLIED;
    }

    /** A refund the gateway reports failed: releases its reserved amount unless it was processed. */
    Outcome refundFailed(TenantId tenant, String sevaRefundId, String refundId) {
        EntityManager em = unit.em(tenant);
        RefundRecord r = sevaRefundId == null ? null : em.find(RefundRecord.class, sevaRefundId);
        if (r == null && refundId != null) {
            r = em.createQuery("SELECT r FROM Refund r WHERE r.razorpayRefundId = :r", RefundRecord.class)
                    .setParameter("r", refundId).getResultList().stream().findFirst().orElse(null);
        }
        if (r == null) {
            return Outcome.UNKNOWN;
        }
        lock(tenant, r.getInvoiceId());
        if (r.status() == RefundRecord.Status.PROCESSED || r.status() == RefundRecord.Status.FAILED) {
            return Outcome.DUPLICATE;
        }
        r.gatewayId(refundId);
        r.failed();
        return Outcome.APPLIED;
    }

    Optional<PaymentRecord> payment(TenantId tenant, String paymentId) {
        return unit.em(tenant)
                .createQuery("SELECT p FROM Payment p WHERE p.razorpayPaymentId = :p", PaymentRecord.class)
                .setParameter("p", paymentId).getResultList().stream().findFirst();
    }
}
