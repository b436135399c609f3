package dev.seva.reference.it;

import static dev.seva.reference.it.Api.delete;
import static dev.seva.reference.it.Api.get;
import static dev.seva.reference.it.Api.patch;
import static dev.seva.reference.it.Api.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntitiesIT {

    @Test
    void staffCreateEntitiesWithValidatedIdentifiers() {
        var t = Api.newTenant("ent");
        var e = post("/api/v1/entities", t.t(), t.adminToken(), Json.createObjectBuilder()
                .add("legalName", "Udyam Traders LLP").add("type", "llp").add("pan", "aapfu0939f")
                .add("gstin", "27AAPFU0939F1ZV").add("llpin", "AAB-1234").add("state", "27")
                .add("address", "Pune").build()).expect(201);
        assertEquals("LLP", e.str("type"));
        assertEquals("AAPFU0939F", e.str("pan"));
        var changed = patch("/api/v1/entities/" + e.str("id"), t.t(), t.adminToken(), Json.createObjectBuilder()
                .add("legalName", "Udyam Traders LLP (Pune)").add("address", JsonValue.NULL).build()).expect(200);
        assertEquals("Udyam Traders LLP (Pune)", changed.str("legalName"));
        assertTrue(!changed.obj().containsKey("address") || changed.obj().isNull("address"), changed.body());
    }

    @Test
    void invalidIdentifiersGetFieldErrors() {
        var t = Api.newTenant("entval");
        var r = post("/api/v1/entities", t.t(), t.adminToken(), Json.createObjectBuilder().add("legalName", "X")
                .add("type", "COMPANY").add("pan", "ABCDE1234").add("gstin", "27AAPFU0939F1ZX")
                .add("cin", "U12345").add("state", "Karnataka").build()).problem(400, "VALIDATION_FAILED");
        assertEquals(List.of("type", "pan", "gstin", "cin", "state"), r.fields());
        assertTrue(r.body().contains("should be V"), r.body());
        var mismatch = post("/api/v1/entities", t.t(), t.adminToken(), Json.createObjectBuilder()
                .add("legalName", "X").add("type", "PRIVATE_LIMITED").add("pan", "AAACA1234A")
                .add("gstin", "27AAPFU0939F1ZV").build()).problem(400, "VALIDATION_FAILED");
        assertEquals(List.of("gstin"), mismatch.fields());
        post("/api/v1/entities", t.t(), t.adminToken(), "{\"legalName\": 5,").problem(400, "MALFORMED_REQUEST");
        String id = Api.newEntity(t, "Valid Pvt Ltd");
        patch("/api/v1/entities/" + id, t.t(), t.adminToken(), Json.createObjectBuilder().add("cin", "nope")
                .build()).problem(400, "VALIDATION_FAILED");
        assertEquals("Valid Pvt Ltd", get("/api/v1/entities/" + id, t.t(), t.adminToken()).str("legalName"));
    }

    @Test
    void clientsSeeOnlyTheEntitiesTheyBelongTo() {
        var t = Api.newTenant("member");
        String mine = Api.newEntity(t, "Mine Pvt Ltd");
        String other = Api.newEntity(t, "Other Pvt Ltd");
        var client = Api.newUser(t, "CLIENT");
        post("/api/v1/entities/" + mine + "/members", t.t(), t.adminToken(), Json.createObjectBuilder()
                .add("userId", client.id()).add("role", "OWNER").build()).expect(201);
        post("/api/v1/entities/" + mine + "/members", t.t(), t.adminToken(), Json.createObjectBuilder()
                .add("userId", client.id()).add("role", "MEMBER").build()).problem(409, "ALREADY_MEMBER");
        post("/api/v1/entities/" + mine + "/members", t.t(), t.adminToken(), Json.createObjectBuilder()
                .add("userId", "00000000-0000-0000-0000-000000000009").add("role", "BOSS").build())
                .problem(400, "VALIDATION_FAILED");

        var list = get("/api/v1/entities", t.t(), client.token()).expect(200);
        assertEquals(1, list.obj().getInt("total"));
        assertEquals(mine, list.items().getJsonObject(0).getString("id"));
        get("/api/v1/entities/" + mine, t.t(), client.token()).expect(200);
        get("/api/v1/entities/" + other, t.t(), client.token()).problem(404, "NOT_FOUND");
        post("/api/v1/entities", t.t(), client.token(), Json.createObjectBuilder().add("legalName", "X")
                .add("type", "HUF").build()).problem(403, "FORBIDDEN");
        patch("/api/v1/entities/" + mine, t.t(), client.token(), Json.createObjectBuilder().add("legalName", "X")
                .build()).problem(403, "FORBIDDEN");

        var me = get("/api/v1/me", t.t(), client.token()).expect(200);
        assertEquals(mine, me.obj().getJsonArray("entities").getJsonObject(0).getString("id"));
        assertEquals("OWNER", me.obj().getJsonArray("entities").getJsonObject(0).getString("membership"));

        var staff = Api.newUser(t, "STAFF");
        assertEquals(2, get("/api/v1/entities", t.t(), staff.token()).expect(200).obj().getInt("total"));
        delete("/api/v1/entities/" + mine + "/members/" + client.id(), t.t(), staff.token()).expect(204);
        get("/api/v1/entities/" + mine, t.t(), client.token()).problem(404, "NOT_FOUND");
    }
}
