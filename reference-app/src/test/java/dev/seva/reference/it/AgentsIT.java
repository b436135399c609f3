package dev.seva.reference.it;

import static dev.seva.reference.it.Api.get;
import static dev.seva.reference.it.Api.patch;
import static dev.seva.reference.it.Api.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The "done when" through the real payments flow: a client referred by agent C (parent B, grandparent A) pays
 * an invoice of ₹1,18,000 (₹1,00,000 + 18% GST) under a plan of 10% with overrides 20% / 10%: C accrues ₹10,000.00,
 * B ₹2,000.00, A ₹1,000.00; a half refund claws back exactly half of each; the month's statements add up. Also: the
 * tree refuses cycles, attribution is fixed, an agent sees only itself and its downline.
 */
class AgentsIT {

    private static Pay.Firm firm;
    private static String entity;
    private static String planId;
    private static String a;
    private static String b;
    private static String c;
    private static String d;
    private static Api.TestUser bUser;
    private static Api.TestUser cUser;
    private static Api.TestUser dUser;

    private static Api.Tenant t() {
        return firm.tenant().t();
    }

    private static String admin() {
        return firm.tenant().adminToken();
    }

    private static String agent(String name, String parent, String userId) {
        var body = Json.createObjectBuilder().add("name", name).add("email", name.toLowerCase() + "@agents.in")
                .add("phone", "+91 98765 43210").add("pan", "ABCPE1234F")
                .add("territories", Json.createArrayBuilder().add("MH").add("Pune"));
        if (parent != null) {
            body.add("parentAgentId", parent);
        }
        if (userId != null) {
            body.add("userId", userId);
        }
        JsonObject r = post("/api/v1/agents", t(), admin(), body.build()).expect(201).obj();
        assertTrue(r.getString("referralCode").matches("[A-Z2-9]{8}"), r.toString());
        return r.getString("id");
    }

