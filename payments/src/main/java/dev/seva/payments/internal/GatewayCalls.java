package dev.seva.payments.internal;

import dev.seva.sdk.ErrorCode;
import dev.seva.sdk.SevaException;
import dev.seva.sdk.spi.PaymentGateway;
import dev.seva.sdk.spi.PaymentGateway.GatewayContext;
import dev.seva.sdk.spi.PaymentGateway.GatewayException;
import dev.seva.sdk.spi.PaymentGateway.GatewayOrder;
import dev.seva.sdk.spi.PaymentGateway.GatewayPayment;
import dev.seva.sdk.spi.PaymentGateway.GatewayRefund;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * Every call to the {@link PaymentGateway}, bounded with MicroProfile Fault Tolerance: a timeout per attempt, retries
 * of idempotent reads and of order creation on "no answer / 5xx / 429" only, and a circuit breaker that opens on such
 * failures only (one tenant's wrong keys, a 4xx, never open it for the others). Refunds are not retried (a retry
 * could refund twice). Every value is configurable the MicroProfile way, for example
 * {@code dev.seva.payments.internal.GatewayCalls/createOrder/Timeout/value=5000} or globally
 * {@code Retry/maxRetries=0}. Callers get {@link SevaException}s: 502 {@code PAYMENT_GATEWAY_ERROR} for a refusal,
 * 503 {@code PAYMENT_GATEWAY_UNAVAILABLE} for no answer or an open circuit.
 */
@ApplicationScoped
public class GatewayCalls {

    private static final Logger LOG = Logger.getLogger(GatewayCalls.class.getName());

    @Inject
    PaymentGateway gateway;

    @Inject
    GatewayCalls self;

    /** A failure worth retrying (no answer, 5xx, 429); counted by the circuit breaker. */
    public static class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unavailable(GatewayException cause) {
            super(cause.getMessage(), cause);
        }
    }

    GatewayOrder createOrder(GatewayContext ctx, long amountPaise, String receipt, Map<String, String> notes) {
        return guarded(() -> self.createOrderFt(ctx, amountPaise, receipt, notes));
    }

    List<GatewayPayment> paymentsOfOrder(GatewayContext ctx, String orderId) {
        return guarded(() -> self.paymentsOfOrderFt(ctx, orderId));
    }

    GatewayRefund refund(GatewayContext ctx, String paymentId, long amountPaise, Map<String, String> notes) {
        return guarded(() -> self.refundFt(ctx, paymentId, amountPaise, notes));
    }

    @Timeout(10_000)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = Unavailable.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 15_000, failOn = Unavailable.class)
    public GatewayOrder createOrderFt(GatewayContext ctx, long amountPaise, String receipt, Map<String, String> notes) {
        return classify(() -> gateway.createOrder(ctx, amountPaise, receipt, notes));
    }

    @Timeout(10_000)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = Unavailable.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 15_000, failOn = Unavailable.class)
    public List<GatewayPayment> paymentsOfOrderFt(GatewayContext ctx, String orderId) {
        return classify(() -> gateway.paymentsOfOrder(ctx, orderId));
    }

    @Timeout(15_000)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 15_000, failOn = Unavailable.class)
    public GatewayRefund refundFt(GatewayContext ctx, String paymentId, long amountPaise, Map<String, String> notes) {
        return classify(() -> gateway.refund(ctx, paymentId, amountPaise, notes));
    }

    private static <T> T classify(Supplier<T> call) {
        try {
            return call.get();
        } catch (GatewayException e) {
            throw e.retryable() ? new Unavailable(e) : e;
        } catch (RuntimeException e) {
            // a malformed answer (org.json) or an SDK failure: a gateway error, not ours
            throw new GatewayException("Razorpay: unexpected answer (" + e.getClass().getSimpleName() + ")", 502,
                    null);
        }
    }

    private static <T> T guarded(Supplier<T> call) {
        try {
            return call.get();
        } catch (Unavailable e) {
            LOG.log(Level.WARNING, "Payment gateway unavailable: {0}", e.getMessage());
            throw new SevaException(ErrorCode.PAYMENT_GATEWAY_UNAVAILABLE,
                    "The payment gateway did not answer; try again shortly.");
        } catch (FaultToleranceException e) {
            LOG.log(Level.WARNING, "Payment gateway call cut short: {0}", e.getClass().getSimpleName());
            throw new SevaException(ErrorCode.PAYMENT_GATEWAY_UNAVAILABLE,
                    "The payment gateway is unavailable; try again shortly.");
        } catch (GatewayException e) {
            LOG.log(Level.WARNING, "Payment gateway refused: {0}", e.getMessage());
            throw new SevaException(ErrorCode.PAYMENT_GATEWAY_ERROR, "The payment gateway refused the request ("
                    + (e.status() == 0 ? "no status" : "HTTP " + e.status()) + ").");
        }
    }
}
