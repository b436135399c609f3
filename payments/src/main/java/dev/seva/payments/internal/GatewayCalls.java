package dev.seva.payments.internal;

import dev.seva.sdk.ErrorCode;
import dev.seva.sdk.SevaException;
import dev.seva.sdk.TenantId;
import dev.seva.sdk.spi.PaymentGateway;
import dev.seva.sdk.spi.PaymentGateway.GatewayContext;
import dev.seva.sdk.spi.PaymentGateway.GatewayException;
import dev.seva.sdk.spi.PaymentGateway.GatewayOrder;
import dev.seva.sdk.spi.PaymentGateway.GatewayPayment;
import dev.seva.sdk.spi.PaymentGateway.GatewayRefund;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * Every call to the {@link PaymentGateway}, bounded: MicroProfile Fault Tolerance gives each attempt a timeout and
 * retries idempotent reads and order creation when the gateway did not answer (timeout, no connection, 5xx); around
 * that, the calling tenant's own circuit breaker ({@link TenantBreakers}) refuses calls while that tenant's gateway
 * keeps failing, and never another tenant's. A 429 is neither retried at once nor counted by the circuit: Razorpay
 * limits each account on its own, so it says this firm should slow down, not that the gateway is down (the job queue
 * or the person retries later). A synchronous {@code @Timeout} cannot interrupt a blocking socket read: how long an
 * attempt waits is bounded by the socket timeouts ({@code seva.payments.razorpay.read-timeout-ms}); past the
 * {@code @Timeout}, an answer counts as a timeout (a failure, retried where retries apply) rather than being used.
 * Refunds are not retried (a retry could refund twice) and, when no answer came, their
 * outcome is unknown rather than failed. Every timeout and retry is configurable the MicroProfile way, for example
 * {@code dev.seva.payments.internal.GatewayCalls/createOrderFt/Timeout/value=5000} or globally
 * {@code Retry/maxRetries=0}. Callers get {@link SevaException}s: 502 {@code PAYMENT_GATEWAY_ERROR} for a refusal,
 * 503 {@code PAYMENT_GATEWAY_UNAVAILABLE} for no answer, a 429 or an open circuit.
 */
@ApplicationScoped
public class GatewayCalls {

    private static final Logger LOG = Logger.getLogger(GatewayCalls.class.getName());

    @Inject
    PaymentGateway gateway;

    @Inject
    GatewayCalls self;

    @Inject
    TenantBreakers breakers;

    /** No answer, or a 5xx: retried, and counted by the tenant's circuit. */
    public static class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unavailable(GatewayException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** A 429: not retried at once, not counted by the circuit. */
    public static class Throttled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Throttled(GatewayException cause) {
            super(cause.getMessage(), cause);
        }
    }

    GatewayOrder createOrder(GatewayContext ctx, long amountPaise, String receipt, Map<String, String> notes) {
        return guarded(ctx.tenant(), () -> self.createOrderFt(ctx, amountPaise, receipt, notes));
    }

    List<GatewayPayment> paymentsOfOrder(GatewayContext ctx, String orderId) {
        return guarded(ctx.tenant(), () -> self.paymentsOfOrderFt(ctx, orderId));
    }

    List<GatewayRefund> refundsOfPayment(GatewayContext ctx, String paymentId) {
        return guarded(ctx.tenant(), () -> self.refundsOfPaymentFt(ctx, paymentId));
    }

    /**
     * @return the gateway's answer; empty when none came (a timeout, a lost connection, a 5xx): the refund may or may
     *         not have been made, and only asking the gateway later tells
     * @throws SevaException when the refund was certainly not made (refused, 429, or the circuit is open)
     */
    Optional<GatewayRefund> refund(GatewayContext ctx, String paymentId, long amountPaise, Map<String, String> notes) {
        try {
            return Optional.of(breakers.of(ctx.tenant()).executeSupplier(() -> self.refundFt(ctx, paymentId,
                    amountPaise, notes)));
        } catch (Unavailable | TimeoutException e) {
            LOG.log(Level.WARNING, "Refund of {0}: no answer from the gateway, outcome unknown", paymentId);
            return Optional.empty();
        } catch (RuntimeException e) {
            throw problem(e);
        }
    }

