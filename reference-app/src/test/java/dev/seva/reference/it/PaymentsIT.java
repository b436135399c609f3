package dev.seva.reference.it;

import static dev.seva.reference.it.Api.get;
import static dev.seva.reference.it.Api.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Invoices with GST, checkout through the fake Razorpay, verification, webhooks (valid, forged, duplicated, out of
 * order, concurrent with verification), refunds and reconciliation; after each, the ledger invariant: captured −
 * refunded = paid − refunded on the invoice, one PaymentCaptured per payment, one PaymentRefunded per refund.
 */
class PaymentsIT {

    private static Pay.Firm firm;
    private static String karnataka;
    private static String maharashtra;
    private static FakeRazorpay fake;
    private static final ExecutorService POOL = Executors.newFixedThreadPool(10);

    @BeforeAll
    static void firmInMaharashtra() {
        fake = FakeRazorpay.get();
        firm = Pay.firm("pay", "27");
        karnataka = Pay.entity(firm.tenant(), "Bengaluru Widgets Pvt Ltd", "29");
        maharashtra = Pay.entity(firm.tenant(), "Pune Widgets Pvt Ltd", "27");
    }

    @AfterAll
    static void stop() {
        POOL.shutdownNow();
    }

    private static String slug() {
        return firm.tenant().slug();
    }

    private static String tid() {
        return firm.tenant().id();
    }

    /** An issued invoice with an order and a payment made at the fake (not yet known to Seva). */
    private record Paid(String invoiceId, String orderId, JsonObject payment) {
    }

    private static Paid payAtGateway(long paise) {
        JsonObject inv = Pay.invoice(firm.tenant(), karnataka, paise);
        String orderId = Pay.checkout(firm.tenant(), firm.tenant().adminToken(), inv.getString("id"))
                .getString("razorpayOrderId");
        return new Paid(inv.getString("id"), orderId, fake.pay(orderId));
    }

    @Test
    void settingsKeepTheSecretsAndNeverAnswerThem() {
        var r = get("/api/v1/tenant/payment-settings", firm.tenant().t(), firm.tenant().adminToken()).expect(200);
        assertEquals(firm.keys().keyId(), r.str("keyId"));
        assertTrue(r.obj().getBoolean("keySecretSet"));
        assertTrue(r.obj().getBoolean("webhookSecretSet"));
        assertEquals("27", r.str("stateCode"));
        assertFalse(r.body().contains(firm.keys().keySecret()));
        assertFalse(r.body().contains(firm.keys().webhookSecret()));
        assertEquals(0, Pay.sql("SELECT count(*) FROM payment_settings WHERE tenant_id = ? AND (key_secret_sealed"
                + " LIKE '%' || ? || '%' OR webhook_secret_sealed LIKE '%' || ? || '%')", tid(),
                firm.keys()
                        .keySecret(),
                firm.keys().webhookSecret()));
        Api.call("PUT", "/api/v1/tenant/payment-settings", firm.tenant().t(), firm.tenant().adminToken(),
                Json.createObjectBuilder().add("keyId", "nope").add("stateCode", "99").build())
                .problem(400, "VALIDATION_FAILED");
        var staff = Api.newUser(firm.tenant(), "STAFF");
        get("/api/v1/tenant/payment-settings", firm.tenant().t(), staff.token()).problem(403, "FORBIDDEN");
        assertEquals(dev.seva.payments.InvoiceNumbers.defaultPrefix(slug()), r.str("invoicePrefix"));
    }

    @Test
    void theInvoicePrefixIsValidatedAndKeepsNumbersWithinSixteenCharacters() {
        Pay.Firm other = Pay.firm("pfx", "27");
        for (String bad : List.of("ABCDEF", "ab", "A-B", "A/B")) {
            var p = Api.call("PUT", "/api/v1/tenant/payment-settings", other.tenant().t(), other.tenant()
                    .adminToken(),
                    Json.createObjectBuilder().add("keyId", other.keys().keyId()).add("keySecret",
                            other.keys().keySecret()).add("webhookSecret", other.keys().webhookSecret()).add(
                                    "stateCode", "27")
                            .add("invoicePrefix", bad).build());
            p.problem(400, "VALIDATION_FAILED");
            assertTrue(p.body().contains("invoicePrefix"), p.body());
        }
        Api.call("PUT", "/api/v1/tenant/payment-settings", other.tenant().t(), other.tenant().adminToken(), Json
                .createObjectBuilder().add("keyId", other.keys().keyId()).add("keySecret", other.keys().keySecret())
                .add("webhookSecret", other.keys().webhookSecret()).add("stateCode", "27").add("invoicePrefix",
                        "ZX9")
                .build()).expect(200);
        String entity = Pay.entity(other.tenant(), "Prefix Traders Pvt Ltd", "27");
        String number = Pay.invoice(other.tenant(), entity, 1000).getString("number");
        String fy = dev.seva.payments.FinancialYear.of(java.time.LocalDate.now(java.time.ZoneId.of(
                "Asia/Kolkata"))).shortLabel();
        assertEquals("ZX9/" + fy + "/00001", number);
    }

