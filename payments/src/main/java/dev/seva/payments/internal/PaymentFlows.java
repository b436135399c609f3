package dev.seva.payments.internal;

import dev.seva.sdk.SevaException;
import dev.seva.sdk.spi.PaymentGateway;
import dev.seva.sdk.spi.PaymentGateway.GatewayContext;
import dev.seva.sdk.spi.PaymentGateway.GatewayOrder;
import dev.seva.sdk.spi.PaymentGateway.GatewayPayment;
import dev.seva.sdk.spi.PaymentGateway.GatewayRefund;
import dev.seva.tenant.Tenants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;

/**
 * Checkout, verification and refunds: database steps ({@link PaymentSteps}, each a transaction) around gateway calls
 * ({@link GatewayCalls}, outside any transaction).
 */
@ApplicationScoped
public class PaymentFlows {

    @Inject
    PaymentSteps steps;

    @Inject
    GatewayCalls calls;

    @Inject
    PaymentGateway gateway;

    @Inject
    Tenants tenants;

    /** Creates (or reuses) the invoice's gateway order for what is due. */
    public PaymentSteps.CheckoutView checkout(String invoiceId) {
        PaymentSteps.CheckoutPlan plan = steps.planCheckout(invoiceId);
        if (plan.reuseOrderId() == null) {
            GatewayOrder order = calls.createOrder(plan.ctx(), plan.due(), plan.number(), Map.of("seva_tenant",
                    plan.ctx().tenant().value(), "seva_invoice_id", plan.invoiceId()));
            steps.attachOrder(plan.invoiceId(), order.id(), plan.due());
        }
        return steps.checkoutView(plan.invoiceId(), plan.ctx().keyId());
    }

    /** Verifies Razorpay Checkout's answer and marks the invoice paid. */
    public InvoiceService.InvoiceView verify(String orderId, String paymentId, String signature) {
        Checks c = new Checks();
        c.text("razorpayOrderId", orderId, 64, true);
        c.text("razorpayPaymentId", paymentId, 64, true);
        c.text("razorpaySignature", signature, 128, true);
        c.throwIfAny();
        String order = orderId.strip();
        String payment = paymentId.strip();
        GatewayContext ctx;
        try {
            ctx = steps.checkSignature(order, payment, signature.strip(), this);
        } catch (SevaException e) {
            if (e.code() == dev.seva.sdk.ErrorCode.PAYMENT_SIGNATURE_INVALID) {
                steps.auditRejectedSignature(order);
            }
            throw e;
        }
        // the amount is what the gateway took, asked of the gateway: the browser's word is only the signature
        GatewayPayment captured = calls.paymentsOfOrder(ctx, order).stream().filter(p -> p.id().equals(payment)
                && p.isCaptured()).findFirst().orElse(null);
        return steps.recordVerified(order, captured);
    }

    boolean checkoutSignatureValid(GatewayContext ctx, String orderId, String paymentId, String signature) {
        return gateway.verifyCheckout(ctx, orderId, paymentId, signature);
    }

    /**
     * Refunds part or all of what was paid; when the gateway's answer never came, the refund is answered PENDING
     * without a gateway id, still reserved, and reconciliation learns its fate.
     */
    public InvoiceService.RefundView refund(String invoiceId, Long amountPaise, String reason) {
        PaymentSteps.RefundPlan plan = steps.planRefund(invoiceId, amountPaise, reason);
        Optional<GatewayRefund> answer;
        try {
            answer = calls.refund(plan.ctx(), plan.paymentId(), plan.amount(), Map.of("seva_refund_id", plan
                    .refundId(), "seva_tenant", plan.ctx().tenant().value()));
        } catch (SevaException e) {
            steps.refundFailed(plan.refundId());
            throw e;
        }
        if (answer.isEmpty()) {
            return steps.refundUnknown(plan.refundId());
        }
        return steps.refundAnswered(plan.refundId(), answer.get());
    }

    /** @return the gateway in use */
    PaymentGateway gateway() {
        return gateway;
    }

    /** @return the current tenant's name, for checkout */
    String tenantName() {
        return tenants.current().name();
    }
}