    @Timeout(10_000)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = {Unavailable.class, TimeoutException.class})
    public GatewayOrder createOrderFt(GatewayContext ctx, long amountPaise, String receipt, Map<String, String> notes) {
        return classify(() -> gateway.createOrder(ctx, amountPaise, receipt, notes));
    }

    @Timeout(10_000)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = {Unavailable.class, TimeoutException.class})
    public List<GatewayPayment> paymentsOfOrderFt(GatewayContext ctx, String orderId) {
        return classify(() -> gateway.paymentsOfOrder(ctx, orderId));
    }

    @Timeout(10_000)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = {Unavailable.class, TimeoutException.class})
    public List<GatewayRefund> refundsOfPaymentFt(GatewayContext ctx, String paymentId) {
        return classify(() -> gateway.refundsOfPayment(ctx, paymentId));
    }

    @Timeout(15_000)
    public GatewayRefund refundFt(GatewayContext ctx, String paymentId, long amountPaise, Map<String, String> notes) {
        return classify(() -> gateway.refund(ctx, paymentId, amountPaise, notes));
    }

    private static <T> T classify(Supplier<T> call) {
        try {
            return call.get();
        } catch (GatewayException e) {
            if (e.throttled()) {
                throw new Throttled(e);
            }
            throw e.retryable() ? new Unavailable(e) : e;
        } catch (RuntimeException e) {
            // a malformed answer (org.json) or an SDK failure: a gateway error, not ours
            throw new GatewayException("Razorpay: unexpected answer (" + e.getClass().getSimpleName() + ")", 502,
                    null);
        }
    }

    private <T> T guarded(TenantId tenant, Supplier<T> call) {
        try {
            return breakers.of(tenant).executeSupplier(call);
        } catch (RuntimeException e) {
            throw problem(e);
        }
    }

    private static SevaException problem(RuntimeException e) {
        if (e instanceof SevaException s) {
            return s;
        }
        if (e instanceof CallNotPermittedException) {
            LOG.log(Level.WARNING, "Payment gateway call refused: the circuit of tenant {0} is open", e.getMessage());
            return new SevaException(ErrorCode.PAYMENT_GATEWAY_UNAVAILABLE,
                    "The payment gateway kept failing for this firm; try again in a few seconds.");
        }
        if (e instanceof Throttled) {
            LOG.log(Level.WARNING, "Payment gateway asked to slow down: {0}", e.getMessage());
            return new SevaException(ErrorCode.PAYMENT_GATEWAY_UNAVAILABLE,
                    "The payment gateway is busy for this firm; try again shortly.");
        }
        if (e instanceof Unavailable) {
            LOG.log(Level.WARNING, "Payment gateway unavailable: {0}", e.getMessage());
            return new SevaException(ErrorCode.PAYMENT_GATEWAY_UNAVAILABLE,
                    "The payment gateway did not answer; try again shortly.");
        }
        if (e instanceof FaultToleranceException) {
            LOG.log(Level.WARNING, "Payment gateway call cut short: {0}", e.getClass().getSimpleName());
            return new SevaException(ErrorCode.PAYMENT_GATEWAY_UNAVAILABLE,
                    "The payment gateway is unavailable; try again shortly.");
        }
        if (e instanceof GatewayException g) {
            LOG.log(Level.WARNING, "Payment gateway refused: {0}", g.getMessage());
            return new SevaException(ErrorCode.PAYMENT_GATEWAY_ERROR, "The payment gateway refused the request ("
                    + (g.status() == 0 ? "no status" : "HTTP " + g.status()) + ").");
        }
        throw e;
    }
}
