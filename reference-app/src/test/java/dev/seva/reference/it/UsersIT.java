package dev.seva.reference.it;

import static dev.seva.reference.it.Api.delete;
import static dev.seva.reference.it.Api.get;
import static dev.seva.reference.it.Api.patch;
import static dev.seva.reference.it.Api.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsersIT {

    @Test
    void tenantAdminsManageUsers() {
        var t = Api.newTenant("users");
        var created = post("/api/v1/users", t.t(), t.adminToken(), Json.createObjectBuilder()
                .add("email", "Priya@Example.IN").add("name", "Priya").add("roles", Json.createArrayBuilder()
                        .add("STAFF").add("AUDITOR"))
                .add("password", "priya-password-1").build()).expect(201);
        String id = created.str("id");
        assertEquals("priya@example.in", created.str("email"));
        assertFalse(created.body().contains("password"), created.body());
        post("/api/v1/users", t.t(), t.adminToken(), Json.createObjectBuilder().add("email", "priya@example.in")
                .add("name", "Again").add("roles", Json.createArrayBuilder().add("CLIENT")).build())
                .problem(409, "EMAIL_TAKEN");
        var list = get("/api/v1/users", t.t(), t.adminToken()).expect(200);
        assertEquals(2, list.obj().getInt("total"));
        var changed = patch("/api/v1/users/" + id, t.t(), t.adminToken(), Json.createObjectBuilder()
                .add("name", "Priya S").add("roles", Json.createArrayBuilder().add("MANAGER")).build()).expect(200);
        assertEquals("Priya S", changed.str("name"));
        assertEquals("MANAGER", changed.obj().getJsonArray("roles").getString(0));
        delete("/api/v1/users/" + id, t.t(), t.adminToken()).expect(204);
        get("/api/v1/users/" + id, t.t(), t.adminToken()).problem(404, "NOT_FOUND");
    }

    @Test
    void badInputNamesTheFields() {
        var t = Api.newTenant("userval");
        var r = post("/api/v1/users", t.t(), t.adminToken(), Json.createObjectBuilder().add("email", "nope")
                .add("roles", Json.createArrayBuilder().add("PLATFORM_ADMIN").add("WIZARD")).add("password", "short")
                .build()).problem(400, "VALIDATION_FAILED");
        assertTrue(r.fields().containsAll(List.of("email", "name", "roles", "password")), r.body());
        patch("/api/v1/users/" + "00000000-0000-0000-0000-000000000001", t.t(), t.adminToken(),
                Json.createObjectBuilder().add("name", "x").build()).problem(404, "NOT_FOUND");
        get("/api/v1/users?size=500", t.t(), t.adminToken()).problem(400, "VALIDATION_FAILED");
        post("/api/v1/users", t.t(), t.adminToken(), "null").problem(400, "VALIDATION_FAILED");
        post("/api/v1/users", t.t(), t.adminToken(), null).problem(415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void theLastAdminStaysAndNobodyDeletesThemselves() {
        var t = Api.newTenant("lastadmin");
        String adminId = get("/api/v1/me", t.t(), t.adminToken()).expect(200).str("userId");
        patch("/api/v1/users/" + adminId, t.t(), t.adminToken(), Json.createObjectBuilder()
                .add("roles", Json.createArrayBuilder().add("STAFF")).build()).problem(422, "LAST_TENANT_ADMIN");
        patch("/api/v1/users/" + adminId, t.t(), t.adminToken(), Json.createObjectBuilder()
                .add("status", "DISABLED").build()).problem(422, "LAST_TENANT_ADMIN");
        delete("/api/v1/users/" + adminId, t.t(), t.adminToken()).problem(422, "CANNOT_DELETE_SELF");
    }

    @Test
    void otherRolesCannotManageUsers() {
        var t = Api.newTenant("userroles");
        for (String role : List.of("MANAGER", "STAFF", "AGENT", "CLIENT", "AUDITOR")) {
            var u = Api.newUser(t, role);
            get("/api/v1/users", t.t(), u.token()).problem(403, "FORBIDDEN");
            post("/api/v1/users", t.t(), u.token(), Json.createObjectBuilder().add("email", "x@y.in")
                    .add("name", "x").add("roles", Json.createArrayBuilder().add("TENANT_ADMIN")).build())
                    .problem(403, "FORBIDDEN");
        }
    }
}
