package dev.seva.reference.it;

import static dev.seva.reference.it.Api.post;

import dev.seva.reference.it.Api.Res;
import dev.seva.reference.it.Api.TestTenant;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

/** Helpers of the payment ITs: a firm with Razorpay keys, invoices, webhooks, and the ledger invariant. */
final class Pay {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private Pay() {
    }

    /** A tenant whose firm is in {@code firmState}, with keys the fake knows. */
    record Firm(TestTenant tenant, FakeRazorpay.Keys keys) {
    }

    static Firm firm(String prefix, String firmState) {
        TestTenant t = Api.newTenant(prefix);
        FakeRazorpay.Keys k = FakeRazorpay.get().newKeys();
        Api.call("PUT", "/api/v1/tenant/payment-settings", t.t(), t.adminToken(), Json.createObjectBuilder()
                .add("keyId", k.keyId()).add("keySecret", k.keySecret()).add("webhookSecret", k.webhookSecret())
                .add("stateCode", firmState).build()).expect(200);
        return new Firm(t, k);
    }

    static String entity(TestTenant t, String name, String state) {
        return post("/api/v1/entities", t.t(), t.adminToken(), Json.createObjectBuilder().add("legalName", name)
                .add("type", "PRIVATE_LIMITED").add("pan", "AAPFU0939F").add("state", state).build()).expect(201)
                .str("id");
    }

    /** An issued invoice of one line of {@code paise} at 18%. */
    static JsonObject invoice(TestTenant t, String entityId, long paise) {
        return post("/api/v1/invoices", t.t(), t.adminToken(), Json.createObjectBuilder().add("entityId", entityId)
                .add("lines", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("description", "GST return filing").add("sac", "998231").add("amountPaise", paise)
                        .add("serviceCategory", "gst-filing")))
                .build()).expect(201).obj();
    }

    static JsonObject checkout(TestTenant t, String token, String invoiceId) {
        return post("/api/v1/invoices/" + invoiceId + "/checkout", t.t(), token, "{}").expect(200).obj();
    }

    static Res verify(Firm f, String orderId, String paymentId) {
        return post("/api/v1/payments/verify", f.tenant().t(), f.tenant().adminToken(), Json.createObjectBuilder()
                .add("razorpayOrderId", orderId).add("razorpayPaymentId", paymentId)
                .add("razorpaySignature", FakeRazorpay.checkoutSignature(f.keys().keySecret(), orderId, paymentId))
                .build());
    }

    /** Posts a webhook signed with {@code secret} (null: no signature) under a tenant header. */
    static HttpResponse<String> webhook(String slug, String body, String secret, String eventId) {
        return webhookTo("/api/v1/webhooks/razorpay", slug, body, secret == null
                ? null
                : FakeRazorpay.sign(secret, body.getBytes(StandardCharsets.UTF_8)), eventId);
    }

    static HttpResponse<String> webhookTo(String path, String slug, String body, String signature, String eventId) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Api.BASE + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (slug != null) {
            b.header("X-Seva-Tenant", slug);
        }
        if (signature != null) {
            b.header("X-Razorpay-Signature", signature);
        }
        if (eventId != null) {
            b.header("x-razorpay-event-id", eventId);
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET with its own Accept header (HTML, PDF). */
    static HttpResponse<String> document(String path, Api.Tenant tenant, String token, String accept) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Api.BASE + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", accept).header("Authorization", "Bearer " + token).GET();
        if (tenant.header() != null) {
            b.header("X-Seva-Tenant", tenant.header());
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String eventId() {
        return "evt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
    }

    static JsonObject get(TestTenant t, String invoiceId) {
        return Api.get("/api/v1/invoices/" + invoiceId, t.t(), t.adminToken()).expect(200).obj();
    }

    /** How many audit events of this action name this target (one per delivered CDI event). */
    static int audits(String tenantId, String action, String targetId) {
        try (Connection c = Db.owner();
                PreparedStatement s = c.prepareStatement(
                        "SELECT count(*) FROM audit_event WHERE tenant_id = ? AND action = ? AND target_id = ?")) {
            s.setString(1, tenantId);
            s.setString(2, action);
            s.setString(3, targetId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A single number from SQL as the owner, with string parameters. */
    /**
     * Webhooks are processed by durable jobs after the answer: waits (up to 60 s) until none of the tenant's
     * {@code payments.webhook} jobs is pending or running.
     */
    static void awaitWebhooks(String tenantId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (sql("SELECT count(*) FROM job WHERE tenant_id = ? AND kind = 'payments.webhook' AND status IN"
                + " ('PENDING', 'RUNNING')", tenantId) > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("webhook jobs of " + tenantId + " still pending after 60 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static long sql(String query, String... params) {
        try (Connection c = Db.owner(); PreparedStatement s = c.prepareStatement(query)) {
            for (int i = 0; i < params.length; i++) {
                s.setString(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The ledger invariant of one invoice: captured payments − processed refunds = paid − refunded on the invoice,
     * and exactly one PaymentCaptured per captured payment and one PaymentRefunded per processed refund.
     */
    static void assertLedger(String tenantId, String invoiceId) {
        long captured = sql("SELECT coalesce(sum(amount_paise), 0) FROM payment WHERE tenant_id = ? AND invoice_id = ?"
                + " AND status = 'CAPTURED'", tenantId, invoiceId);
        long refunded = sql("SELECT coalesce(sum(amount_paise), 0) FROM refund WHERE tenant_id = ? AND invoice_id = ?"
                + " AND status = 'PROCESSED'", tenantId, invoiceId);
        long paid = sql("SELECT paid_paise FROM invoice WHERE tenant_id = ? AND id = ?", tenantId, invoiceId);
        long invRefunded = sql("SELECT refunded_paise FROM invoice WHERE tenant_id = ? AND id = ?", tenantId,
                invoiceId);
        org.junit.jupiter.api.Assertions.assertEquals(paid - invRefunded, captured - refunded,
                "captured - refunded = paid - refunded");
        org.junit.jupiter.api.Assertions.assertEquals(paid, captured, "paid = sum of captured payments");
        long payments = sql("SELECT count(*) FROM payment WHERE tenant_id = ? AND invoice_id = ? AND status ="
                + " 'CAPTURED'", tenantId, invoiceId);
        long events = sql("SELECT count(*) FROM audit_event a WHERE a.tenant_id = ? AND a.action ="
                + " 'EVENT_PAYMENT_CAPTURED' AND a.target_id IN (SELECT razorpay_payment_id FROM payment p WHERE"
                + " p.tenant_id = a.tenant_id AND p.invoice_id = ?)", tenantId, invoiceId);
        org.junit.jupiter.api.Assertions.assertEquals(payments, events, "one PaymentCaptured per payment");
        long refunds = sql("SELECT count(*) FROM refund WHERE tenant_id = ? AND invoice_id = ? AND status ="
                + " 'PROCESSED'", tenantId, invoiceId);
        long refundEvents = sql("SELECT count(*) FROM audit_event a WHERE a.tenant_id = ? AND a.action ="
                + " 'EVENT_PAYMENT_REFUNDED' AND a.target_id IN (SELECT razorpay_refund_id FROM refund r WHERE"
                + " r.tenant_id = a.tenant_id AND r.invoice_id = ?)", tenantId, invoiceId);
        org.junit.jupiter.api.Assertions.assertEquals(refunds, refundEvents, "one PaymentRefunded per refund");
    }
}