    @Test
    void aWebhookThatCannotBeAppliedYetIsAcceptedAndItsFailureShownInTheLog() throws Exception {
        Pay.Firm other = Pay.firm("pwf", "27");
        // a refund of a payment Seva has not recorded (its capture may still come): processing fails and retries
        JsonObject refund = Json.createObjectBuilder().add("id", "rfnd_EARLY" + System.nanoTime() % 100000)
                .add("entity", "refund").add("amount", 100).add("currency", "INR").add("payment_id",
                        "pay_NOTYET000001")
                .add("status", "processed").build();
        String evt = Pay.eventId();
        long t0 = System.nanoTime();
        var r = Pay.webhook(other.tenant().slug(), FakeRazorpay.refundEvent("refund.processed", refund), other.keys()
                .webhookSecret(), evt);
        assertEquals(200, r.statusCode(), r.body());
        JsonObject entry = null;
        for (int i = 0; i < 100; i++) {
            var log = get("/api/v1/webhooks/razorpay/events?size=50", other.tenant().t(), other.tenant()
                    .adminToken()).expect(200);
            entry = log.items().stream().map(e -> e.asJsonObject()).filter(e -> e.getString("eventId").equals(
                    evt)).findFirst().orElseThrow();
            if (entry.getString("status").equals("FAILED")) {
                break;
            }
            Thread.sleep(200);
        }
        assertEquals("FAILED", entry.getString("status"), entry.toString());
        assertTrue(entry.getInt("attempts") >= 1, entry.toString());
        assertTrue(entry.getString("lastError").contains("not recorded yet"), entry.toString());
        // the job is waiting for its next attempt
        assertEquals(1, Pay.sql("SELECT count(*) FROM job WHERE tenant_id = ? AND kind = 'payments.webhook' AND"
                + " status = 'PENDING' AND attempts >= 1", other.tenant().id()));
    }

