package dev.seva.payments.internal;

import dev.seva.payments.InvoiceStatus;
import dev.seva.sdk.ErrorCode;
import dev.seva.sdk.Money;
import dev.seva.sdk.SevaException;
import dev.seva.sdk.TenantId;
import dev.seva.sdk.spi.PaymentGateway.GatewayContext;
import dev.seva.sdk.spi.PaymentGateway.GatewayPayment;
import dev.seva.sdk.spi.PaymentGateway.GatewayRefund;
import dev.seva.tenant.AuditTrail;
import dev.seva.tenant.Tenants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The database steps of checkout, verification and refunds, each its own transaction, so that no transaction (and
 * no invoice lock) is held while the gateway is called. {@link PaymentFlows} strings them together.
 */
@ApplicationScoped
@Transactional
public class PaymentSteps {

    @Inject
    PaymentsUnit unit;

    @Inject
    InvoiceService invoices;

    @Inject
    SettingsService settings;

    @Inject
    Ledger ledger;

    @Inject
    Tenants tenants;

    @Inject
    AuditTrail audit;

    @Inject
    Reconciliation reconciliation;

    @Inject
    CheckoutScript checkoutScript;

    @Inject
    RefundCheck refundChecks;

    /** What checkout needs: the context, the invoice, and an order to reuse if there is one. */
    record CheckoutPlan(GatewayContext ctx, String invoiceId, String number, long due, String reuseOrderId) {
    }

    /**
     * The answer for Razorpay Checkout; {@code checkoutScript} is the Checkout script's URL the page loads
     * ({@code seva.payments.razorpay.checkout-script}).
     */
    public record CheckoutView(String razorpayOrderId, String keyId, long amountPaise, String currency,
            String invoiceId, String invoiceNumber, String name, String description, String checkoutScript) {
    }

    CheckoutPlan planCheckout(String invoiceId) {
        InvoiceRecord inv = invoices.requireVisible(invoiceId);
        if (inv.status() != InvoiceStatus.ISSUED || inv.duePaise() <= 0) {
            throw new SevaException(ErrorCode.INVOICE_STATE, "Only an issued invoice with an amount due can be paid;"
                    + " this invoice is " + inv.status() + ".");
        }
        GatewayContext ctx = settings.context();
        String reuse = inv.getRazorpayOrderId() != null && inv.getOrderAmountPaise() != null
                && inv.getOrderAmountPaise() == inv.duePaise() ? inv.getRazorpayOrderId() : null;
        return new CheckoutPlan(ctx, inv.getId(), inv.getNumber(), inv.duePaise(), reuse);
    }

    /**
     * Attaches a new order, unless a concurrent checkout attached one for the same amount first, and enqueues its
     * reconciliation in the same transaction.
     */
    String attachOrder(String invoiceId, String orderId, long amount) {
        InvoiceRecord inv = invoices.lockVisible(invoiceId);
        if (inv.getRazorpayOrderId() != null && inv.getOrderAmountPaise() != null
                && inv.getOrderAmountPaise() == amount) {
            return inv.getRazorpayOrderId();
        }
        inv.orderCreated(orderId, amount);
        reconciliation.scheduleOrder(tenants.current().id(), orderId);
        audit.record(tenants.current().id(), "CHECKOUT_ORDER_CREATED", "invoice", inv.getId(), "order " + orderId
                + " for " + Money.ofPaise(amount));
        return orderId;
    }

    CheckoutView checkoutView(String invoiceId, String keyId) {
        InvoiceRecord inv = invoices.requireVisible(invoiceId);
        return new CheckoutView(inv.getRazorpayOrderId(), keyId, inv.getOrderAmountPaise(), Money.CURRENCY,
                inv.getId(), inv.getNumber(), tenants.current().name(), "Invoice " + inv.getNumber(),
                checkoutScript.url());
    }

    /**
     * Checks a checkout signature, before the gateway is asked what it took.
     *
     * @return the tenant's gateway context
     */
    GatewayContext checkSignature(String orderId, String paymentId, String signature, PaymentFlows gatewayCheck) {
        TenantId tenant = tenants.current().id();
        InvoiceRecord inv = ledger.lockByOrder(tenant, orderId).orElseThrow(() -> SevaException.notFound("Order"));
        invoices.requireVisible(inv.getId());
        GatewayContext ctx = settings.context(tenant);
        if (!gatewayCheck.checkoutSignatureValid(ctx, orderId, paymentId, signature)) {
            throw new SevaException(ErrorCode.PAYMENT_SIGNATURE_INVALID,
                    "The payment signature does not match the order and payment.");
        }
        return ctx;
    }

    /**
     * Records a verified payment with the amount the gateway reports it captured (not the invoice's or the order's).
     *
     * @param captured the payment as the gateway lists it, or null when it does not (yet) list it captured: then
     *        nothing is recorded, and the webhook or reconciliation records it
     * @return the invoice after the payment
     */
    InvoiceService.InvoiceView recordVerified(String orderId, GatewayPayment captured) {
        TenantId tenant = tenants.current().id();
        InvoiceRecord inv = ledger.lockByOrder(tenant, orderId).orElseThrow(() -> SevaException.notFound("Order"));
        invoices.requireVisible(inv.getId());
        if (captured != null) {
            ledger.captured(tenant, orderId, captured.id(), captured.amountPaise(), Instant.now(), "VERIFY");
        }
        return invoices.view(inv, true);
    }

