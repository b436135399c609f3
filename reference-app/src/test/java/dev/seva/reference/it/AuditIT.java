package dev.seva.reference.it;

import static dev.seva.reference.it.Api.get;
import static dev.seva.reference.it.Api.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seva.reference.it.Api.Tenant;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditIT {

    @Test
    void stateChangesAndLoginsAreChainedAndVerifiable() {
        var t = Api.newTenant("audit");
        String entity = Api.newEntity(t, "Audited Pvt Ltd");
        post("/api/v1/auth/token", t.t(), null, Json.createObjectBuilder().add("email", t.adminEmail())
                .add("password", "wrong-password").build()).problem(401, "INVALID_CREDENTIALS");
        var auditor = Api.newUser(t, "AUDITOR");
        var events = get("/api/v1/audit-events?size=200", t.t(), auditor.token()).expect(200);
        List<String> actions = events.items().stream().map(e -> e.asJsonObject().getString("action")).toList();
        assertTrue(actions.containsAll(List.of("TENANT_CREATED", "USER_CREATED", "LOGIN_SUCCEEDED", "LOGIN_FAILED",
                "ENTITY_CREATED")), actions.toString());
        JsonObject newest = events.items().getJsonObject(0);
        JsonObject before = events.items().getJsonObject(1);
        assertEquals(before.getString("hash"), newest.getString("prevHash"));
        assertTrue(events.body().contains(entity));
        assertFalse(events.body().contains(t.adminPassword()), "no secrets in the audit trail");
        var ok = get("/api/v1/audit-events/verify", t.t(), auditor.token()).expect(200);
        assertTrue(ok.obj().getBoolean("valid"), ok.body());
        assertEquals(events.obj().getInt("total"), ok.obj().getInt("checked"));
        var client = Api.newUser(t, "CLIENT");
        get("/api/v1/audit-events", t.t(), client.token()).problem(403, "FORBIDDEN");
    }

    @Test
    void anEditInTheDatabaseIsReportedByVerify() throws Exception {
        var t = Api.newTenant("tamper");
        Api.newEntity(t, "Tampered Pvt Ltd");
        Api.newEntity(t, "Later Pvt Ltd");
        assertTrue(get("/api/v1/audit-events/verify", t.t(), t.adminToken()).expect(200).obj().getBoolean("valid"));
        try (Connection c = Db.owner();
                PreparedStatement ps = c.prepareStatement(
                        "UPDATE audit_event SET details = 'PRIVATE_LIMITED Innocent Pvt Ltd' WHERE tenant_id = ? AND"
                                + " action = 'ENTITY_CREATED' AND details LIKE '%Tampered%'")) {
            ps.setString(1, t.id());
            assertEquals(1, ps.executeUpdate());
        }
        var broken = get("/api/v1/audit-events/verify", t.t(), t.adminToken()).expect(200);
        assertFalse(broken.obj().getBoolean("valid"), broken.body());
        long seq = broken.obj().getJsonNumber("brokenAtSeq").longValue();
        var events = get("/api/v1/audit-events?size=200", t.t(), t.adminToken()).expect(200);
        var tampered = events.items().stream().map(e -> e.asJsonObject())
                .filter(e -> e.getString("details", "").contains("Innocent")).findFirst().orElseThrow();
        assertEquals(tampered.getJsonNumber("seq").longValue(), seq);
    }

    @Test
    void aDeletedEventIsReportedByVerify() throws Exception {
        var t = Api.newTenant("gap");
        Api.newEntity(t, "One Pvt Ltd");
        Api.newEntity(t, "Two Pvt Ltd");
        try (Connection c = Db.owner();
                PreparedStatement ps = c.prepareStatement(
                        "DELETE FROM audit_event WHERE tenant_id = ? AND details LIKE '%One Pvt%'")) {
            ps.setString(1, t.id());
            assertEquals(1, ps.executeUpdate());
        }
        var broken = get("/api/v1/audit-events/verify", t.t(), t.adminToken()).expect(200);
        assertFalse(broken.obj().getBoolean("valid"), broken.body());
    }

    @Test
    void thePlatformHasItsOwnChain() {
        var t = Api.newTenant("platformchain");
        String pt = Api.platformToken();
        var events = get("/api/v1/audit-events?size=200", Tenant.NONE, pt).expect(200);
        assertTrue(events.items().stream().anyMatch(e -> e.asJsonObject().getString("action").equals(
                "TENANT_CREATED") && e.asJsonObject().getString("targetId").equals(t.id())), events.body());
        assertTrue(get("/api/v1/audit-events/verify", Tenant.NONE, pt).expect(200).obj().getBoolean("valid"));
    }
}
