package dev.seva.reference.it;

import static dev.seva.reference.it.Api.call;
import static dev.seva.reference.it.Api.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.seva.reference.it.Api.Tenant;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every payments endpoint across tenants: B's token on A's host is 401, B's token with A's ids is 404, B's webhook
 * secret never validates an event for A, and nothing of A changes.
 */
class PaymentsCrossTenantIT {

    private static Pay.Firm a;
    private static Pay.Firm b;
    private static String aInvoice;
    private static String aOrder;
    private static JsonObject aPayment;

    private record Endpoint(String method, String path, String body) {
    }

    private static List<Endpoint> endpoints() {
        String inv = "/api/v1/invoices/" + aInvoice;
        return List.of(new Endpoint("GET", "/api/v1/tenant/payment-settings", null),
                new Endpoint("PUT", "/api/v1/tenant/payment-settings", Json.createObjectBuilder()
                        .add("keyId", "rzp_test_HIJACKED00").add("keySecret", "x").add("webhookSecret", "y")
                        .add("stateCode", "29").build().toString()),
                new Endpoint("GET", "/api/v1/invoices", null), new Endpoint("POST", "/api/v1/invoices", "{}"),
                new Endpoint("GET", inv, null), new Endpoint("POST", inv + "/checkout", "{}"),
                new Endpoint("POST", inv + "/issue", "{}"), new Endpoint("POST", inv + "/void", "{}"),
                new Endpoint("POST", inv + "/refunds", Json.createObjectBuilder().add("amountPaise", 100).build()
                        .toString()),
                new Endpoint("POST", "/api/v1/payments/verify", Json.createObjectBuilder()
                        .add("razorpayOrderId", aOrder).add("razorpayPaymentId", aPayment.getString("id"))
                        .add("razorpaySignature", "0".repeat(64)).build().toString()),
                new Endpoint("GET", "/api/v1/webhooks/razorpay/events", null),
                new Endpoint("GET", "/api/v1/payments/reconciliation/failures", null),
                new Endpoint("GET", "/api/v1/payments/reconciliation/unapplied", null));
    }

    @BeforeAll
    static void twoFirms() {
        a = Pay.firm("pxa", "27");
        b = Pay.firm("pxb", "27");
        String entity = Pay.entity(a.tenant(), "Alpha Traders Pvt Ltd", "29");
        aInvoice = Pay.invoice(a.tenant(), entity, 100_000).getString("id");
        aOrder = Pay.checkout(a.tenant(), a.tenant().adminToken(), aInvoice).getString("razorpayOrderId");
        // a payment entity as a webhook would carry it, not made at the fake (reconciliation would settle it)
        aPayment = FakeRazorpay.get().payment(aOrder);
        Pay.entity(b.tenant(), "Beta Traders Pvt Ltd", "27");
    }

    @Test
    void tenantBsTokenOnTenantAsHostIsRefused() {
        for (Endpoint e : endpoints()) {
            call(e.method(), e.path(), a.tenant().t(), b.tenant().adminToken(), e.body()).problem(401,
                    "TENANT_MISMATCH");
            call(e.method(), e.path(), Tenant.host(a.tenant().slug() + ".localhost:9080"), b.tenant().adminToken(),
                    e.body()).problem(401, "TENANT_MISMATCH");
        }
    }

    @Test
    void tenantAsInvoiceAndOrderAreNotFoundFromTenantB() {
        for (Endpoint e : endpoints()) {
            if (!e.path().contains(aInvoice) && !e.path().contains("verify")) {
                continue;
            }
            call(e.method(), e.path(), b.tenant().t(), b.tenant().adminToken(), e.body()).problem(404, "NOT_FOUND");
        }
        var list = get("/api/v1/invoices?size=200", b.tenant().t(), b.tenant().adminToken()).expect(200);
        assertFalse(list.body().contains(aInvoice));
        var log = get("/api/v1/webhooks/razorpay/events?size=200", b.tenant().t(), b.tenant().adminToken()).expect(200);
        assertFalse(log.body().contains(aPayment.getString("id")));
    }

    @Test
    void tenantBsWebhookSecretNeverValidatesTenantAsEvents() {
        String body = FakeRazorpay.paymentEvent("payment.captured", aPayment);
        // signed with B's secret, sent to A: refused
        assertEquals(400, Pay.webhook(a.tenant().slug(), body, b.keys().webhookSecret(), Pay.eventId())
                .statusCode());
        // signed with B's secret, sent to B: accepted by B, but B has no such order: ignored, A untouched
        assertEquals(200, Pay.webhook(b.tenant().slug(), body, b.keys().webhookSecret(), Pay.eventId())
                .statusCode());
        Pay.awaitWebhooks(b.tenant().id());
        // signed with A's secret, sent to B: refused
        assertEquals(400, Pay.webhook(b.tenant().slug(), body, a.keys().webhookSecret(), Pay.eventId())
                .statusCode());
        // B's checkout signature (B's key secret) for A's order, verified at A: refused
        call("POST", "/api/v1/payments/verify", a.tenant().t(), a.tenant().adminToken(), Json.createObjectBuilder()
                .add("razorpayOrderId", aOrder).add("razorpayPaymentId", aPayment.getString("id"))
                .add("razorpaySignature", FakeRazorpay.checkoutSignature(b.keys().keySecret(), aOrder, aPayment
                        .getString("id")))
                .build()).problem(400, "PAYMENT_SIGNATURE_INVALID");
        JsonObject inv = Pay.get(a.tenant(), aInvoice);
        assertEquals("ISSUED", inv.getString("status"));
        assertEquals(0, inv.getJsonNumber("paidPaise").longValue());
    }

    @Test
    void withoutATokenEveryEndpointAsksForOne() {
        for (Endpoint e : endpoints()) {
            call(e.method(), e.path(), a.tenant().t(), null, e.body()).problem(401, "AUTHENTICATION_REQUIRED");
        }
    }

    @Test
    void tenantAsDataIsUnchangedAfterTheAttempts() {
        tenantBsTokenOnTenantAsHostIsRefused();
        tenantAsInvoiceAndOrderAreNotFoundFromTenantB();
        JsonObject inv = Pay.get(a.tenant(), aInvoice);
        assertEquals("ISSUED", inv.getString("status"));
        assertEquals(aOrder, inv.getString("razorpayOrderId"));
        assertEquals(0, inv.getJsonArray("refunds").size());
        var settings = get("/api/v1/tenant/payment-settings", a.tenant().t(), a.tenant().adminToken()).expect(200);
        assertEquals(a.keys().keyId(), settings.str("keyId"));
        assertEquals(true, get("/api/v1/audit-events/verify", a.tenant().t(), a.tenant().adminToken()).expect(200)
                .obj().getBoolean("valid"));
    }
}
