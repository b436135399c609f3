package dev.seva.reference.it;

import static dev.seva.reference.it.Api.get;
import static dev.seva.reference.it.Api.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Money that must not go astray: a refund whose answer never came stays reserved until reconciliation learns its
 * fate, a payment captured on a voided invoice is held apart (no commission) and listed for refund, and verification
 * records what the gateway took, not what the invoice asked.
 */
class PaymentsMoneyIT {

    private static FakeRazorpay fake;

    @BeforeAll
    static void fake() {
        fake = FakeRazorpay.get();
    }

    /** A firm with an invoice of {@code paise} + 18% GST paid through checkout and verification. */
    private record Paid(Pay.Firm firm, String invoiceId, String orderId, String paymentId) {
    }

    private static Paid paid(String prefix, long paise) {
        Pay.Firm f = Pay.firm(prefix, "27");
        String entity = Pay.entity(f.tenant(), "Refund Traders Pvt Ltd", "27");
        String inv = Pay.invoice(f.tenant(), entity, paise).getString("id");
        String order = Pay.checkout(f.tenant(), f.tenant().adminToken(), inv).getString("razorpayOrderId");
        String payment = fake.pay(order).getString("id");
        Pay.verify(f, order, payment).expect(200);
        return new Paid(f, inv, order, payment);
    }

