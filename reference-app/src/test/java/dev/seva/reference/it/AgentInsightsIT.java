package dev.seva.reference.it;

import static dev.seva.reference.it.Api.call;
import static dev.seva.reference.it.Api.get;
import static dev.seva.reference.it.Api.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seva.reference.it.Api.Tenant;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The batch accrual path against the event path (identical ledgers for the same payments, idempotent, tenant-bound),
 * and the portal's insights: leaderboard, earnings by month, the agent's own record and the referral QR code, with
 * the ledger's visibility and across tenants.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AgentInsightsIT {

    private static final String COLUMNS = "agent_id, kind, amount_paise, source_id, payment_id, refund_id, invoice_id,"
            + " entity_id, plan_id, earner_agent_id, level, basis_paise, rate_percent, hold_until, occurred_at, note";

    private static Pay.Firm firm;
    private static Pay.Firm other;
    private static String a;
    private static String b;
    private static String c;
    private static String d;
    private static Api.TestUser cUser;
    private static Api.TestUser dUser;

    private static Tenant t() {
        return firm.tenant().t();
    }

    private static String admin() {
        return firm.tenant().adminToken();
    }

    private static String plan(Api.TestTenant t, String name, JsonObject rule) {
        return post("/api/v1/commission-plans", t.t(), t.adminToken(), Json.createObjectBuilder().add("name", name)
                .add("effectiveFrom", "2026-01-01").add("holdDays", 15).add("rules", Json.createArrayBuilder()
                        .add(rule))
                .add("overrides", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("level", 1).add("ratePercent", 20))
                        .add(Json.createObjectBuilder().add("level", 2).add("ratePercent", 10)))
                .build()).expect(201).str("id");
    }

    private static String agent(Api.TestTenant t, String name, String parent, String plan, String userId) {
        var body = Json.createObjectBuilder().add("name", name).add("email", name.toLowerCase() + "@agents.in")
                .add("phone", "9876543210");
        if (parent != null) {
            body.add("parentAgentId", parent);
        }
        if (plan != null) {
            body.add("planId", plan);
        }
        if (userId != null) {
            body.add("userId", userId);
        }
        return post("/api/v1/agents", t.t(), t.adminToken(), body.build()).expect(201).str("id");
    }

    private static void pay(Pay.Firm f, String entity, long taxablePaise) {
        JsonObject inv = Pay.invoice(f.tenant(), entity, taxablePaise);
        String orderId = Pay.checkout(f.tenant(), f.tenant().adminToken(), inv.getString("id"))
                .getString("razorpayOrderId");
        String paymentId = FakeRazorpay.get().pay(orderId).getString("id");
        Pay.verify(f, orderId, paymentId).expect(200);
    }

    @BeforeAll
    static void firmWithPayments() {
        firm = Pay.firm("agi", "27");
        other = Pay.firm("agj", "27");
        // C earns on a SLAB plan (whole-amount: the month's volume decides the rate), D on a percentage
        String slab = plan(firm.tenant(), "Slabs", Json.createObjectBuilder().add("kind", "SLAB")
                .add("slabMode", "WHOLE").add("slabs", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("fromPaise", 0).add("toPaise", 1_000_000)
                                .add("ratePercent", 5))
                        .add(Json.createObjectBuilder().add("fromPaise", 1_000_000).add("ratePercent", 7.5)))
                .build());
        String percent = plan(firm.tenant(), "Percent", Json.createObjectBuilder().add("kind", "PERCENT")
                .add("ratePercent", 10).add("capPaise", 90_000).build());
        cUser = Api.newUser(firm.tenant(), "AGENT");
        dUser = Api.newUser(firm.tenant(), "AGENT");
        a = agent(firm.tenant(), "Asha", null, percent, null);
        b = agent(firm.tenant(), "Bhanu", a, percent, null);
        c = agent(firm.tenant(), "Charu", b, slab, cUser.id());
        d = agent(firm.tenant(), "Dev", a, percent, dUser.id());
        String cClient = Pay.entity(firm.tenant(), "Charu Clients Pvt Ltd", "27");
        String dClient = Pay.entity(firm.tenant(), "Dev Clients Pvt Ltd", "27");
        post("/api/v1/agents/" + c + "/clients", t(), admin(), Json.createObjectBuilder().add("entityId", cClient)
                .build()).expect(201);
        post("/api/v1/agents/" + d + "/clients", t(), admin(), Json.createObjectBuilder().add("entityId", dClient)
                .build()).expect(201);
        // odd amounts: every entry rounds; the third of C's crosses the slab
        pay(firm, cClient, 600_005);
        pay(firm, cClient, 300_003);
        pay(firm, cClient, 700_007);
        pay(firm, dClient, 1_234_567);
        pay(firm, dClient, 55_555);
        // a firm of its own in the other tenant, with a payment too
        String oPlan = plan(other.tenant(), "P", Json.createObjectBuilder().add("kind", "PERCENT")
                .add("ratePercent", 10).build());
        String oAgent = agent(other.tenant(), "Olga", null, oPlan, null);
        String oClient = Pay.entity(other.tenant(), "Olga Clients Pvt Ltd", "27");
        post("/api/v1/agents/" + oAgent + "/clients", other.tenant().t(), other.tenant().adminToken(),
                Json.createObjectBuilder().add("entityId", oClient).build()).expect(201);
        pay(other, oClient, 100_000);
    }

    /** The tenant's ledger, every column but the id and created_at, in a stable order. */
    private static List<String> ledger(String tenantId) {
        List<String> rows = new ArrayList<>();
        try (Connection conn = Db.owner();
                PreparedStatement s = conn.prepareStatement("SELECT " + COLUMNS
                        + " FROM commission_entry WHERE tenant_id = ? ORDER BY source_id, kind, level, agent_id")) {
            s.setString(1, tenantId);
            try (ResultSet r = s.executeQuery()) {
                int n = r.getMetaData().getColumnCount();
                while (r.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= n; i++) {
                        row.append(r.getString(i)).append(" | ");
                    }
                    rows.add(row.toString());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    private static void forget(String tenantId) {
        try (Connection conn = Db.owner();
                PreparedStatement s = conn.prepareStatement("DELETE FROM commission_entry WHERE tenant_id = ?")) {
            s.setString(1, tenantId);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject backfill(Pay.Firm f, JsonObject body) {
        return post("/api/v1/commission-accruals/backfill", f.tenant().t(), f.tenant().adminToken(), body)
                .expect(200).obj();
    }

    @Test
    @Order(1)
    void theBatchPathWritesTheLedgerTheEventsWrote() {
        List<String> byEvents = ledger(firm.tenant().id());
        // 5 payments: C's 3 with 2 overrides each (B, A), D's 2 with 1 override each (A; D has no grandparent)
        assertEquals(5 * 1 + 3 * 2 + 2 * 1, byEvents.size(), String.join("\n", byEvents));
        List<String> otherBefore = ledger(other.tenant().id());
        assertEquals(1, otherBefore.size());

        forget(firm.tenant().id());
        forget(other.tenant().id());
        // the other tenant's backfill writes only its own ledger
        JsonObject o = backfill(other, Json.createObjectBuilder().build());
        assertEquals(1, o.getJsonNumber("payments").longValue(), o.toString());
        assertEquals(otherBefore, ledger(other.tenant().id()));
        assertEquals(List.of(), ledger(firm.tenant().id()), "another tenant's backfill wrote nothing here");

        JsonObject r = backfill(firm, Json.createObjectBuilder().build());
        assertEquals(5, r.getJsonNumber("payments").longValue(), r.toString());
        assertEquals(byEvents.size(), r.getJsonNumber("entriesWritten").longValue(), r.toString());
        assertEquals(byEvents, ledger(firm.tenant().id()), "the same entries, amounts, rates, holds and notes");

        // idempotent: again, nothing; a date range outside the payments, nothing either
        JsonObject again = backfill(firm, Json.createObjectBuilder().build());
        assertEquals(0, again.getJsonNumber("payments").longValue(), again.toString());
        assertEquals(0, again.getJsonNumber("entriesWritten").longValue(), again.toString());
        assertEquals(byEvents, ledger(firm.tenant().id()));
        forget(firm.tenant().id());
        JsonObject none = backfill(firm, Json.createObjectBuilder().add("from", "2020-01-01").add("to", "2020-12-31")
                .build());
        assertEquals(0, none.getJsonNumber("entriesWritten").longValue(), none.toString());
        backfill(firm, Json.createObjectBuilder().build());
        assertEquals(byEvents, ledger(firm.tenant().id()));
    }

    @Test
    @Order(2)
    void theBackfillIsForTenantAdminsAndChecksItsInput() {
        post("/api/v1/commission-accruals/backfill", t(), cUser.token(), "{}").problem(403, "FORBIDDEN");
        var staff = Api.newUser(firm.tenant(), "STAFF");
        post("/api/v1/commission-accruals/backfill", t(), staff.token(), "{}").problem(403, "FORBIDDEN");
        var bad = post("/api/v1/commission-accruals/backfill", t(), admin(), Json.createObjectBuilder()
                .add("from", "soon").build()).problem(400, "VALIDATION_FAILED");
        assertEquals(List.of("from"), bad.fields());
        post("/api/v1/commission-accruals/backfill", t(), admin(), Json.createObjectBuilder().add("from", "2026-02-01")
                .add("to", "2026-01-01").build()).problem(400, "VALIDATION_FAILED");
    }

    @Test
    @Order(3)
    void leaderboardEarningsMeAndQr() {
        String month = YearMonth.now(ZoneId.of("Asia/Kolkata")).toString();
        // a lead of D's converted this month: one conversion
        String dCode = get("/api/v1/agents/" + d, t(), admin()).expect(200).str("referralCode");
        String lead = post("/api/v1/leads", t(), admin(), Json.createObjectBuilder().add("name", "Converted Lead")
                .add("phone", "9811122233").add("referralCode", dCode).build()).expect(201).str("id");
        post("/api/v1/leads/" + lead + "/convert", t(), admin(), Json.createObjectBuilder().add("entity", Json
                .createObjectBuilder().add("legalName", "Converted Lead Pvt Ltd").add("type", "PRIVATE_LIMITED"))
                .add("createClientUser", false).build()).expect(200);
        JsonObject board = get("/api/v1/agents/leaderboard?month=" + month, t(), admin()).expect(200).obj();
        JsonArray items = board.getJsonArray("items");
        assertEquals(4, items.size(), board.toString());
        JsonObject first = items.getJsonObject(0);
        long dAccrued = 90_000 + 5_556; // 10% of 12,345.67 capped at 900.00, then 10% of 555.55 (555.55 -> 5,556 p)
        long cAccrued = Math.round(600_005 * 0.05) + Math.round(300_003 * 0.05);
        assertTrue(dAccrued > 0 && cAccrued > 0);
        for (var v : items) {
            JsonObject line = v.asJsonObject();
            assertTrue(line.getJsonNumber("commissionPaise").longValue() <= first.getJsonNumber("commissionPaise")
                    .longValue(), "best first: " + board);
        }
        JsonObject dLine = items.stream().map(v -> v.asJsonObject()).filter(l -> l.getString("agentId").equals(d))
                .findFirst().orElseThrow();
        assertEquals(dAccrued, dLine.getJsonNumber("commissionPaise").longValue(), dLine.toString());
        assertEquals(1, dLine.getJsonNumber("conversions").longValue());
        assertEquals(Math.round((1_234_567 + 55_555) * 1.18), dLine.getJsonNumber("capturedPaise").longValue());
        get("/api/v1/agents/leaderboard", t(), cUser.token()).problem(403, "FORBIDDEN");
        get("/api/v1/agents/leaderboard?month=2026-13", t(), admin()).problem(400, "VALIDATION_FAILED");

        JsonObject earnings = get("/api/v1/agents/" + d + "/earnings?months=12", t(), dUser.token()).expect(200)
                .obj();
        JsonArray months = earnings.getJsonArray("months");
        assertEquals(12, months.size());
        JsonObject now = months.getJsonObject(11);
        assertEquals(month, now.getString("month"));
        assertEquals(dAccrued, now.getJsonNumber("accruedPaise").longValue(), now.toString());
        assertEquals(dAccrued, now.getJsonNumber("netPaise").longValue(), now.toString());
        JsonObject aNow = get("/api/v1/agents/" + a + "/earnings?months=1", t(), admin()).expect(200).obj()
                .getJsonArray("months").getJsonObject(0);
        assertTrue(aNow.getJsonNumber("overridesPaise").longValue() > 0, aNow.toString());
        // an agent sees itself and its downline only
        get("/api/v1/agents/" + c + "/earnings", t(), dUser.token()).problem(404, "NOT_FOUND");
        get("/api/v1/agents/" + a + "/earnings", t(), dUser.token()).problem(404, "NOT_FOUND");
        get("/api/v1/agents/" + d + "/earnings?months=0", t(), admin()).problem(400, "VALIDATION_FAILED");

        assertEquals(d, get("/api/v1/agents/me", t(), dUser.token()).expect(200).str("id"));
        assertEquals(c, get("/api/v1/agents/me", t(), cUser.token()).expect(200).str("id"));
        get("/api/v1/agents/me", t(), admin()).problem(404, "NOT_FOUND");
        get("/api/v1/agents/me", t(), Api.newUser(firm.tenant(), "CLIENT").token()).problem(403, "FORBIDDEN");

        String code = get("/api/v1/agents/" + d, t(), admin()).expect(200).str("referralCode");
        HttpResponse<String> qr = Pay.document("/api/v1/agents/" + d + "/referral-qr", t(), dUser.token(),
                "image/svg+xml");
        assertEquals(200, qr.statusCode(), qr.body());
        assertTrue(qr.headers().firstValue("Content-Type").orElse("").startsWith("image/svg+xml"));
        assertTrue(qr.body().startsWith("<svg") && qr.body().contains("<path"), qr.body());
        assertTrue(qr.headers().firstValue("X-Referral-Link").orElse("").endsWith("/refer/?code=" + code),
                qr.headers().toString());
        assertEquals(404, Pay.document("/api/v1/agents/" + c + "/referral-qr", t(), dUser.token(),
                "image/svg+xml, application/problem+json").statusCode());
    }

    @Test
    @Order(4)
    void anotherTenantSeesNothingOfIt() {
        Api.TestTenant o = other.tenant();
        List<String> paths = List.of("/api/v1/agents/leaderboard", "/api/v1/agents/me",
                "/api/v1/agents/" + d + "/earnings");
        for (String p : paths) {
            // B's token on A's host
            call("GET", p, t(), o.adminToken(), null).problem(401, "TENANT_MISMATCH");
        }
        post("/api/v1/commission-accruals/backfill", t(), o.adminToken(), "{}").problem(401, "TENANT_MISMATCH");
        // B's own host with A's ids
        get("/api/v1/agents/" + d + "/earnings", o.t(), o.adminToken()).problem(404, "NOT_FOUND");
        assertEquals(404, Pay.document("/api/v1/agents/" + d + "/referral-qr", o.t(), o.adminToken(),
                "image/svg+xml, application/problem+json").statusCode());
        String board = get("/api/v1/agents/leaderboard", o.t(), o.adminToken()).expect(200).body();
        for (String id : List.of(a, b, c, d)) {
            assertFalse(board.contains(id), board);
        }
        assertEquals(1, get("/api/v1/agents/leaderboard", o.t(), o.adminToken()).expect(200).items().size());
    }

    @Test
    @Order(5)
    void theBatchPathClawsBackWhatWasRefundedAsTheEventsDid() {
        Pay.Firm f = Pay.firm("agr", "27");
        String ten = plan(f.tenant(), "Ten", Json.createObjectBuilder().add("kind", "PERCENT").add("ratePercent", 10)
                .build());
        String up = agent(f.tenant(), "Uma", null, ten, null);
        String earner = agent(f.tenant(), "Yash", up, ten, null);
        String client = Pay.entity(f.tenant(), "Refunded Clients Pvt Ltd", "27");
        post("/api/v1/agents/" + earner + "/clients", f.tenant().t(), f.tenant().adminToken(), Json
                .createObjectBuilder().add("entityId", client).build()).expect(201);
        // one payment refunded in full, one in two parts, one kept
        String full = payInvoice(f, client, 100_003);
        String parts = payInvoice(f, client, 200_005);
        payInvoice(f, client, 55_555);
        refund(f, full, Pay.get(f.tenant(), full).getJsonNumber("totalPaise").longValue());
        refund(f, parts, 33_333);
        refund(f, parts, 100_001);
        List<String> byEvents = normalised(ledger(f.tenant().id()));
        // 3 payments x (ACCRUAL + OVERRIDE), 3 refunds x (CLAWBACK of each)
        assertEquals(3 * 2 + 3 * 2, byEvents.size(), String.join("\n", byEvents));
        assertEquals(0, Pay.sql("SELECT coalesce(sum(amount_paise), 0) FROM commission_entry WHERE tenant_id = ? AND"
                + " invoice_id = ?", f.tenant().id(), full), "a full refund claws back everything");

        forget(f.tenant().id());
        JsonObject r = backfill(f, Json.createObjectBuilder().build());
        assertEquals(3, r.getJsonNumber("payments").longValue(), r.toString());
        assertEquals(byEvents, normalised(ledger(f.tenant().id())),
                "the batch path claws back what was refunded, as the events did");
        assertEquals(0, Pay.sql("SELECT coalesce(sum(amount_paise), 0) FROM commission_entry WHERE tenant_id = ? AND"
                + " invoice_id = ?", f.tenant().id(), full));
        JsonObject again = backfill(f, Json.createObjectBuilder().build());
        assertEquals(0, again.getJsonNumber("entriesWritten").longValue(), again.toString());
        assertEquals(byEvents, normalised(ledger(f.tenant().id())));
    }

    /** Pays an invoice of {@code taxablePaise} + 18% and answers its id. */
    private static String payInvoice(Pay.Firm f, String entity, long taxablePaise) {
        JsonObject inv = Pay.invoice(f.tenant(), entity, taxablePaise);
        String orderId = Pay.checkout(f.tenant(), f.tenant().adminToken(), inv.getString("id"))
                .getString("razorpayOrderId");
        Pay.verify(f, orderId, FakeRazorpay.get().pay(orderId).getString("id")).expect(200);
        return inv.getString("id");
    }

    private static void refund(Pay.Firm f, String invoiceId, long paise) {
        post("/api/v1/invoices/" + invoiceId + "/refunds", f.tenant().t(), f.tenant().adminToken(), Json
                .createObjectBuilder().add("amountPaise", paise).build()).expect(201);
    }

    /** A clawback's note names the entry it reverses, whose id a rewritten ledger does not keep. */
    private static List<String> normalised(List<String> rows) {
        return rows.stream().map(r -> r.replaceAll("refund of (ACCRUAL|OVERRIDE) [0-9a-f-]{36}", "refund of $1"))
                .toList();
    }
}
