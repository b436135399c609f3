package dev.seva.reference.it;

import static dev.seva.reference.it.Api.delete;
import static dev.seva.reference.it.Api.get;
import static dev.seva.reference.it.Api.patch;
import static dev.seva.reference.it.Api.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seva.reference.it.Api.Tenant;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Changes to an account take effect at once (its tokens, as header and as cookie, and its API keys stop working
 * right after it is disabled, deleted, loses a role or gets a new password), and the platform admin has a second
 * factor.
 */
class SecurityIT {

    /** A second TENANT_ADMIN: a bearer token, a browser signed in with the form, and an API key they made. */
    private record Signed(String id, String email, String password, String token, Browser browser, String key) {
        void allWork(Api.TestTenant t) {
            get("/api/v1/entities", t.t(), token).expect(200);
            browser.get("/api/v1/entities").expect(200);
            get("/api/v1/entities", t.t(), "ApiKey " + key).expect(200);
        }

        void tokensRefused(Api.TestTenant t) {
            get("/api/v1/entities", t.t(), token).problem(401, "AUTHENTICATION_REQUIRED");
            get("/api/v1/me", t.t(), token).problem(401, "AUTHENTICATION_REQUIRED");
            browser.get("/api/v1/entities").problem(401, "AUTHENTICATION_REQUIRED");
            browser.json("POST", "/api/v1/entities", Json.createObjectBuilder().add("legalName", "Late Ltd")
                    .add("type", "OPC").build(), Map.of("X-CSRF-Token", browser.cookies.get("seva_csrf")))
                    .problem(401, "AUTHENTICATION_REQUIRED");
        }

        void keyRefused(Api.TestTenant t) {
            get("/api/v1/entities", t.t(), "ApiKey " + key).problem(401, "API_KEY_INVALID");
        }
    }

    private static Signed secondAdmin(Api.TestTenant t) {
        String email = "admin2-" + UUID.randomUUID().toString().substring(0, 6) + "@example.in";
        String password = "second-admin-password-1";
        String id = post("/api/v1/users", t.t(), t.adminToken(), Json.createObjectBuilder().add("email", email)
                .add("name", "Second admin").add("roles", Json.createArrayBuilder().add("TENANT_ADMIN"))
                .add("password", password).build()).expect(201).str("id");
        String token = Api.token(t.t(), email, password);
        Browser br = Browser.forTenant(t.slug());
        BrowserSignInIT.signIn(br, email, password, null);
        String key = post("/api/v1/api-keys", t.t(), token, Json.createObjectBuilder().add("name", "made by " + email)
                .add("scopes", Json.createArrayBuilder().add("entities:read")).build()).expect(201).str("key");
        Signed s = new Signed(id, email, password, token, br, key);
        s.allWork(t);
        return s;
    }

    private static Api.Res change(Api.TestTenant t, String userId, JsonObject patch) {
        return patch("/api/v1/users/" + userId, t.t(), t.adminToken(), patch);
    }

    @Test
    void disablingAUserEndsTheirTokensAndKeysAtOnce() {
        var t = Api.newTenant("revdis");
        Signed u = secondAdmin(t);
        change(t, u.id(), Json.createObjectBuilder().add("status", "DISABLED").build()).expect(200);
        u.tokensRefused(t);
        u.keyRefused(t);
        // enabled again: the old tokens stay refused, the key of the active creator works again, new sign-ins work
        change(t, u.id(), Json.createObjectBuilder().add("status", "ACTIVE").build()).expect(200);
        u.tokensRefused(t);
        get("/api/v1/entities", t.t(), "ApiKey " + u.key()).expect(200);
        get("/api/v1/entities", t.t(), Api.token(t.t(), u.email(), u.password())).expect(200);
    }

    @Test
    void deletingAUserEndsTheirTokensAndKeysAtOnce() {
        var t = Api.newTenant("revdel");
        Signed u = secondAdmin(t);
        delete("/api/v1/users/" + u.id(), t.t(), t.adminToken()).expect(204);
        u.tokensRefused(t);
        u.keyRefused(t);
    }

