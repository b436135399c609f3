package dev.seva.reference.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Payments for the browser tests (another package): Razorpay settings pointing at this run's fake Razorpay, and an
 * invoice paid through checkout and verification, as the payment ITs do with {@link Pay}.
 */
public final class BrowserPayments {

    private static final Map<String, FakeRazorpay.Keys> KEYS = new ConcurrentHashMap<>();

    private BrowserPayments() {
    }

    /** Gives the tenant Razorpay keys the fake knows, its firm in Maharashtra (27). */
    public static void enable(String slug, String adminToken) {
        FakeRazorpay.Keys k = FakeRazorpay.get().newKeys();
        Api.call("PUT", "/api/v1/tenant/payment-settings", Api.Tenant.header(slug), adminToken, Json
                .createObjectBuilder().add("keyId", k.keyId()).add("keySecret", k.keySecret())
                .add("webhookSecret", k.webhookSecret()).add("stateCode", "27").build()).expect(200);
        KEYS.put(slug, k);
    }

    /**
     * Issues an invoice of one line of {@code taxablePaise} at 18% GST to the entity and pays it in full.
     *
     * @return the gateway's payment id
     */
    public static String payInvoice(String slug, String adminToken, String entityId, long taxablePaise) {
        Api.Tenant t = Api.Tenant.header(slug);
        JsonObject inv = Api.post("/api/v1/invoices", t, adminToken, Json.createObjectBuilder()
                .add("entityId", entityId).add("lines", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("description", "GST return filing").add("sac", "998231")
                        .add("amountPaise", taxablePaise).add("serviceCategory", "gst-filing")))
                .build()).expect(201).obj();
        String orderId = Api.post("/api/v1/invoices/" + inv.getString("id") + "/checkout", t, adminToken, "{}")
                .expect(200).str("razorpayOrderId");
        String paymentId = FakeRazorpay.get().pay(orderId).getString("id");
        FakeRazorpay.Keys k = KEYS.get(slug);
        Api.post("/api/v1/payments/verify", t, adminToken, Json.createObjectBuilder().add("razorpayOrderId", orderId)
                .add("razorpayPaymentId", paymentId)
                .add("razorpaySignature", FakeRazorpay.checkoutSignature(k.keySecret(), orderId, paymentId)).build())
                .expect(200);
        return paymentId;
    }
}
