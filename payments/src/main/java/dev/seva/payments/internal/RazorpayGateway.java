package dev.seva.payments.internal;

import com.razorpay.Order;
import com.razorpay.Payment;
import com.razorpay.RazorpayClient;
import com.razorpay.RazorpayException;
import com.razorpay.Refund;
import dev.seva.sdk.spi.PaymentGateway;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.json.JSONObject;

/**
 * {@link PaymentGateway} on razorpay-java 1.4.10. A {@code RazorpayClient} is built per call from the tenant's keys
 * in the context (cheap: it only holds the Basic credentials); the SDK's one static HTTP client is ours
 * ({@link RazorpayHttp}). Signatures are checked here with our own constant-time HMAC-SHA256 over the exact bytes
 * (the SDK's webhook check re-encodes a String with the platform charset).
 */
@ApplicationScoped
public class RazorpayGateway implements PaymentGateway {

    @Inject
    @ConfigProperty(name = "seva.payments.razorpay.base-url", defaultValue = RazorpayHttp.RAZORPAY_BASE_URL)
    String baseUrl;

    @Inject
    @ConfigProperty(name = "seva.payments.razorpay.connect-timeout-ms", defaultValue = "3000")
    long connectTimeoutMs;

    @Inject
    @ConfigProperty(name = "seva.payments.razorpay.read-timeout-ms", defaultValue = "10000")
    long readTimeoutMs;

    @PostConstruct
    void init() {
        RazorpayHttp.install(baseUrl, connectTimeoutMs, readTimeoutMs);
    }

    @Override
    public String name() {
        return "razorpay";
    }

    @Override
    public GatewayOrder createOrder(GatewayContext ctx, long amountPaise, String receipt, Map<String, String> notes) {
        JSONObject req = new JSONObject().put("amount", amountPaise).put("currency", "INR")
                .put("receipt", receipt).put("notes", new JSONObject(notes));
        try {
            Order o = client(ctx).orders.create(req);
            JSONObject j = o.toJson();
            return new GatewayOrder(j.getString("id"), j.getLong("amount"), j.optString("currency", "INR"),
                    j.optString("status", "created"));
        } catch (RazorpayException e) {
            throw failure("create order", e);
        }
    }

    @Override
    public List<GatewayPayment> paymentsOfOrder(GatewayContext ctx, String orderId) {
        try {
            List<Payment> ps = client(ctx).orders.fetchPayments(orderId);
            List<GatewayPayment> out = new ArrayList<>(ps.size());
            for (Payment p : ps) {
                out.add(payment(p.toJson()));
            }
            return out;
        } catch (RazorpayException e) {
            throw failure("fetch the payments of an order", e);
        }
    }

    @Override
    public GatewayRefund refund(GatewayContext ctx, String paymentId, long amountPaise, Map<String, String> notes) {
        JSONObject req = new JSONObject().put("amount", amountPaise).put("notes", new JSONObject(notes));
        try {
            Refund r = client(ctx).payments.refund(paymentId, req);
            return refund(r.toJson(), paymentId);
        } catch (RazorpayException e) {
            throw failure("refund", e);
        }
    }

    @Override
    public List<GatewayRefund> refundsOfPayment(GatewayContext ctx, String paymentId) {
        try {
            List<Refund> rs = client(ctx).payments.fetchAllRefunds(paymentId);
            List<GatewayRefund> out = new ArrayList<>(rs.size());
            for (Refund r : rs) {
                out.add(refund(r.toJson(), paymentId));
            }
            return out;
        } catch (RazorpayException e) {
            throw failure("fetch the refunds of a payment", e);
        }
    }

    /** Parses a Razorpay refund entity; its notes are an object, or an empty array when there are none. */
    static GatewayRefund refund(JSONObject j, String paymentId) {
        Map<String, String> notes = new HashMap<>();
        JSONObject n = j.optJSONObject("notes");
        if (n != null) {
            for (String k : n.keySet()) {
                Object v = n.opt(k);
                if (v instanceof String text) {
                    notes.put(k, text);
                }
            }
        }
        return new GatewayRefund(j.getString("id"), j.optString("payment_id", paymentId), j.getLong("amount"),
                j.optString("status", "pending"), notes);
    }

    @Override
    public boolean verifyCheckout(GatewayContext ctx, String orderId, String paymentId, String signature) {
        if (orderId == null || paymentId == null || ctx.keySecret() == null) {
            return false;
        }
        return matches(ctx.keySecret(), (orderId + "|" + paymentId).getBytes(StandardCharsets.UTF_8), signature);
    }

    @Override
    public boolean verifyWebhook(GatewayContext ctx, byte[] rawBody, String signature) {
        if (rawBody == null || ctx.webhookSecret() == null) {
            return false;
        }
        return matches(ctx.webhookSecret(), rawBody, signature);
    }

    /** Parses a Razorpay payment entity (API answer or webhook payload). */
    static GatewayPayment payment(JSONObject j) {
        return new GatewayPayment(j.getString("id"), j.optString("order_id", null), j.optLong("amount"),
                j.optString("status", ""), Instant.ofEpochSecond(j.optLong("created_at",
                        Instant.now().getEpochSecond())));
    }

    static String hmacHex(String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static boolean matches(String secret, byte[] data, String signature) {
        if (signature == null || signature.length() != 64) {
            return false;
        }
        return MessageDigest.isEqual(hmacHex(secret, data).getBytes(StandardCharsets.US_ASCII),
                signature.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    private static RazorpayClient client(GatewayContext ctx) throws RazorpayException {
        if (ctx.keyId() == null || ctx.keySecret() == null) {
            // 401, as Razorpay answers a call without credentials: an answer, not an outage (never retried or counted)
            throw new GatewayException("The tenant has no Razorpay keys", 401, null);
        }
        return new RazorpayClient(ctx.keyId(), ctx.keySecret());
    }

    private static GatewayException failure(String what, RazorpayException e) {
        // the SDK's message is the gateway's error code and description, or the server's answer: no secrets
        String detail = e.getMessage() == null ? "" : e.getMessage().replaceAll("\\s+", " ");
        if (detail.length() > 300) {
            detail = detail.substring(0, 300);
        }
        return new GatewayException("Razorpay: " + what + " failed: " + detail, e.getStatusCode(), null);
    }
}