    @BeforeAll
    static void firmWithThreeLevels() {
        firm = Pay.firm("agt", "27");
        entity = Pay.entity(firm.tenant(), "Referred Clients Pvt Ltd", "27");
        planId = post("/api/v1/commission-plans", t(), admin(), Json.createObjectBuilder().add("name", "Standard")
                .add("effectiveFrom", "2026-01-01").add("holdDays", 0)
                .add("rules", Json.createArrayBuilder().add(Json.createObjectBuilder().add("kind", "PERCENT")
                        .add("ratePercent", 10)))
                .add("overrides", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("level", 1).add("ratePercent", 20))
                        .add(Json.createObjectBuilder().add("level", 2).add("ratePercent", 10)))
                .build()).expect(201).str("id");
        // a later version of the same plan, not yet in force: the payment must not use it
        JsonObject v2 = post("/api/v1/commission-plans", t(), admin(), Json.createObjectBuilder()
                .add("name", "Standard").add("effectiveFrom", "2099-01-01")
                .add("rules", Json.createArrayBuilder().add(Json.createObjectBuilder().add("kind", "PERCENT")
                        .add("ratePercent", 50)))
                .build()).expect(201).obj();
        assertEquals(2, v2.getInt("version"));
        bUser = Api.newUser(firm.tenant(), "AGENT");
        cUser = Api.newUser(firm.tenant(), "AGENT");
        dUser = Api.newUser(firm.tenant(), "AGENT");
        a = agent("Anand", null, null);
        b = agent("Bela", a, bUser.id());
        c = agent("Chetan", b, cUser.id());
        d = agent("Divya", a, dUser.id());
    }

    private static Map<String, Long> ledger(String agentId, String token) {
        JsonArray items = get("/api/v1/agents/" + agentId + "/ledger?from=2026-01-01&to=2099-12-31", t(), token)
                .expect(200).items();
        Map<String, Long> byKind = new HashMap<>();
        for (JsonValue v : items) {
            JsonObject e = v.asJsonObject();
            byKind.merge(e.getString("kind"), e.getJsonNumber("amountPaise").longValue(), Long::sum);
        }
        return byKind;
    }

    private static JsonObject statement(String agentId, String token) {
        String month = YearMonth.now(ZoneId.of("Asia/Kolkata")).toString();
        JsonObject s = get("/api/v1/agents/" + agentId + "/statement?month=" + month, t(), token).expect(200).obj();
        long movements = s.getJsonNumber("accruedPaise").longValue() + s.getJsonNumber("overridesPaise").longValue()
                + s.getJsonNumber("adjustmentsPaise").longValue() - s.getJsonNumber("clawedBackPaise").longValue()
                - s.getJsonNumber("tdsPaise").longValue() - s.getJsonNumber("paidPaise").longValue();
        assertEquals(s.getJsonNumber("closingPaise").longValue(),
                s.getJsonNumber("openingPaise").longValue() + movements, "opening + movements = closing: " + s);
        return s;
    }

    @Test
    void aReferredClientPaysAndRefundsHalf() {
        post("/api/v1/agents/" + c + "/clients", t(), admin(), Json.createObjectBuilder().add("entityId", entity)
                .build()).expect(201);
        // the same agent again is a no-op; another agent is refused: attribution is fixed
        post("/api/v1/agents/" + c + "/clients", t(), admin(), Json.createObjectBuilder().add("entityId", entity)
                .build()).expect(201);
        post("/api/v1/agents/" + b + "/clients", t(), admin(), Json.createObjectBuilder().add("entityId", entity)
                .build()).problem(409, "AGENT_ATTRIBUTION_FIXED");

        JsonObject inv = Pay.invoice(firm.tenant(), entity, 10_000_000);
        assertEquals(11_800_000, inv.getJsonNumber("totalPaise").longValue());
        String orderId = Pay.checkout(firm.tenant(), admin(), inv.getString("id")).getString("razorpayOrderId");
        JsonObject payment = FakeRazorpay.get().pay(orderId);
        String paymentId = payment.getString("id");
        Pay.verify(firm, orderId, paymentId).expect(200);
        // delivered again: the payment fires once, and the ledger's unique key would hold anyway
        Pay.verify(firm, orderId, paymentId).expect(200);

        assertEquals(Map.of("ACCRUAL", 1_000_000L), ledger(c, admin()));
        assertEquals(Map.of("OVERRIDE", 200_000L), ledger(b, admin()));
        assertEquals(Map.of("OVERRIDE", 100_000L), ledger(a, admin()));
        assertEquals(Map.of(), ledger(d, admin()));
        JsonObject accrual = get("/api/v1/agents/" + c + "/ledger", t(), admin()).expect(200).items()
                .getJsonObject(0);
        assertEquals(paymentId, accrual.getString("paymentId"));
        assertEquals(10_000_000, accrual.getJsonNumber("basisPaise").longValue(), "basis: taxable value, no GST");
        assertEquals(planId, accrual.getString("planId"), "the version in force on the payment date");
        assertEquals(3, Pay.sql("SELECT count(*) FROM commission_entry WHERE tenant_id = ? AND payment_id = ?",
                firm.tenant().id(), paymentId));

        // a half refund (₹59,000 of ₹1,18,000) claws back exactly half of each
        post("/api/v1/invoices/" + inv.getString("id") + "/refunds", t(), admin(), Json.createObjectBuilder()
                .add("amountPaise", 5_900_000).add("reason", "half").build()).expect(201);
        assertEquals(Map.of("ACCRUAL", 1_000_000L, "CLAWBACK", -500_000L), ledger(c, admin()));
        assertEquals(Map.of("OVERRIDE", 200_000L, "CLAWBACK", -100_000L), ledger(b, admin()));
        assertEquals(Map.of("OVERRIDE", 100_000L, "CLAWBACK", -50_000L), ledger(a, admin()));

        JsonObject sc = statement(c, admin());
        assertEquals(1_000_000, sc.getJsonNumber("accruedPaise").longValue());
        assertEquals(500_000, sc.getJsonNumber("clawedBackPaise").longValue());
        assertEquals(500_000, sc.getJsonNumber("closingPaise").longValue());
        JsonObject sb = statement(b, admin());
        assertEquals(200_000, sb.getJsonNumber("overridesPaise").longValue());
        assertEquals(100_000, sb.getJsonNumber("closingPaise").longValue());
        assertEquals(50_000, statement(a, admin()).getJsonNumber("closingPaise").longValue());
        // the agents themselves see the same numbers
        assertEquals(500_000, statement(c, cUser.token()).getJsonNumber("closingPaise").longValue());
        assertEquals(Map.of("ACCRUAL", 1_000_000L, "CLAWBACK", -500_000L), ledger(c, bUser.token()));

        payoutRunWithholdsTdsAndExportsTheBankFile();

        // the ledger is insert-only for the application's database role
        try (var conn = Db.app(); var st = conn.createStatement()) {
            st.executeUpdate("UPDATE commission_entry SET amount_paise = 0");
            org.junit.jupiter.api.Assertions.fail("the application role may update the ledger");
        } catch (java.sql.SQLException expected) {
            assertTrue(expected.getMessage().contains("permission denied"), expected.getMessage());
        }
    }

    private static JsonObject pay(String entityId, long taxablePaise) {
        JsonObject inv = Pay.invoice(firm.tenant(), entityId, taxablePaise);
        String orderId = Pay.checkout(firm.tenant(), admin(), inv.getString("id")).getString("razorpayOrderId");
        JsonObject payment = FakeRazorpay.get().pay(orderId);
        Pay.verify(firm, orderId, payment.getString("id")).expect(200);
        return inv;
    }

    private static JsonObject bank(String agentId, String token, String name, String number, String ifsc) {
        return Api.call("PUT", "/api/v1/agents/" + agentId + "/bank-account", t(), token, Json.createObjectBuilder()
                .add("accountName", name).add("accountNumber", number).add("ifsc", ifsc).build()).expect(200).obj();
    }

    private static JsonObject line(JsonArray lines, String agentId) {
        return lines.stream().map(JsonValue::asJsonObject).filter(o -> o.getString("agentId").equals(agentId))
                .findFirst().orElse(null);
    }

    /**
     * After the ₹1,18,000 example and its half refund (C ₹5,000, B ₹1,000, A ₹500), a second payment of ₹2,00,000
     * taxable takes C to ₹25,000 this financial year, over the ₹20,000 threshold of section 194H: the run withholds 2%
     * of ₹25,000 = ₹500 from C, nothing from B (₹5,000), skips A (no bank account) and an agent whose commission is
     * still on hold; the bank file lists the net amounts; running it again changes nothing.
     */
    private static void payoutRunWithholdsTdsAndExportsTheBankFile() {
        pay(entity, 20_000_000);
        // an agent under a plan with a 30-day hold: paid later, not in this run
        String held = post("/api/v1/commission-plans", t(), admin(), Json.createObjectBuilder().add("name", "Held")
                .add("effectiveFrom", "2026-01-01").add("holdDays", 30).add("rules", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("kind", "PERCENT").add("ratePercent", 10)))
                .build()).expect(201).str("id");
        String h = post("/api/v1/agents", t(), admin(), Json.createObjectBuilder().add("name", "Hema")
                .add("email", "hema@agents.in").add("phone", "9876500000").add("pan", "ABCPH1234F")
                .add("planId", held).build()).expect(201).str("id");
        String hClient = Pay.entity(firm.tenant(), "Held Clients Pvt Ltd", "27");
        post("/api/v1/agents/" + h + "/clients", t(), admin(), Json.createObjectBuilder().add("entityId", hClient)
                .build()).expect(201);
        pay(hClient, 1_000_000);
        assertEquals(Map.of("ACCRUAL", 100_000L), ledger(h, admin()));

        // bank accounts: the agent themself or a manager; validated; shown masked; stored sealed
        JsonObject cShown = bank(c, cUser.token(), "Chetan Kumar", "1234 5678 9012", "hdfc0001234");
        assertEquals(Json.createObjectBuilder().add("accountName", "Chetan Kumar")
                .add("accountNumberMasked", "XXXX9012").add("ifsc", "HDFC0001234").build(),
                cShown.getJsonObject("bankAccount"));
        assertFalse(get("/api/v1/agents/" + c, t(), admin()).body().contains("123456789012"));
        assertEquals(0, Pay.sql("SELECT count(*) FROM agent WHERE tenant_id = ? AND bank_account_sealed LIKE ?",
                firm.tenant().id(), "%123456789012%"));
        bank(b, admin(), "=Bela \"B\" Shah", "000111222333", "SBIN0000001");
        bank(h, admin(), "Hema", "999888777666", "ICIC0000002");
        var badBank = Api.call("PUT", "/api/v1/agents/" + d + "/bank-account", t(), admin(), Json
                .createObjectBuilder().add("accountName", "").add("accountNumber", "12").add("ifsc", "HDFC1234567")
                .build()).problem(400, "VALIDATION_FAILED");
        assertEquals(List.of("accountName", "accountNumber", "ifsc"), badBank.fields());
        Api.call("PUT", "/api/v1/agents/" + c + "/bank-account", t(), bUser.token(), Json.createObjectBuilder()
                .add("accountName", "Mallory").add("accountNumber", "111122223333").add("ifsc", "HDFC0001234")
                .build()).problem(403, "FORBIDDEN");
        Api.call("PUT", "/api/v1/agents/" + b + "/bank-account", t(), cUser.token(), Json.createObjectBuilder()
                .add("accountName", "Mallory").add("accountNumber", "111122223333").add("ifsc", "HDFC0001234")
                .build()).problem(404, "NOT_FOUND");

        String today = java.time.LocalDate.now(ZoneId.of("Asia/Kolkata")).toString();
        post("/api/v1/payout-runs", t(), cUser.token(), Json.createObjectBuilder().add("periodEnd", today).build())
                .problem(403, "FORBIDDEN");
        post("/api/v1/payout-runs", t(), admin(), Json.createObjectBuilder().add("periodEnd", "2999-01-01").build())
                .problem(400, "VALIDATION_FAILED");
        long entriesBefore = Pay.sql("SELECT count(*) FROM commission_entry WHERE tenant_id = ?", firm.tenant().id());
        // two racing requests for the same period: one run, made once
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Api.Res> raced = new java.util.ArrayList<>();
        try {
            Callable<Api.Res> request = () -> post("/api/v1/payout-runs", t(), admin(), Json.createObjectBuilder()
                    .add("periodEnd", today).build());
            for (Future<Api.Res> f : pool.invokeAll(List.of(request, request))) {
                raced.add(f.get());
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(200, 201), raced.stream().map(Api.Res::status).sorted().toList(), raced.toString());
        assertEquals(raced.get(0).obj(), raced.get(1).obj());
        JsonObject run = raced.get(0).obj();
        assertEquals(today, run.getString("periodEnd"));
        JsonObject pc = line(run.getJsonArray("payouts"), c);
        assertEquals(2_500_000, pc.getJsonNumber("grossPaise").longValue(), run.toString());
        assertEquals(50_000, pc.getJsonNumber("tdsPaise").longValue(), "2% of the year's ₹25,000: " + run);
        assertEquals(2_450_000, pc.getJsonNumber("netPaise").longValue());
        assertEquals("PAID", pc.getString("status"));
        String cRef = pc.getString("reference");
        assertTrue(cRef.startsWith("SV" + today.replace("-", "")), cRef);
        JsonObject pb = line(run.getJsonArray("payouts"), b);
        assertEquals(500_000, pb.getJsonNumber("grossPaise").longValue());
        assertEquals(0, pb.getJsonNumber("tdsPaise").longValue(), "₹5,000 is under the threshold");
        assertEquals(500_000, pb.getJsonNumber("netPaise").longValue());
        assertEquals("NO_BANK_ACCOUNT", line(run.getJsonArray("skipped"), a).getString("reason"));
        assertEquals(null, line(run.getJsonArray("payouts"), h), "on hold");
        assertEquals(null, line(run.getJsonArray("skipped"), h), "on hold");
        assertEquals(entriesBefore + 3, Pay.sql("SELECT count(*) FROM commission_entry WHERE tenant_id = ?",
                firm.tenant().id()), "C: TDS and PAYOUT; B: PAYOUT");
        assertEquals(Map.of("ACCRUAL", 3_000_000L, "CLAWBACK", -500_000L, "TDS", -50_000L, "PAYOUT", -2_450_000L),
                ledger(c, admin()));
        JsonObject sc = statement(c, cUser.token());
        assertEquals(50_000, sc.getJsonNumber("tdsPaise").longValue());
        assertEquals(2_450_000, sc.getJsonNumber("paidPaise").longValue());
        assertEquals(0, sc.getJsonNumber("closingPaise").longValue());
        assertEquals(250_000, statement(a, admin()).getJsonNumber("closingPaise").longValue(), "A keeps its balance");

        // the bank file: net amounts in rupees, exact; cells quoted; a formula-like name defused
        var file = Pay.document("/api/v1/payout-runs/" + run.getString("id") + "/bank-file", t(), admin(),
                "text/csv");
        assertEquals(200, file.statusCode(), file.body());
        assertTrue(file.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        List<String> rows = List.of(file.body().split("\r\n"));
        assertEquals("Beneficiary Name,Account Number,IFSC,Amount,Reference", rows.get(0));
        assertTrue(rows.contains("\"Chetan Kumar\",\"123456789012\",\"HDFC0001234\",\"24500.00\",\"" + cRef
                + "\""), file.body());
        assertTrue(rows.contains("\"'=Bela \"\"B\"\" Shah\",\"000111222333\",\"SBIN0000001\",\"5000.00\",\""
                + pb.getString("reference") + "\""), file.body());
        assertFalse(file.body().contains("999888777666"), "the held agent is not paid");
        assertEquals(3, rows.size(), file.body());
        assertEquals(403, Pay.document("/api/v1/payout-runs/" + run.getString("id") + "/bank-file", t(),
                cUser.token(), "text/csv").statusCode());

        // running the same period again answers the same run and writes nothing
        var again = post("/api/v1/payout-runs", t(), admin(), Json.createObjectBuilder().add("periodEnd", today)
                .build()).expect(200);
        assertEquals(run, again.obj());
        assertEquals(entriesBefore + 3, Pay.sql("SELECT count(*) FROM commission_entry WHERE tenant_id = ?",
                firm.tenant().id()));
        assertEquals(1, Pay.sql("SELECT count(*) FROM payout_run WHERE tenant_id = ?", firm.tenant().id()));
        post("/api/v1/payout-runs", t(), admin(), Json.createObjectBuilder().add("periodEnd", "2026-01-31").build())
                .problem(422, "PAYOUT_PERIOD_INVALID");
        assertEquals(run, get("/api/v1/payout-runs/" + run.getString("id"), t(), admin()).expect(200).obj());
        JsonObject listed = get("/api/v1/payout-runs", t(), admin()).expect(200).items().getJsonObject(0);
        assertEquals(2_950_000, listed.getJsonNumber("netPaise").longValue());
        assertEquals(50_000, listed.getJsonNumber("tdsPaise").longValue());

        // the statement downloads: CSV with opening, TDS, payout and closing; PDF
        String month = YearMonth.now(ZoneId.of("Asia/Kolkata")).toString();
        var csv = Pay.document("/api/v1/agents/" + c + "/statement?month=" + month + "&format=csv", t(),
                cUser.token(), "text/csv");
        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(csv.body().contains("\"Firm\",\"agt"), csv.body());
        assertTrue(csv.body().contains("\"TDS\",\"" + run.getString("id") + "\""), csv.body());
        assertTrue(csv.body().contains("\"-500.00\""), csv.body());
        assertTrue(csv.body().contains("\"PAYOUT\""), csv.body());
        assertTrue(csv.body().contains("\"-24500.00\""), csv.body());
        assertTrue(csv.body().contains("\"CLOSING\",\"\",\"Closing balance\",\"\",\"0.00\""), csv.body());
        var pdf = Pay.document("/api/v1/agents/" + c + "/statement?month=" + month + "&format=pdf", t(),
                cUser.token(), "application/pdf");
        assertEquals(200, pdf.statusCode());
        assertTrue(pdf.body().startsWith("%PDF-"), "a PDF");
        assertEquals(404, Pay.document("/api/v1/agents/" + a + "/statement?month=" + month + "&format=csv", t(),
                cUser.token(), "text/csv").statusCode());
        get("/api/v1/agents/" + c + "/statement?month=" + month + "&format=xls", t(), admin()).problem(400,
                "VALIDATION_FAILED");
    }

    @Test
    void anAgentSeesOnlyItselfAndItsDownline() {
        // C: itself only
        var list = get("/api/v1/agents", t(), cUser.token()).expect(200);
        assertEquals(1, list.obj().getJsonNumber("total").longValue(), list.body());
        get("/api/v1/agents/" + c, t(), cUser.token()).expect(200);
        for (String other : new String[]{a, b, d}) {
            get("/api/v1/agents/" + other, t(), cUser.token()).problem(404, "NOT_FOUND");
            get("/api/v1/agents/" + other + "/ledger", t(), cUser.token()).problem(404, "NOT_FOUND");
            get("/api/v1/agents/" + other + "/statement?month=2026-11", t(), cUser.token()).problem(404,
                    "NOT_FOUND");
        }
        // B: itself and C
        var bList = get("/api/v1/agents?size=200", t(), bUser.token()).expect(200);
        assertEquals(2, bList.obj().getJsonNumber("total").longValue(), bList.body());
        get("/api/v1/agents/" + c + "/ledger", t(), bUser.token()).expect(200);
        get("/api/v1/agents/" + a + "/ledger", t(), bUser.token()).problem(404, "NOT_FOUND");
        get("/api/v1/agents/" + d + "/ledger", t(), bUser.token()).problem(404, "NOT_FOUND");
        // D (C's "uncle") never sees C's ledger
        get("/api/v1/agents/" + c + "/ledger", t(), dUser.token()).problem(404, "NOT_FOUND");
        // agents do not manage agents; clients do not see them
        post("/api/v1/agents", t(), cUser.token(), "{}").problem(403, "FORBIDDEN");
        post("/api/v1/agents/" + c + "/clients", t(), cUser.token(), "{}").problem(403, "FORBIDDEN");
        var client = Api.newUser(firm.tenant(), "CLIENT");
        get("/api/v1/agents", t(), client.token()).problem(403, "FORBIDDEN");
    }

    @Test
    void theTreeRefusesCyclesAndBadInputIsAFieldError() {
        patch("/api/v1/agents/" + a, t(), admin(), Json.createObjectBuilder().add("parentAgentId", c).build())
                .problem(422, "AGENT_HIERARCHY_CYCLE");
        patch("/api/v1/agents/" + a, t(), admin(), Json.createObjectBuilder().add("parentAgentId", a).build())
                .problem(422, "AGENT_HIERARCHY_CYCLE");
        JsonObject root = get("/api/v1/agents/" + a, t(), admin()).expect(200).obj();
        assertTrue(!root.containsKey("parentAgentId") || root.isNull("parentAgentId"), root.toString());
        var bad = post("/api/v1/agents", t(), admin(), Json.createObjectBuilder().add("name", "")
                .add("email", "nope").add("phone", "12").add("pan", "ABCDE").add("parentAgentId",
                        "00000000-0000-0000-0000-000000000000")
                .build()).problem(400, "VALIDATION_FAILED");
        assertTrue(bad.fields().containsAll(java.util.List.of("name", "email", "phone", "pan", "parentAgentId")),
                bad.body());
        var badPlan = post("/api/v1/commission-plans", t(), admin(), Json.createObjectBuilder().add("name", "x")
                .add("effectiveFrom", "soon").add("rules", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("kind", "PERCENT").add("ratePercent", 150)))
                .add("overrides", Json.createArrayBuilder().add(Json.createObjectBuilder().add("level", 0)
                        .add("ratePercent", 10)))
                .build()).problem(400, "VALIDATION_FAILED");
        assertTrue(badPlan.fields().containsAll(java.util.List.of("effectiveFrom", "rules[0].ratePercent",
                "overrides[0].level")), badPlan.body());
        get("/api/v1/agents/" + a + "/statement?month=2026-13", t(), admin()).problem(400, "VALIDATION_FAILED");
        get("/api/v1/agents/" + a + "/ledger?from=yesterday", t(), admin()).problem(400, "VALIDATION_FAILED");
        post("/api/v1/agents/" + a + "/clients", t(), admin(), Json.createObjectBuilder()
                .add("entityId", "00000000-0000-0000-0000-000000000000").build()).problem(404, "NOT_FOUND");
        // referral codes are unique
        JsonArray all = get("/api/v1/agents?size=200", t(), admin()).expect(200).items();
        assertEquals(all.size(), all.stream().map(v -> v.asJsonObject().getString("referralCode")).distinct()
                .count());
        assertNotEquals(0, all.size());
        assertFalse(get("/api/v1/commission-plans", t(), admin()).expect(200).body().isEmpty());
    }

    /**
     * The same capture learnt four times at once (two checkout verifications, two webhooks): one ACCRUAL and one
     * OVERRIDE per payment.
     */
    @Test
    void racingDeliveriesOfOnePaymentAccrueOnce() throws Exception {
        String e = agent("Esha", null, null);
        String f = agent("Farid", e, null);
        String client = Pay.entity(firm.tenant(), "Raced Clients Pvt Ltd", "27");
        post("/api/v1/agents/" + f + "/clients", t(), admin(), Json.createObjectBuilder().add("entityId", client)
                .build()).expect(201);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        long expected = 0;
        try {
            for (int i = 0; i < 3; i++) {
                long taxable = 100_005 + i * 10;
                expected += new java.math.BigDecimal(taxable).movePointLeft(1)
                        .setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact();
                JsonObject inv = Pay.invoice(firm.tenant(), client, taxable);
                String orderId = Pay.checkout(firm.tenant(), admin(), inv.getString("id")).getString(
                        "razorpayOrderId");
                JsonObject payment = FakeRazorpay.get().pay(orderId);
                String body = FakeRazorpay.paymentEvent("payment.captured", payment);
                List<Callable<Integer>> racers = List.of(
                        () -> Pay.verify(firm, orderId, payment.getString("id")).status(),
                        () -> Pay.webhook(firm.tenant().slug(), body, firm.keys().webhookSecret(), Pay.eventId())
                                .statusCode(),
                        () -> Pay.webhook(firm.tenant().slug(), body, firm.keys().webhookSecret(), Pay.eventId())
                                .statusCode(),
                        () -> Pay.verify(firm, orderId, payment.getString("id")).status());
                for (Future<Integer> r : pool.invokeAll(racers)) {
                    assertEquals(200, r.get());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        // webhooks may be processed after their answer: wait for the three payments, then check nothing more came
        long deadline = System.currentTimeMillis() + 30_000;
        while (Pay.sql("SELECT count(*) FROM commission_entry WHERE tenant_id = ? AND agent_id = ?",
                firm.tenant().id(), f) < 3 && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        Thread.sleep(1_000);
        assertEquals(3, Pay.sql("SELECT count(*) FROM commission_entry WHERE tenant_id = ? AND agent_id = ? AND kind ="
                + " 'ACCRUAL'", firm.tenant().id(), f));
        assertEquals(3, Pay.sql("SELECT count(*) FROM commission_entry WHERE tenant_id = ? AND agent_id = ? AND kind ="
                + " 'OVERRIDE'", firm.tenant().id(), e));
        assertEquals(Map.of("ACCRUAL", expected), ledger(f, admin()));
    }
}