    @Test
    void removingARoleEndsTheTokensAndLosingTenantAdminEndsTheKeys() {
        var t = Api.newTenant("revrole");
        Signed u = secondAdmin(t);
        change(t, u.id(), Json.createObjectBuilder().add("roles", Json.createArrayBuilder().add("STAFF")).build())
                .expect(200);
        u.tokensRefused(t);
        u.keyRefused(t);
        // a fresh sign-in carries the new role
        String fresh = Api.token(t.t(), u.email(), u.password());
        assertEquals("[\"STAFF\"]", get("/api/v1/me", t.t(), fresh).expect(200).obj().getJsonArray("roles")
                .toString());
        get("/api/v1/users", t.t(), fresh).problem(403, "FORBIDDEN");
    }

    @Test
    void aNewPasswordEndsTheOldTokensAndTheNewPasswordSignsInAtOnce() {
        var t = Api.newTenant("revpw");
        Signed u = secondAdmin(t);
        String newPassword = "a-brand-new-password-2";
        change(t, u.id(), Json.createObjectBuilder().add("password", newPassword).build()).expect(200);
        u.tokensRefused(t);
        // the key's creator is still an active admin: the key works on
        get("/api/v1/entities", t.t(), "ApiKey " + u.key()).expect(200);
        // in the same second as the change, a fresh sign-in works (by header and by the form), the old one fails
        String fresh = Api.token(t.t(), u.email(), newPassword);
        get("/api/v1/entities", t.t(), fresh).expect(200);
        Browser br = Browser.forTenant(t.slug());
        BrowserSignInIT.signIn(br, u.email(), newPassword, null);
        br.get("/api/v1/entities").expect(200);
        post("/api/v1/auth/token", t.t(), null, Json.createObjectBuilder().add("email", u.email())
                .add("password", u.password()).build()).problem(401, "INVALID_CREDENTIALS");
        // users who were not changed keep their tokens
        get("/api/v1/entities", t.t(), t.adminToken()).expect(200);
    }

    @Test
    void thePlatformAdminSignsInWithTheConfiguredSecondFactor() {
        Api.Res noCode = post("/api/v1/auth/token", Tenant.NONE, null, Json.createObjectBuilder()
                .add("email", PlatformAdmin.EMAIL).add("password", PlatformAdmin.PASSWORD).build());
        noCode.problem(401, "TOTP_REQUIRED");
        post("/api/v1/auth/token", Tenant.NONE, null, Json.createObjectBuilder().add("email", PlatformAdmin.EMAIL)
                .add("password", PlatformAdmin.PASSWORD).add("totp", "000000").build()).problem(401,
                        "INVALID_CREDENTIALS");
        String token = post("/api/v1/auth/token", Tenant.NONE, null, PlatformAdmin.credentials()).expect(200)
                .str("accessToken");
        assertFalse(get("/api/v1/me", Tenant.NONE, token).expect(200).obj().getBoolean("totpEnrolmentRequired"));
        get("/api/v1/platform/tenants", Tenant.NONE, token).expect(200);
        // enrolled already: the configured secret
        post("/api/v1/me/totp", Tenant.NONE, token, "{}").problem(409, "TOTP_ALREADY_ENABLED");
    }

