package dev.seva.reference.it;

import static dev.seva.reference.it.Api.call;
import static dev.seva.reference.it.Api.delete;
import static dev.seva.reference.it.Api.get;
import static dev.seva.reference.it.Api.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/** Scoped API keys: shown once, stored hashed, tenant-bound, scope-bound, revocable. */
class ApiKeysIT {

    private static Api.Res create(Api.TestTenant t, String name, String... scopes) {
        var s = Json.createArrayBuilder();
        for (String x : scopes) {
            s.add(x);
        }
        return post("/api/v1/api-keys", t.t(), t.adminToken(),
                Json.createObjectBuilder().add("name", name).add("scopes", s).build());
    }

    @Test
    void aKeyActsForItsTenantWithinItsScopesOnly() throws Exception {
        Api.TestTenant a = Api.newTenant("keya");
        Api.TestTenant b = Api.newTenant("keyb");
        String entity = Api.newEntity(a, "Keyed Holdings Pvt Ltd");
        Api.Res created = create(a, "ERP sync", "entities:read").expect(201);
        String key = created.str("key");
        assertTrue(key.startsWith("seva_"), key);
        String auth = "ApiKey " + key;

        var list = get("/api/v1/entities", a.t(), auth).expect(200);
        assertTrue(list.body().contains(entity), list.body());
        get("/api/v1/entities/" + entity, a.t(), auth).expect(200);

        post("/api/v1/entities", a.t(), auth, Json.createObjectBuilder().add("legalName", "Nope Ltd")
                .add("type", "OPC").build()).problem(403, "API_KEY_SCOPE_MISSING");
        get("/api/v1/users", a.t(), auth).problem(403, "API_KEY_SCOPE_MISSING");
        get("/api/v1/api-keys", a.t(), auth).problem(403, "API_KEY_SCOPE_MISSING");
        get("/api/v1/audit-events", a.t(), auth).problem(403, "API_KEY_SCOPE_MISSING");

        // another tenant's host: the key does not exist there
        get("/api/v1/entities", b.t(), auth).problem(401, "API_KEY_INVALID");
        // a changed secret, or garbage
        get("/api/v1/entities", a.t(), auth.substring(0, auth.length() - 2) + "xx").problem(401, "API_KEY_INVALID");
        get("/api/v1/entities", a.t(), "ApiKey not-a-key").problem(401, "API_KEY_INVALID");
    }

    @Test
    void theKeyIsShownOnceStoredHashedAndRevocable() throws Exception {
        Api.TestTenant a = Api.newTenant("keyr");
        Api.Res created = create(a, "Partner", "entities:read", "entities:write").expect(201);
        String id = created.str("id");
        String key = created.str("key");
        // seva_<16 characters of key id>_<secret>
        String prefix = key.substring(0, "seva_".length() + 16);
        String secret = key.substring(prefix.length() + 1);

        var listed = get("/api/v1/api-keys", a.t(), a.adminToken()).expect(200);
        assertFalse(listed.body().contains(secret), listed.body());
        assertEquals(1, listed.items().size());
        assertEquals(prefix, listed.items().getJsonObject(0).getString("keyPrefix"));

        try (Connection c = Db.owner();
                PreparedStatement ps = c.prepareStatement("SELECT * FROM api_key WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    String v = rs.getString(i);
                    assertFalse(v != null && v.contains(secret), "column " + rs.getMetaData().getColumnName(i));
                }
            }
        }

        post("/api/v1/entities", a.t(), "ApiKey " + key, Json.createObjectBuilder().add("legalName", "Partner Made Ltd")
                .add("type", "OPC").build()).expect(201);
        var used = get("/api/v1/api-keys", a.t(), a.adminToken()).expect(200).items().getJsonObject(0);
        assertFalse(used.isNull("lastUsedAt"), used.toString());

        delete("/api/v1/api-keys/" + id, a.t(), a.adminToken()).expect(204);
        get("/api/v1/entities", a.t(), "ApiKey " + key).problem(401, "API_KEY_INVALID");
        assertTrue(get("/api/v1/audit-events", a.t(), a.adminToken()).expect(200).body().contains("API_KEY_REVOKED"));
    }

    @Test
    void badRequestsNameTheFieldAndOnlyTenantAdminsManageKeys() {
        Api.TestTenant a = Api.newTenant("keyv");
        create(a, "x", "everything:all").problem(400, "VALIDATION_FAILED");
        call("POST", "/api/v1/api-keys", a.t(), a.adminToken(), "{\"name\":\"\"}").problem(400,
                "VALIDATION_FAILED");
        Api.TestUser staff = Api.newUser(a, "STAFF");
        get("/api/v1/api-keys", a.t(), staff.token()).expect(403);
        delete("/api/v1/api-keys/00000000-0000-0000-0000-000000000000", a.t(), a.adminToken()).problem(404,
                "NOT_FOUND");
    }
}