    @Test
    void aMaharashtraFirmBillsAKarnatakaEntityWithIgst() {
        JsonObject inv = post("/api/v1/invoices", firm.tenant().t(), firm.tenant().adminToken(), Json
                .createObjectBuilder().add("entityId", karnataka).add("lines", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("description", "Annual compliance").add("sac", "998231")
                                .add("amountPaise", 100_000))
                        .add(Json.createObjectBuilder().add("description", "Filing fee").add("amountPaise", 50_050)
                                .add("gstRatePercent", 5)))
                .build()).expect(201).obj();
        assertEquals("ISSUED", inv.getString("status"));
        assertEquals("29", inv.getString("placeOfSupply"));
        assertTrue(inv.getBoolean("interState"));
        assertEquals(150_050, inv.getJsonNumber("taxablePaise").longValue());
        // 18% of 1000.00 = 180.00; 5% of 500.50 = 25.025 -> 25.02 (half-even)
        assertEquals(18_000 + 2_502, inv.getJsonNumber("igstPaise").longValue());
        assertEquals(0, inv.getJsonNumber("cgstPaise").longValue());
        assertEquals(0, inv.getJsonNumber("sgstPaise").longValue());
        assertEquals(150_050 + 20_502, inv.getJsonNumber("totalPaise").longValue());
        String prefix = dev.seva.payments.InvoiceNumbers.defaultPrefix(slug());
        assertTrue(inv.getString("number").matches(prefix + "/\\d{4}/\\d{5}"), inv.getString("number"));
        assertTrue(inv.getString("number").length() <= 16, inv.getString("number"));
    }

    @Test
    void insideMaharashtraItIsCgstPlusSgst() {
        JsonObject inv = Pay.invoice(firm.tenant(), maharashtra, 100_050);
        assertFalse(inv.getBoolean("interState"));
        // 9% of 1000.50 = 90.045 -> 90.04 each (half-even)
        assertEquals(9_004, inv.getJsonNumber("cgstPaise").longValue());
        assertEquals(9_004, inv.getJsonNumber("sgstPaise").longValue());
        assertEquals(0, inv.getJsonNumber("igstPaise").longValue());
        // an explicit place of supply wins over the entity's state
        JsonObject other = post("/api/v1/invoices", firm.tenant().t(), firm.tenant().adminToken(), Json
                .createObjectBuilder().add("entityId", maharashtra).add("placeOfSupply", "07")
                .add("lines", Json.createArrayBuilder().add(Json.createObjectBuilder().add("description", "x")
                        .add("amountPaise", 1000)))
                .build()).expect(201).obj();
        assertTrue(other.getBoolean("interState"));
    }

    @Test
    void badInvoicesAreFieldErrors() {
        var r = post("/api/v1/invoices", firm.tenant().t(), firm.tenant().adminToken(), Json.createObjectBuilder()
                .add("entityId", karnataka).add("lines", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("description", "").add("amountPaise", -5).add("gstRatePercent", 150).add("sac", "x")))
                .build()).problem(400, "VALIDATION_FAILED");
        assertTrue(r.fields().containsAll(List.of("lines[0].description", "lines[0].amountPaise",
                "lines[0].gstRatePercent", "lines[0].sac")), r.body());
        post("/api/v1/invoices", firm.tenant().t(), firm.tenant().adminToken(), Json.createObjectBuilder()
                .add("entityId", "00000000-0000-0000-0000-000000000000").add("lines", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("description", "x").add("amountPaise", 100)))
                .build()).problem(404, "NOT_FOUND");
    }

    @Test
    void concurrentCreationGivesGaplessUniqueNumbers() throws Exception {
        Pay.Firm f = Pay.firm("num", "27");
        String e = Pay.entity(f.tenant(), "Numbers Pvt Ltd", "27");
        List<Future<String>> all = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            all.add(POOL.submit(() -> Pay.invoice(f.tenant(), e, 10_000).getString("number")));
        }
        Set<Integer> seqs = new TreeSet<>();
        for (Future<String> n : all) {
            String number = n.get(60, TimeUnit.SECONDS);
            seqs.add(Integer.parseInt(number.substring(number.lastIndexOf('/') + 1)));
        }
        Set<Integer> expected = new TreeSet<>();
        for (int i = 1; i <= 20; i++) {
            expected.add(i);
        }
        assertEquals(expected, seqs);
        // a draft takes no number until issued, then the next one
        JsonObject draft = post("/api/v1/invoices", f.tenant().t(), f.tenant().adminToken(), Json.createObjectBuilder()
                .add("entityId", e).add("draft", true).add("lines", Json.createArrayBuilder().add(Json
                        .createObjectBuilder().add("description", "x").add("amountPaise", 100)))
                .build()).expect(201).obj();
        assertEquals("DRAFT", draft.getString("status"));
        assertFalse(draft.containsKey("number") && !draft.isNull("number"), "a draft has no number");
        post("/api/v1/invoices/" + draft.getString("id") + "/checkout", f.tenant().t(), f.tenant().adminToken(), "{}")
                .problem(422, "INVOICE_STATE");
        var issued = post("/api/v1/invoices/" + draft.getString("id") + "/issue", f.tenant().t(), f.tenant()
                .adminToken(), "{}").expect(200).obj();
        assertEquals("ISSUED", issued.getString("status"));
        assertTrue(issued.getString("number").endsWith("/00021"), issued.getString("number"));
    }

    @Test
    void checkoutVerifyThenDuplicateWebhooksAndOrderPaidGiveOnePaymentAndOneEvent() {
        Paid p = payAtGateway(100_000);
        // checkout again reuses the order
        assertEquals(p.orderId(), Pay.checkout(firm.tenant(), firm.tenant().adminToken(), p.invoiceId())
                .getString("razorpayOrderId"));
        String pid = p.payment().getString("id");
        var paid = Pay.verify(firm, p.orderId(), pid).expect(200).obj();
        assertEquals("PAID", paid.getString("status"));
        assertEquals(118_000, paid.getJsonNumber("paidPaise").longValue());
        String captured = FakeRazorpay.paymentEvent("payment.captured", p.payment());
        String evt = Pay.eventId();
        assertEquals(200, Pay.webhook(slug(), captured, firm.keys().webhookSecret(), evt).statusCode());
        assertTrue(Pay.webhook(slug(), captured, firm.keys().webhookSecret(), evt).body().contains("duplicate"));
        assertEquals(200, Pay.webhook(slug(), captured, firm.keys().webhookSecret(), Pay.eventId()).statusCode());
        assertEquals(200, Pay.webhook(slug(), fake.orderPaidEvent(p.payment()), firm.keys().webhookSecret(),
                Pay.eventId()).statusCode());
        Pay.awaitWebhooks(tid());
        JsonObject inv = Pay.get(firm.tenant(), p.invoiceId());
        assertEquals("PAID", inv.getString("status"));
        assertEquals(118_000, inv.getJsonNumber("paidPaise").longValue());
        // a Karnataka entity of a Maharashtra firm: IGST only
        assertEquals(18_000, inv.getJsonNumber("igstPaise").longValue());
        assertEquals(0, inv.getJsonNumber("cgstPaise").longValue() + inv.getJsonNumber("sgstPaise").longValue());
        assertEquals(1, inv.getJsonArray("payments").size());
        assertEquals(1, Pay.audits(tid(), "EVENT_PAYMENT_CAPTURED", pid));
        Pay.assertLedger(tid(), p.invoiceId());
        // a paid invoice is not paid again
        post("/api/v1/invoices/" + p.invoiceId() + "/checkout", firm.tenant().t(), firm.tenant().adminToken(), "{}")
                .problem(422, "INVOICE_STATE");
    }

    @Test
    void aBadCheckoutSignatureIsRefusedAndChangesNothing() {
        Paid p = payAtGateway(20_000);
        post("/api/v1/payments/verify", firm.tenant().t(), firm.tenant().adminToken(), Json.createObjectBuilder()
                .add("razorpayOrderId", p.orderId()).add("razorpayPaymentId", p.payment().getString("id"))
                .add("razorpaySignature", FakeRazorpay.checkoutSignature("wrong", p.orderId(), "x")).build())
                .problem(400, "PAYMENT_SIGNATURE_INVALID");
        assertEquals("ISSUED", Pay.get(firm.tenant(), p.invoiceId()).getString("status"));
        assertEquals(1, Pay.audits(tid(), "PAYMENT_SIGNATURE_REJECTED", p.orderId()));
    }

    @Test
    void forgedOrUnsignedWebhooksChangeNothingAndAreAudited() {
        Paid p = payAtGateway(30_000);
        String body = FakeRazorpay.paymentEvent("payment.captured", p.payment());
        String evt = Pay.eventId();
        for (HttpResponse<String> r : List.of(Pay.webhook(slug(), body, null, evt),
                Pay.webhook(slug(), body, "whsec_forged", evt),
                Pay.webhookTo("/api/v1/webhooks/razorpay", slug(), body, "zz", evt),
                // signed body, altered after signing
                Pay.webhookTo("/api/v1/webhooks/razorpay", slug(), body.replace("\"amount\":35400",
                        "\"amount\":1"), FakeRazorpay.sign(firm.keys().webhookSecret(), body.getBytes()), evt))) {
            assertEquals(400, r.statusCode(), r.body());
            assertTrue(r.body().contains("WEBHOOK_SIGNATURE_INVALID"), r.body());
        }
        JsonObject inv = Pay.get(firm.tenant(), p.invoiceId());
        assertEquals("ISSUED", inv.getString("status"));
        assertEquals(0, inv.getJsonArray("payments").size());
        // audited: the first rejection from this address at once, the others counted into one summary event
        java.util.function.LongSupplier audited = () -> Pay.audits(tid(), "WEBHOOK_REJECTED", evt) + Pay.sql(
                "SELECT count(*) FROM audit_event WHERE tenant_id = ? AND action = 'WEBHOOK_REJECTED_REPEATED' AND"
                        + " details LIKE ?",
                tid(), "%" + evt + "%");
        long until = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (audited.getAsLong() == 0 && System.nanoTime() < until) {
            java.util.concurrent.locks.LockSupport.parkNanos(500_000_000L);
        }
        assertTrue(audited.getAsLong() >= 1, "the rejections are audited");
        assertEquals(0, Pay.sql("SELECT count(*) FROM webhook_event WHERE tenant_id = ? AND event_id = ?", tid(),
                evt));
        // the same event, genuinely signed, is accepted afterwards
        assertEquals(200, Pay.webhook(slug(), body, firm.keys().webhookSecret(), evt).statusCode());
        Pay.awaitWebhooks(tid());
        assertEquals("PAID", Pay.get(firm.tenant(), p.invoiceId()).getString("status"));
        Pay.assertLedger(tid(), p.invoiceId());
    }

    @Test
    void theSameEventTenTimesConcurrentlyIsAppliedOnce() throws Exception {
        Paid p = payAtGateway(40_000);
        String body = FakeRazorpay.paymentEvent("payment.captured", p.payment());
        String evt = Pay.eventId();
        List<Callable<Integer>> sends = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sends.add(() -> Pay.webhook(slug(), body, firm.keys().webhookSecret(), evt).statusCode());
        }
        for (Future<Integer> f : POOL.invokeAll(sends)) {
            assertEquals(200, f.get());
        }
        // and ten more with fresh event ids (Razorpay's retries of a delivery it thinks failed)
        sends.clear();
        for (int i = 0; i < 10; i++) {
            sends.add(() -> Pay.webhook(slug(), body, firm.keys().webhookSecret(), Pay.eventId()).statusCode());
        }
        for (Future<Integer> f : POOL.invokeAll(sends)) {
            assertEquals(200, f.get());
        }
        Pay.awaitWebhooks(tid());
        JsonObject inv = Pay.get(firm.tenant(), p.invoiceId());
        assertEquals("PAID", inv.getString("status"));
        assertEquals(1, inv.getJsonArray("payments").size());
        assertEquals(1, Pay.audits(tid(), "EVENT_PAYMENT_CAPTURED", p.payment().getString("id")));
        assertEquals(9, Pay.sql("SELECT duplicates FROM webhook_event WHERE tenant_id = ? AND event_id = ?", tid(),
                evt));
        Pay.assertLedger(tid(), p.invoiceId());
    }

    @Test
    void eventsOutOfOrderNeverMoveTheInvoiceBack() {
        Paid p = payAtGateway(50_000);
        String secret = firm.keys().webhookSecret();
        // order.paid first, then the capture, then a late "failed" of the same payment
        assertEquals(200, Pay.webhook(slug(), fake.orderPaidEvent(p.payment()), secret, Pay.eventId()).statusCode());
        assertEquals(200, Pay.webhook(slug(), FakeRazorpay.paymentEvent("payment.captured", p.payment()), secret,
                Pay.eventId()).statusCode());
        assertEquals(200, Pay.webhook(slug(), FakeRazorpay.paymentEvent("payment.failed", p.payment()), secret,
                Pay.eventId()).statusCode());
        Pay.awaitWebhooks(tid());
        JsonObject inv = Pay.get(firm.tenant(), p.invoiceId());
        assertEquals("PAID", inv.getString("status"));
        assertEquals("CAPTURED", inv.getJsonArray("payments").getJsonObject(0).getString("status"));
        // a failed attempt of another invoice changes no amount
        Paid q = payAtGateway(60_000);
        JsonObject failedAttempt = Json.createObjectBuilder(q.payment()).add("id", "pay_FAILED" + System.nanoTime()
                % 100000).build();
        assertEquals(200, Pay.webhook(slug(), FakeRazorpay.paymentEvent("payment.failed", failedAttempt), secret,
                Pay.eventId()).statusCode());
        Pay.awaitWebhooks(tid());
        JsonObject other = Pay.get(firm.tenant(), q.invoiceId());
        assertEquals("ISSUED", other.getString("status"));
        assertEquals(0, other.getJsonNumber("paidPaise").longValue());
        // an event of an order Seva does not know is ignored, not failed
        String evt = Pay.eventId();
        JsonObject stranger = Json.createObjectBuilder(q.payment()).add("id", "pay_STRANGER1").add("order_id",
                "order_NOTOURS0000001").build();
        assertEquals(200, Pay.webhook(slug(), FakeRazorpay.paymentEvent("payment.captured", stranger), secret, evt)
                .statusCode());
        Pay.awaitWebhooks(tid());
        var log = get("/api/v1/webhooks/razorpay/events?size=200", firm.tenant().t(), firm.tenant().adminToken())
                .expect(200);
        assertTrue(log.items().stream().anyMatch(e -> e.asJsonObject().getString("eventId").equals(evt) && e
                .asJsonObject().getString("status").equals("IGNORED")), log.body());
        Pay.assertLedger(tid(), p.invoiceId());
        Pay.assertLedger(tid(), q.invoiceId());
    }

    @Test
    void verifyAndWebhookRacingStillGiveOneEvent() throws Exception {
        for (int i = 0; i < 5; i++) {
            Paid p = payAtGateway(70_000 + i);
            String body = FakeRazorpay.paymentEvent("payment.captured", p.payment());
            List<Callable<Integer>> racers = List.of(
                    () -> Pay.verify(firm, p.orderId(), p.payment().getString("id")).status(),
                    () -> Pay.webhook(slug(), body, firm.keys().webhookSecret(), Pay.eventId()).statusCode(),
                    () -> Pay.webhook(slug(), fake.orderPaidEvent(p.payment()), firm.keys().webhookSecret(),
                            Pay.eventId()).statusCode(),
                    () -> Pay.verify(firm, p.orderId(), p.payment().getString("id")).status());
            for (Future<Integer> f : POOL.invokeAll(racers)) {
                assertEquals(200, f.get());
            }
            Pay.awaitWebhooks(tid());
            assertEquals("PAID", Pay.get(firm.tenant(), p.invoiceId()).getString("status"));
            assertEquals(1, Pay.audits(tid(), "EVENT_PAYMENT_CAPTURED", p.payment().getString("id")));
            Pay.assertLedger(tid(), p.invoiceId());
        }
    }

    @Test
    void refundsPartialThenFullWithOneEventEachAndNeverMoreThanPaid() {
        Paid p = payAtGateway(100_000);
        Pay.verify(firm, p.orderId(), p.payment().getString("id")).expect(200);
        String path = "/api/v1/invoices/" + p.invoiceId() + "/refunds";
        var token = firm.tenant().adminToken();
        post(path, firm.tenant().t(), token, Json.createObjectBuilder().add("amountPaise", 118_001).build())
                .problem(422, "REFUND_EXCEEDS_PAID");
        var r1 = post(path, firm.tenant().t(), token, Json.createObjectBuilder().add("amountPaise", 18_000)
                .add("reason", "partial").build()).expect(201).obj();
        assertEquals("PROCESSED", r1.getString("status"));
        JsonObject inv = Pay.get(firm.tenant(), p.invoiceId());
        assertEquals("PARTIALLY_REFUNDED", inv.getString("status"));
        assertEquals(18_000, inv.getJsonNumber("refundedPaise").longValue());
        String rid = r1.getString("razorpayRefundId");
        assertEquals(1, Pay.audits(tid(), "EVENT_PAYMENT_REFUNDED", rid));
        // the webhook of the same refund, twice: nothing more
        String refundBody = FakeRazorpay.refundEvent("refund.processed", fake.refunds.get(rid));
        Pay.webhook(slug(), refundBody, firm.keys().webhookSecret(), Pay.eventId());
        Pay.webhook(slug(), refundBody, firm.keys().webhookSecret(), Pay.eventId());
        Pay.awaitWebhooks(tid());
        assertEquals(1, Pay.audits(tid(), "EVENT_PAYMENT_REFUNDED", rid));
        post(path, firm.tenant().t(), token, Json.createObjectBuilder().add("amountPaise", 100_001).build())
                .problem(422, "REFUND_EXCEEDS_PAID");
        // a pending refund: the answer leaves it PENDING, the webhook settles it
        fake.refundStatus("pending");
        try {
            var r2 = post(path, firm.tenant().t(), token, Json.createObjectBuilder().add("amountPaise", 100_000)
                    .build()).expect(201).obj();
            assertEquals("PENDING", r2.getString("status"));
            assertEquals("PARTIALLY_REFUNDED", Pay.get(firm.tenant(), p.invoiceId()).getString("status"));
            // reserved: nothing more can be refunded meanwhile
            post(path, firm.tenant().t(), token, Json.createObjectBuilder().add("amountPaise", 1).build())
                    .problem(422, "REFUND_EXCEEDS_PAID");
            String rid2 = r2.getString("razorpayRefundId");
            JsonObject processed = Json.createObjectBuilder(fake.refunds.get(rid2)).add("status", "processed")
                    .build();
            assertEquals(200, Pay.webhook(slug(), FakeRazorpay.refundEvent("refund.processed", processed), firm
                    .keys().webhookSecret(), Pay.eventId()).statusCode());
            Pay.awaitWebhooks(tid());
            inv = Pay.get(firm.tenant(), p.invoiceId());
            assertEquals("REFUNDED", inv.getString("status"));
            assertEquals(118_000, inv.getJsonNumber("refundedPaise").longValue());
            assertEquals(1, Pay.audits(tid(), "EVENT_PAYMENT_REFUNDED", rid2));
        } finally {
            fake.refundStatus("processed");
        }
        Pay.assertLedger(tid(), p.invoiceId());
        // an unpaid invoice cannot be refunded
        JsonObject unpaid = Pay.invoice(firm.tenant(), karnataka, 1000);
        post("/api/v1/invoices/" + unpaid.getString("id") + "/refunds", firm.tenant().t(), token, Json
                .createObjectBuilder().add("amountPaise", 1).build()).problem(422, "INVOICE_STATE");
    }

    @Test
    void withWebhooksDroppedReconciliationSettlesTheInvoice() throws Exception {
        Paid p = payAtGateway(80_000);
        // nobody verifies, no webhook arrives: the server asks the gateway after its delay (3 s in the ITs)
        JsonObject inv = null;
        for (int i = 0; i < 60; i++) {
            inv = Pay.get(firm.tenant(), p.invoiceId());
            if (inv.getString("status").equals("PAID")) {
                break;
            }
            Thread.sleep(500);
        }
        assertEquals("PAID", inv.getString("status"));
        assertEquals("RECONCILE", inv.getJsonArray("payments").getJsonObject(0).getString("source"));
        assertTrue(fake.calls("GET /v1/orders/{id}/payments") >= 1);
        assertEquals(1, Pay.audits(tid(), "EVENT_PAYMENT_CAPTURED", p.payment().getString("id")));
        // the late webhook changes nothing
        Pay.webhook(slug(), FakeRazorpay.paymentEvent("payment.captured", p.payment()), firm.keys().webhookSecret(),
                Pay.eventId());
        Pay.awaitWebhooks(tid());
        assertEquals(1, Pay.audits(tid(), "EVENT_PAYMENT_CAPTURED", p.payment().getString("id")));
        Pay.assertLedger(tid(), p.invoiceId());
    }

    @Test
    void clientsSeeAndPayOnlyTheirEntitiesInvoices() {
        var client = Api.newUser(firm.tenant(), "CLIENT");
        post("/api/v1/entities/" + karnataka + "/members", firm.tenant().t(), firm.tenant().adminToken(), Json
                .createObjectBuilder().add("userId", client.id()).add("role", "OWNER").build()).expect(201);
        JsonObject mine = Pay.invoice(firm.tenant(), karnataka, 5_000);
        JsonObject notMine = Pay.invoice(firm.tenant(), maharashtra, 5_000);
        var list = get("/api/v1/invoices?size=200", firm.tenant().t(), client.token()).expect(200);
        assertTrue(list.body().contains(mine.getString("id")));
        assertFalse(list.body().contains(notMine.getString("id")));
        get("/api/v1/invoices/" + notMine.getString("id"), firm.tenant().t(), client.token()).problem(404,
                "NOT_FOUND");
        assertEquals(404, Pay.document("/api/v1/invoices/" + notMine.getString("id") + "/pdf", firm.tenant().t(),
                client.token(), "application/pdf, application/problem+json").statusCode());
        post("/api/v1/invoices/" + notMine.getString("id") + "/checkout", firm.tenant().t(), client.token(), "{}")
                .problem(404, "NOT_FOUND");
        assertEquals(mine.getString("id"), Pay.checkout(firm.tenant(), client.token(), mine.getString("id"))
                .getString("invoiceId"));
        // clients neither create nor refund
        post("/api/v1/invoices", firm.tenant().t(), client.token(), "{}").problem(403, "FORBIDDEN");
        post("/api/v1/invoices/" + mine.getString("id") + "/refunds", firm.tenant().t(), client.token(), Json
                .createObjectBuilder().add("amountPaise", 1).build()).problem(403, "FORBIDDEN");
    }

    @Test
    void printableInvoiceAsHtmlAndPdf() {
        JsonObject inv = Pay.invoice(firm.tenant(), karnataka, 12_345);
        var html = Pay.document("/api/v1/invoices/" + inv.getString("id") + "/html", firm.tenant().t(), firm
                .tenant().adminToken(), "text/html");
        assertEquals(200, html.statusCode(), html.body());
        assertTrue(html.body().contains(inv.getString("number")));
        assertTrue(html.body().contains("pay &amp; Co"), "the firm's name, escaped");
        assertTrue(html.body().contains("IGST"));
        var pdf = Pay.document("/api/v1/invoices/" + inv.getString("id") + "/pdf", firm.tenant().t(), firm
                .tenant().adminToken(), "application/pdf");
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        assertTrue(pdf.body().startsWith("%PDF-"), "a PDF");
    }

    @Test
    void theWebhookNamesItsTenantByQueryParameter() {
        Paid p = payAtGateway(9_900);
        String body = FakeRazorpay.paymentEvent("payment.captured", p.payment());
        var r = Pay.webhookTo("/api/v1/webhooks/razorpay?tenant=" + slug(), null, body, FakeRazorpay.sign(firm
                .keys().webhookSecret(), body.getBytes()), Pay.eventId());
        assertEquals(200, r.statusCode(), r.body());
        Pay.awaitWebhooks(tid());
        assertEquals("PAID", Pay.get(firm.tenant(), p.invoiceId()).getString("status"));
        // without any tenant: 400
        var none = Pay.webhookTo("/api/v1/webhooks/razorpay", null, body, "x", Pay.eventId());
        assertEquals(400, none.statusCode(), none.body());
    }

    @Test
    void gatewayFailuresAreProblemsAndNothingIsHalfDone() {
        JsonObject inv = Pay.invoice(firm.tenant(), karnataka, 7_000);
        fake.failNext(50);
        try {
            post("/api/v1/invoices/" + inv.getString("id") + "/checkout", firm.tenant().t(), firm.tenant()
                    .adminToken(), "{}").problem(503, "PAYMENT_GATEWAY_UNAVAILABLE");
        } finally {
            fake.failNext(0);
        }
        JsonObject after = Pay.get(firm.tenant(), inv.getString("id"));
        assertFalse(after.containsKey("razorpayOrderId") && !after.isNull("razorpayOrderId"), after.toString());
    }

    @Test
    void checkoutNamesTheCheckoutScriptWhoseOriginOnlyThePortalPolicyAllows() {
        JsonObject inv = Pay.invoice(firm.tenant(), karnataka, 5_000);
        JsonObject c = Pay.checkout(firm.tenant(), firm.tenant().adminToken(), inv.getString("id"));
        assertEquals(FakeRazorpay.checkoutScript(), c.getString("checkoutScript"));
        assertEquals(firm.keys().keyId(), c.getString("keyId"));
        assertEquals(5_900, c.getJsonNumber("amountPaise").longValue());
        String origin = "http://127.0.0.1:" + FakeRazorpay.PORT;
        String portal = Pay.document("/app/", firm.tenant().t(), firm.tenant().adminToken(), "text/html").headers()
                .firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(portal.contains("script-src 'self' " + origin + ";"), portal);
        assertTrue(portal.contains("frame-src " + origin + ";"), portal);
        assertTrue(portal.contains("connect-src 'self' " + origin + ";"), portal);
        assertTrue(portal.contains("object-src 'none'") && portal.contains("frame-ancestors 'none'")
                && portal.contains("style-src 'self';") && !portal.contains("unsafe"), portal);
        // everything else keeps the strict same-origin policy
        for (String path : List.of("/login/", "/api/v1/invoices/" + inv.getString("id"))) {
            String csp = Pay.document(path, firm.tenant().t(), firm.tenant().adminToken(), "*/*").headers()
                    .firstValue("Content-Security-Policy").orElseThrow();
            assertFalse(csp.contains("127.0.0.1"), path + ": " + csp);
            assertTrue(csp.contains("script-src 'self';"), path + ": " + csp);
        }
    }

    @Test
    void failingReconciliationChecksAreShownToTheAdminAndNoOtherFirm() throws Exception {
        Pay.Firm f = Pay.firm("rcf", "27");
        String entity = Pay.entity(f.tenant(), "Mysuru Silks Pvt Ltd", "29");
        JsonObject inv = Pay.invoice(f.tenant(), entity, 9_000);
        String orderId = Pay.checkout(f.tenant(), f.tenant().adminToken(), inv.getString("id"))
                .getString("razorpayOrderId");
        // Razorpay no longer knows the order under the firm's key: every check fails, and says why
        fake.forgetOrder(orderId);
        JsonObject failure = null;
        for (int i = 0; i < 60 && failure == null; i++) {
            Thread.sleep(500);
            var list = get("/api/v1/payments/reconciliation/failures", f.tenant().t(), f.tenant().adminToken())
                    .expect(200).json().asJsonArray();
            failure = list.stream().map(v -> v.asJsonObject()).filter(o -> orderId.equals(o.getString("orderId",
                    null))).findFirst().orElse(null);
        }
        assertTrue(failure != null, "the failing check is listed");
        assertEquals(inv.getString("id"), failure.getString("invoiceId"));
        assertEquals(inv.getString("number"), failure.getString("invoiceNumber"));
        assertEquals("PENDING", failure.getString("status"));
        assertTrue(failure.getInt("attempts") >= 1);
        assertFalse(failure.isNull("nextAttemptAt"));
        assertFalse(failure.getString("lastError").isBlank(), failure.toString());
        assertEquals("ISSUED", Pay.get(f.tenant(), inv.getString("id")).getString("status"));
        // admins only; another firm's list never shows it
        var staff = Api.newUser(f.tenant(), "MANAGER");
        get("/api/v1/payments/reconciliation/failures", f.tenant().t(), staff.token()).problem(403, "FORBIDDEN");
        assertFalse(get("/api/v1/payments/reconciliation/failures", firm.tenant().t(), firm.tenant().adminToken())
                .expect(200).body().contains(orderId));
    }

    @Test
    void settingsMayLeaveSetSecretsOutAndKeepThem() {
        Pay.Firm f = Pay.firm("keep", "27");
        var r = Api.call("PUT", "/api/v1/tenant/payment-settings", f.tenant().t(), f.tenant().adminToken(), Json
                .createObjectBuilder().add("keyId", f.keys().keyId()).add("stateCode", "29").build()).expect(200);
        assertTrue(r.obj().getBoolean("keySecretSet"));
        assertTrue(r.obj().getBoolean("webhookSecretSet"));
        assertEquals("29", r.str("stateCode"));
        // the kept webhook secret still validates, the old signature of a changed one no longer does
        String body = FakeRazorpay.paymentEvent("payment.failed", fake.payment(Pay.checkout(f.tenant(), f.tenant()
                .adminToken(),
                Pay.invoice(f.tenant(), Pay.entity(f.tenant(), "Hubli Mills Pvt Ltd", "29"), 2_000)
                        .getString("id"))
                .getString("razorpayOrderId")));
        assertEquals(200, Pay.webhook(f.tenant().slug(), body, f.keys().webhookSecret(), Pay.eventId()).statusCode());
        Api.call("PUT", "/api/v1/tenant/payment-settings", f.tenant().t(), f.tenant().adminToken(), Json
                .createObjectBuilder().add("keyId", f.keys().keyId()).add("webhookSecret", "whsec_rotated")
                .add("stateCode", "29").build()).expect(200);
        assertEquals(400, Pay.webhook(f.tenant().slug(), body, f.keys().webhookSecret(), Pay.eventId())
                .statusCode());
        assertEquals(200, Pay.webhook(f.tenant().slug(), body, "whsec_rotated", Pay.eventId()).statusCode());
        // a first setting still needs both secrets
        var fresh = Api.newTenant("nokeys");
        Api.call("PUT", "/api/v1/tenant/payment-settings", fresh.t(), fresh.adminToken(), Json.createObjectBuilder()
                .add("keyId", "rzp_test_ABCDEF123456").add("stateCode", "27").build()).problem(400,
                        "VALIDATION_FAILED");
    }
}
