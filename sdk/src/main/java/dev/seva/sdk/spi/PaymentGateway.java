package dev.seva.sdk.spi;

import dev.seva.sdk.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A payment gateway (Razorpay by default), shaped like Kill Bill's payment plugin API: stateless, and every call
 * carries the tenant and that tenant's credentials explicitly in a {@link GatewayContext}; an implementation never
 * reads a "current tenant" or keeps one tenant's credentials where another's call could use them.
 *
 * <p>
 * Lifecycle: one {@code @ApplicationScoped} bean; a partner replaces it with an {@code @Alternative @Priority} bean.
 * Threading: called concurrently from request threads and background jobs; implementations are thread-safe.
 * Calls that reach the network block; the payments module bounds them with timeouts, retries and a circuit
 * breaker. Errors: a {@link GatewayException}, never the gateway library's own exceptions; the secrets of the
 * context never appear in a message.
 */
public interface PaymentGateway {

    /** @return a short, stable name, for example {@code razorpay} */
    String name();

    /**
     * Creates an order the customer pays in the gateway's checkout.
     *
     * @param ctx the tenant and its credentials
     * @param amountPaise the amount to collect, in paise
     * @param receipt the merchant's reference (the invoice number), at most 40 characters
     * @param notes key/value notes stored with the order (tenant and invoice ids)
     * @return the order
     */
    GatewayOrder createOrder(GatewayContext ctx, long amountPaise, String receipt, Map<String, String> notes);

    /**
     * @param ctx the tenant and its credentials
     * @param orderId the gateway's order id
     * @return the payments made against the order, in any state
     */
    List<GatewayPayment> paymentsOfOrder(GatewayContext ctx, String orderId);

    /**
     * Refunds (part of) a captured payment.
     *
     * @param ctx the tenant and its credentials
     * @param paymentId the gateway's payment id
     * @param amountPaise the amount to refund
     * @param notes key/value notes stored with the refund (Seva's refund id, to match the webhook)
     * @return the refund as the gateway answered (it may still be pending)
     */
    GatewayRefund refund(GatewayContext ctx, String paymentId, long amountPaise, Map<String, String> notes);

    /**
     * The refunds of a payment, with their notes: how a refund whose answer never came is found (or found never to
     * have been made). The default says the gateway cannot tell, so such a refund stays pending until the gateway's
     * own notification settles it.
     *
     * @param ctx the tenant and its credentials
     * @param paymentId the gateway's payment id
     * @return the payment's refunds, in any state
     * @throws UnsupportedOperationException when the gateway cannot list them (the default)
     */
    default List<GatewayRefund> refundsOfPayment(GatewayContext ctx, String paymentId) {
        throw new UnsupportedOperationException(name() + " cannot list the refunds of a payment");
    }

    /**
     * @return whether {@code signature} is the checkout signature of {@code orderId} and {@code paymentId} under the
     *         tenant's key secret; false (never an exception) for a missing or malformed signature
     */
    boolean verifyCheckout(GatewayContext ctx, String orderId, String paymentId, String signature);

    /**
     * @param rawBody the webhook request's body exactly as received
     * @return whether {@code signature} signs {@code rawBody} under the tenant's webhook secret; false (never an
     *         exception) for a missing or malformed signature
     */
    boolean verifyWebhook(GatewayContext ctx, byte[] rawBody, String signature);

    /**
     * The tenant a call is for and its gateway credentials. {@link #toString()} never shows the secrets.
     *
     * @param tenant the tenant
     * @param keyId the public key id
     * @param keySecret the API key secret
     * @param webhookSecret the webhook secret, may be null when not needed
     */
    record GatewayContext(TenantId tenant, String keyId, String keySecret, String webhookSecret) {

        /** Checks the required parts. */
        public GatewayContext {
            Objects.requireNonNull(tenant, "tenant");
        }

        @Override
        public String toString() {
            return "GatewayContext[tenant=" + tenant + ", keyId=" + keyId + ", secrets=***]";
        }
    }

    /**
     * An order.
     *
     * @param id the gateway's id ({@code order_...})
     * @param amountPaise the amount
     * @param currency the currency ({@code INR})
     * @param status the gateway's status ({@code created}, {@code attempted}, {@code paid})
     */
    record GatewayOrder(String id, long amountPaise, String currency, String status) {
    }

    /**
     * A payment.
     *
     * @param id the gateway's id ({@code pay_...})
     * @param orderId its order
     * @param amountPaise the amount
     * @param status the gateway's status ({@code created}, {@code authorized}, {@code captured}, {@code refunded},
     *        {@code failed})
     * @param createdAt when it was made
     */
    record GatewayPayment(String id, String orderId, long amountPaise, String status, Instant createdAt) {

        /** @return whether the money was captured (a later refund leaves it captured) */
        public boolean isCaptured() {
            return "captured".equals(status) || "refunded".equals(status);
        }
    }

    /**
     * A refund.
     *
     * @param id the gateway's id ({@code rfnd_...})
     * @param paymentId the refunded payment
     * @param amountPaise the amount
     * @param status the gateway's status ({@code pending}, {@code processed}, {@code failed})
     * @param notes the notes stored with it (Seva's refund id as {@code seva_refund_id}), never null
     */
    record GatewayRefund(String id, String paymentId, long amountPaise, String status, Map<String, String> notes) {

        /** Copies the notes. */
        public GatewayRefund {
            notes = notes == null ? Map.of() : Map.copyOf(notes);
        }

        /** A refund without notes. */
        public GatewayRefund(String id, String paymentId, long amountPaise, String status) {
            this(id, paymentId, amountPaise, status, Map.of());
        }
    }

    /** A gateway call that failed. The message is safe to log: no secrets, no card data. */
    class GatewayException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final int status;

        /**
         * @param message what failed
         * @param status the gateway's HTTP status, or 0 when none came back (network, timeout)
         * @param cause the cause, may be null
         */
        public GatewayException(String message, int status, Throwable cause) {
            super(message, cause);
            this.status = status;
        }

        /** @return the gateway's HTTP status, 0 when there was no answer */
        public int status() {
            return status;
        }

        /** @return whether trying again may succeed: no answer, or a 5xx or 429 */
        public boolean retryable() {
            return status == 0 || status == 429 || status >= 500;
        }

        /** @return whether the gateway asked us to slow down (HTTP 429): it is up, and it did nothing */
        public boolean throttled() {
            return status == 429;
        }
    }
}