    private static JsonObject await(Pay.Firm f, String invoiceId, Predicate<JsonObject> until) throws Exception {
        JsonObject inv = null;
        for (int i = 0; i < 120; i++) {
            inv = Pay.get(f.tenant(), invoiceId);
            if (until.test(inv)) {
                return inv;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the invoice did not get there: " + inv);
    }

    private static Api.Res refund(Pay.Firm f, String invoiceId, long paise) {
        return post("/api/v1/invoices/" + invoiceId + "/refunds", f.tenant().t(), f.tenant().adminToken(), Json
                .createObjectBuilder().add("amountPaise", paise).add("reason", "test").build());
    }

    private static String refundStatus(JsonObject inv, String refundId) {
        return inv.getJsonArray("refunds").stream().map(v -> v.asJsonObject()).filter(r -> r.getString("id")
                .equals(refundId)).findFirst().orElseThrow().getString("status");
    }

    @Test
    void aRefundWhoseAnswerNeverCameStaysPendingAndReservedUntilReconciliationFindsItMade() throws Exception {
        Paid p = paid("rto", 100_000);
        // Razorpay makes the refund but its answer comes after our timeout
        fake.fault(p.firm().keys().keyId(), new FakeRazorpay.Fault("POST /v1/payments/{id}/refund", 8_000, 0));
        JsonObject r;
        try {
            r = refund(p.firm(), p.invoiceId(), 118_000).expect(202).obj();
        } finally {
            fake.clearFaults(p.firm().keys().keyId());
        }
        assertEquals("PENDING", r.getString("status"), r.toString());
        // never freed for a second refund while its fate is unknown
        refund(p.firm(), p.invoiceId(), 1).problem(422, "REFUND_EXCEEDS_PAID");
        JsonObject inv = await(p.firm(), p.invoiceId(), i -> i.getString("status").equals("REFUNDED"));
        assertEquals(118_000, inv.getJsonNumber("refundedPaise").longValue());
        assertEquals("PROCESSED", refundStatus(inv, r.getString("id")));
        assertEquals(1, fake.refunds.values().stream().filter(x -> x.getString("payment_id").equals(p.paymentId()))
                .count(), "refunded once at the gateway");
        assertTrue(fake.calls(p.firm().keys().keyId(), "GET /v1/payments/{id}/refunds") >= 1);
        Pay.assertLedger(p.firm().tenant().id(), p.invoiceId());
    }

    @Test
    void aRefundWhoseAnswerNeverCameAndThatTheGatewayNeverMadeIsReleasedOnlyOnceReconciliationSaysSo()
            throws Exception {
        Paid p = paid("rtn", 50_000);
        // the request never reaches Razorpay's refund logic: 8 s of silence, then an error nobody waits for
        fake.fault(p.firm().keys().keyId(), new FakeRazorpay.Fault("POST /v1/payments/{id}/refund", 8_000, 500));
        JsonObject r;
        try {
            r = refund(p.firm(), p.invoiceId(), 59_000).expect(202).obj();
        } finally {
            fake.clearFaults(p.firm().keys().keyId());
        }
        assertEquals("PENDING", r.getString("status"));
        refund(p.firm(), p.invoiceId(), 1).problem(422, "REFUND_EXCEEDS_PAID");
        JsonObject inv = await(p.firm(), p.invoiceId(), i -> refundStatus(i, r.getString("id")).equals("FAILED"));
        assertEquals("PAID", inv.getString("status"));
        assertEquals(0, inv.getJsonNumber("refundedPaise").longValue());
        // released: now it can be refunded, once
        assertEquals("PROCESSED", refund(p.firm(), p.invoiceId(), 59_000).expect(201).str("status"));
        Pay.assertLedger(p.firm().tenant().id(), p.invoiceId());
    }

    @Test
    void verificationRecordsTheAmountTheGatewayTookNotTheInvoices() {
        Pay.Firm f = Pay.firm("vam", "27");
        String entity = Pay.entity(f.tenant(), "Partial Payers Pvt Ltd", "27");
        JsonObject inv = Pay.invoice(f.tenant(), entity, 100_000);
        String order = Pay.checkout(f.tenant(), f.tenant().adminToken(), inv.getString("id"))
                .getString("razorpayOrderId");
        String payment = fake.pay(order, 40_000).getString("id");
        JsonObject after = Pay.verify(f, order, payment).expect(200).obj();
        assertEquals(40_000, after.getJsonNumber("paidPaise").longValue(), after.toString());
        assertEquals("ISSUED", after.getString("status"), "partly paid, still due");
        assertEquals(40_000, after.getJsonArray("payments").getJsonObject(0).getJsonNumber("amountPaise")
                .longValue());
        Pay.assertLedger(f.tenant().id(), inv.getString("id"));
    }

    @Test
    void aCaptureOnAVoidedInvoiceIsHeldForRefundPaysNoCommissionAndIsListedForReconciliation() throws Exception {
        Pay.Firm f = Pay.firm("vod", "27");
        String tid = f.tenant().id();
        // an agent on 10% whose client the entity is: a capture would accrue commission
        String plan = post("/api/v1/commission-plans", f.tenant().t(), f.tenant().adminToken(), Json
                .createObjectBuilder().add("name", "Ten").add("effectiveFrom", "2026-01-01").add("holdDays", 0)
                .add("rules", Json.createArrayBuilder().add(Json.createObjectBuilder().add("kind", "PERCENT")
                        .add("ratePercent", 10)))
                .add("overrides", Json.createArrayBuilder()).build()).expect(201).str("id");
        String agent = post("/api/v1/agents", f.tenant().t(), f.tenant().adminToken(), Json.createObjectBuilder()
                .add("name", "Vikram").add("email", "vikram@agents.in").add("phone", "9876543210")
                .add("planId", plan).build()).expect(201).str("id");
        String entity = Pay.entity(f.tenant(), "Voided Orders Pvt Ltd", "27");
        post("/api/v1/agents/" + agent + "/clients", f.tenant().t(), f.tenant().adminToken(), Json
                .createObjectBuilder().add("entityId", entity).build()).expect(201);
        JsonObject inv = Pay.invoice(f.tenant(), entity, 20_000);
        String invoiceId = inv.getString("id");
        String order = Pay.checkout(f.tenant(), f.tenant().adminToken(), invoiceId).getString("razorpayOrderId");
        // the firm voids the invoice while the client still has the checkout open, and the client pays
        post("/api/v1/invoices/" + invoiceId + "/void", f.tenant().t(), f.tenant().adminToken(), "{}").expect(200);
        JsonObject payment = fake.pay(order);
        String pid = payment.getString("id");
        assertEquals(200, Pay.webhook(f.tenant().slug(), FakeRazorpay.paymentEvent("payment.captured", payment), f
                .keys().webhookSecret(), Pay.eventId()).statusCode());
        Pay.awaitWebhooks(tid);
        JsonObject after = Pay.get(f.tenant(), invoiceId);
        assertEquals("VOID", after.getString("status"));
        assertEquals(0, after.getJsonNumber("paidPaise").longValue());
        assertEquals(1, Pay.sql("SELECT count(*) FROM payment WHERE tenant_id = ? AND razorpay_payment_id = ? AND"
                + " status = 'UNAPPLIED'", tid, pid), "recorded, apart");
        assertEquals(0, Pay.sql("SELECT count(*) FROM commission_entry WHERE tenant_id = ? AND payment_id = ?", tid,
                pid), "no commission on money the firm must give back");
        assertEquals(0, Pay.audits(tid, "EVENT_PAYMENT_CAPTURED", pid), "no PaymentCaptured");
        // verification of the same payment changes nothing
        Pay.verify(f, order, pid).expect(200);
        assertEquals(0, Pay.get(f.tenant(), invoiceId).getJsonNumber("paidPaise").longValue());
        // listed for the firm to refund
        JsonObject listed = get("/api/v1/payments/reconciliation/unapplied", f.tenant().t(), f.tenant()
                .adminToken()).expect(200).json().asJsonArray().stream().map(v -> v.asJsonObject())
                .filter(o -> o.getString("paymentId").equals(pid)).findFirst().orElseThrow();
        assertEquals(invoiceId, listed.getString("invoiceId"));
        assertEquals("VOID", listed.getString("invoiceStatus"));
        assertEquals(23_600, listed.getJsonNumber("amountPaise").longValue());
        assertEquals(23_600, listed.getJsonNumber("refundDuePaise").longValue());
        // refunded through the invoice: back to the client, no clawback, no longer due
        assertEquals("PROCESSED", refund(f, invoiceId, 23_600).expect(201).str("status"));
        JsonObject done = get("/api/v1/payments/reconciliation/unapplied", f.tenant().t(), f.tenant().adminToken())
                .expect(200).json().asJsonArray().stream().map(v -> v.asJsonObject())
                .filter(o -> o.getString("paymentId").equals(pid)).findFirst().orElseThrow();
        assertEquals(0, done.getJsonNumber("refundDuePaise").longValue());
        assertEquals(23_600, done.getJsonNumber("refundedPaise").longValue());
        assertEquals("VOID", Pay.get(f.tenant(), invoiceId).getString("status"));
        assertEquals(0, Pay.sql("SELECT count(*) FROM commission_entry WHERE tenant_id = ? AND payment_id = ?", tid,
                pid));
        // another firm does not see it; a client may not list
        Pay.Firm other = Pay.firm("vox", "27");
        assertTrue(!get("/api/v1/payments/reconciliation/unapplied", other.tenant().t(), other.tenant()
                .adminToken()).expect(200).body().contains(pid));
        var client = Api.newUser(f.tenant(), "CLIENT");
        get("/api/v1/payments/reconciliation/unapplied", f.tenant().t(), client.token()).problem(403, "FORBIDDEN");
    }
}