    @Test
    void aPlatformAdminWithoutASecondFactorMustEnrolBeforeAnythingElse() throws Exception {
        // a second platform admin with the configured admin's password (there is no API for platform admins)
        String email = "ops-" + UUID.randomUUID().toString().substring(0, 6) + "@seva.test";
        try (Connection c = Db.owner();
                PreparedStatement ps = c.prepareStatement("INSERT INTO platform_admin (id, email, name,"
                        + " password_hash, created_at) SELECT ?, ?, 'Second operator', password_hash, now()"
                        + " FROM platform_admin WHERE email = ?")) {
            ps.setString(1, UUID.randomUUID().toString());
            ps.setString(2, email);
            ps.setString(3, PlatformAdmin.EMAIL);
            assertEquals(1, ps.executeUpdate());
        }
        JsonObject password = Json.createObjectBuilder().add("email", email).add("password", PlatformAdmin.PASSWORD)
                .build();
        String token = post("/api/v1/auth/token", Tenant.NONE, null, password).expect(200).str("accessToken");
        assertTrue(get("/api/v1/me", Tenant.NONE, token).expect(200).obj().getBoolean("totpEnrolmentRequired"));
        get("/api/v1/platform/tenants", Tenant.NONE, token).problem(403, "TOTP_ENROLMENT_REQUIRED");
        post("/api/v1/platform/tenants", Tenant.NONE, token, Json.createObjectBuilder().add("slug", "never-made")
                .add("name", "Never").add("adminEmail", "a@never.in").add("adminPassword", "never-password-1")
                .build()).problem(403, "TOTP_ENROLMENT_REQUIRED");
        get("/api/v1/audit-events", Tenant.NONE, token).problem(403, "TOTP_ENROLMENT_REQUIRED");

        var enrol = post("/api/v1/me/totp", Tenant.NONE, token, "{}").expect(200);
        String secret = enrol.str("secret");
        assertTrue(enrol.str("otpauthUri").startsWith("otpauth://totp/"), enrol.body());
        post("/api/v1/me/totp/confirm", Tenant.NONE, token, Json.createObjectBuilder().add("code", "000000").build())
                .problem(422, "TOTP_INVALID");
        long step = java.time.Instant.now().getEpochSecond() / 30;
        var recovery = post("/api/v1/me/totp/confirm", Tenant.NONE, token, Json.createObjectBuilder().add("code",
                PlatformAdmin.code(secret, step)).build()).expect(200).obj().getJsonArray("recoveryCodes");
        assertEquals(10, recovery.size());
        // enrolled: the same token may work now
        get("/api/v1/platform/tenants", Tenant.NONE, token).expect(200);
        assertFalse(get("/api/v1/me", Tenant.NONE, token).expect(200).obj().getBoolean("totpEnrolmentRequired"));
        post("/api/v1/me/totp", Tenant.NONE, token, "{}").problem(409, "TOTP_ALREADY_ENABLED");

        // and the password alone no longer signs in; the code used for enrolment cannot be replayed
        post("/api/v1/auth/token", Tenant.NONE, null, password).problem(401, "TOTP_REQUIRED");
        post("/api/v1/auth/token", Tenant.NONE, null, Json.createObjectBuilder(password).add("totp", PlatformAdmin
                .code(secret, step)).build()).problem(401, "INVALID_CREDENTIALS");
        post("/api/v1/auth/token", Tenant.NONE, null, Json.createObjectBuilder(password).add("totp", PlatformAdmin
                .code(secret, step + 1)).build()).expect(200);
        post("/api/v1/auth/token", Tenant.NONE, null, Json.createObjectBuilder(password).add("totp", recovery
                .getString(0)).build()).expect(200);
        post("/api/v1/auth/token", Tenant.NONE, null, Json.createObjectBuilder(password).add("totp", recovery
                .getString(0)).build()).problem(401, "INVALID_CREDENTIALS");

        // the browser form asks for the code too
        Browser br = Browser.platform();
        BrowserSignInIT.submit(br, email, PlatformAdmin.PASSWORD, null).redirectsTo("/login/totp.html");
        br.form("/login/totp", BrowserSignInIT.fields("code", recovery.getString(1))).redirectsTo("/app/");
        assertEquals(email, br.get("/api/v1/me").expect(200).str("email"));

        // the secret is stored sealed
        try (Connection c = Db.owner();
                PreparedStatement ps = c.prepareStatement("SELECT t.* FROM platform_admin_totp t JOIN platform_admin a"
                        + " ON a.id = t.admin_id WHERE a.email = ?")) {
            ps.setString(1, email);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    String v = rs.getString(i);
                    assertFalse(v != null && v.contains(secret), "column " + rs.getMetaData().getColumnName(i));
                }
            }
        }
    }
}
