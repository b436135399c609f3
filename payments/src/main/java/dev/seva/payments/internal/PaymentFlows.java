package dev.seva.payments.internal;

import dev.seva.sdk.SevaException;
import dev.seva.sdk.spi.PaymentGateway;
import dev.seva.sdk.spi.PaymentGateway.GatewayContext;
import dev.seva.sdk.spi.PaymentGateway.GatewayOrder;
import dev.seva.sdk.spi.PaymentGateway.GatewayRefund;
import dev.seva.tenant.Tenants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

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
        try {
            return steps.verify(orderId.strip(), paymentId.strip(), signature.strip(), this);
        } catch (SevaException e) {
            if (e.code() == dev.seva.sdk.ErrorCode.PAYMENT_SIGNATURE_INVALID) {
                steps.auditRejectedSignature(orderId.strip());
            }
            throw e;
        }
    }

    boolean checkoutSignatureValid(GatewayContext ctx, String orderId, String paymentId, String signature) {
        return gateway.verifyCheckout(ctx, orderId, paymentId, signature);
    }

    /** Refunds part or all of what was paid. */
    public InvoiceService.RefundView refund(String invoiceId, Long amountPaise, String reason) {
        PaymentSteps.RefundPlan plan = steps.planRefund(invoiceId, amountPaise, reason);
        GatewayRefund answer;
        try {
            answer = calls.refund(plan.ctx(), plan.paymentId(), plan.amount(), Map.of("seva_refund_id", plan
                    .refundId(), "seva_tenant", plan.ctx().tenant().value()));
        } catch (SevaException e) {
            steps.refundFailed(plan.refundId());
            throw e;
        }
        return steps.refundAnswered(plan.refundId(), answer);
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