    /** Records a rejected checkout signature (its own transaction: the caller's rolls back). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void auditRejectedSignature(String orderId) {
        audit.record(tenants.current().id(), "PAYMENT_SIGNATURE_REJECTED", "order", orderId,
                "checkout signature did not verify");
    }

    /** A refund about to be asked of the gateway: its amount reserved on the invoice. */
    record RefundPlan(GatewayContext ctx, String refundId, String paymentId, long amount) {
    }

    RefundPlan planRefund(String invoiceId, Long amountPaise, String reason) {
        Checks c = new Checks();
        if (amountPaise == null || amountPaise <= 0) {
            c.add("amountPaise", "must be a positive number of paise");
        }
        String why = c.text("reason", reason, 500, false);
        c.throwIfAny();
        InvoiceRecord inv = invoices.lockVisible(invoiceId);
        EntityManager em = unit.em();
        boolean paid = inv.status() == InvoiceStatus.PAID || inv.status() == InvoiceStatus.PARTIALLY_REFUNDED;
        // what can be given back: the captured payments of a paid invoice, and money taken after a void
        List<PaymentRecord> payments = em.createQuery("SELECT p FROM Payment p WHERE p.invoiceId = :i",
                PaymentRecord.class).setParameter("i", inv.getId()).getResultList().stream()
                .filter(p -> p.status() == PaymentRecord.Status.UNAPPLIED
                        || (paid && p.status() == PaymentRecord.Status.CAPTURED))
                .toList();
        if (payments.isEmpty()) {
            throw new SevaException(ErrorCode.INVOICE_STATE, "Only a paid invoice can be refunded; this invoice is "
                    + inv.status() + ".");
        }
        List<RefundRecord> refunds = em.createQuery("SELECT r FROM Refund r WHERE r.invoiceId = :i",
                RefundRecord.class).setParameter("i", inv.getId()).getResultList();
        // refunds not failed keep their amount reserved, pending ones included (their fate may be unknown)
        Map<String, Long> left = new HashMap<>();
        for (PaymentRecord p : payments) {
            left.put(p.getRazorpayPaymentId(), p.getAmountPaise() - refunds.stream().filter(r -> r
                    .status() != RefundRecord.Status.FAILED && r.getRazorpayPaymentId().equals(
                            p
                                    .getRazorpayPaymentId()))
                    .mapToLong(RefundRecord::getAmountPaise).sum());
        }
        long refundable = left.values().stream().mapToLong(Long::longValue).sum();
        if (amountPaise > refundable) {
            throw new SevaException(ErrorCode.REFUND_EXCEEDS_PAID, "At most " + Money.ofPaise(Math.max(0,
                    refundable)) + " can still be refunded on this invoice.");
        }
        // the payment with the most left to refund
        PaymentRecord best = payments.stream().max(Comparator.comparingLong(p -> left.get(p.getRazorpayPaymentId())))
                .orElseThrow();
        long leftOnBest = left.get(best.getRazorpayPaymentId());
        if (amountPaise > leftOnBest) {
            throw new SevaException(ErrorCode.REFUND_EXCEEDS_PAID, "At most " + Money.ofPaise(leftOnBest)
                    + " can be refunded in one refund (the largest refundable payment).");
        }
        RefundRecord r = new RefundRecord(UUID.randomUUID().toString(), inv.getId(), best.getRazorpayPaymentId(),
                amountPaise, why, RefundRecord.Status.REQUESTED);
        em.persist(r);
        audit.record(tenants.current().id(), "REFUND_REQUESTED", "invoice", inv.getId(), "refund " + r.getId()
                + " of " + Money.ofPaise(amountPaise));
        return new RefundPlan(settings.context(), r.getId(), best.getRazorpayPaymentId(), amountPaise);
    }

    /** The gateway's answer to a refund. */
    InvoiceService.RefundView refundAnswered(String refundId, GatewayRefund answer) {
        TenantId tenant = tenants.current().id();
        RefundRecord r = unit.em().find(RefundRecord.class, refundId);
        if ("processed".equals(answer.status())) {
            ledger.refundProcessed(tenant, refundId, answer.id(), answer.paymentId(), answer.amountPaise());
        } else if ("failed".equals(answer.status())) {
            ledger.refundFailed(tenant, refundId, answer.id());
        } else {
            ledger.lock(tenant, r.getInvoiceId());
            r.gatewayId(answer.id());
            r.pending();
        }
        return RefundService.view(unit.em().find(RefundRecord.class, refundId));
    }

    /** The gateway refused, or was not asked (open circuit): the reservation is released. */
    void refundFailed(String refundId) {
        ledger.refundFailed(tenants.current().id(), refundId, null);
    }

    /**
     * No answer came: the refund may have been made. It stays PENDING, its amount reserved, until a check asks the
     * gateway ({@link RefundCheck}) or the gateway's webhook tells.
     */
    InvoiceService.RefundView refundUnknown(String refundId) {
        TenantId tenant = tenants.current().id();
        RefundRecord r = unit.em().find(RefundRecord.class, refundId);
        ledger.lock(tenant, r.getInvoiceId());
        r.pending();
        refundChecks.schedule(tenant, refundId, 1);
        audit.record(tenant, "REFUND_OUTCOME_UNKNOWN", "invoice", r.getInvoiceId(), "refund " + refundId
                + ": no answer from the gateway; pending until reconciliation learns its fate");
        return RefundService.view(r);
    }
}
