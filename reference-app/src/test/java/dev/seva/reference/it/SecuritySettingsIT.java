package dev.seva.reference.it;

import static dev.seva.reference.it.Api.get;
import static dev.seva.reference.it.Api.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import jakarta.json.Json;
import java.time.Duration;
import java.time.Instant;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;

/** The tenant's policy that staff must use a second factor. */
class SecuritySettingsIT {

    private static String code(String secret) throws Exception {
        var totp = new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(30));
        var key = new SecretKeySpec(new Base32().decode(secret), totp.getAlgorithm());
        return String.format("%06d", totp.generateOneTimePassword(key, Instant.now()));
    }

    private static Api.Res put(Api.TestTenant t, String token, Object body) {
        return Api.call("PUT", "/api/v1/tenant/security-settings", t.t(), token, body);
    }

    @Test
    void staffWithoutASecondFactorMayOnlyEnrolOnceTheTenantRequiresIt() throws Exception {
        var t = Api.newTenant("pol");
        var staff = Api.newUser(t, "STAFF");
        var client = Api.newUser(t, "CLIENT");
        var manager = Api.newUser(t, "MANAGER");
        // the admin enrols first, so that turning the policy on does not lock the admin out
        String adminSecret = post("/api/v1/me/totp", t.t(), t.adminToken(), "{}").expect(200).str("secret");
        post("/api/v1/me/totp/confirm", t.t(), t.adminToken(), Json.createObjectBuilder().add("code", code(
                adminSecret)).build()).expect(200);

        assertFalse(get("/api/v1/tenant/security-settings", t.t(), t.adminToken()).expect(200).obj().getBoolean(
                "totpRequiredForStaff"));
        assertFalse(get("/api/v1/me", t.t(), staff.token()).expect(200).obj().getBoolean("totpEnrolmentRequired"));
        put(t, t.adminToken(), "{}").problem(400, "VALIDATION_FAILED");
        put(t, staff.token(), "{\"totpRequiredForStaff\":true}").problem(403, "FORBIDDEN");
        assertTrue(put(t, t.adminToken(), "{\"totpRequiredForStaff\":true}").expect(200).obj().getBoolean(
                "totpRequiredForStaff"));
        assertTrue(get("/api/v1/tenant/security-settings", t.t(), t.adminToken()).expect(200).obj().getBoolean(
                "totpRequiredForStaff"));

        // staff without TOTP: still signed in (token endpoint), /me says so, everything else is refused
        String staffToken = Api.token(t.t(), staff.email(), "user-password-" + staff.email().hashCode());
        assertTrue(get("/api/v1/me", t.t(), staffToken).expect(200).obj().getBoolean("totpEnrolmentRequired"));
        get("/api/v1/entities", t.t(), staffToken).problem(403, "TOTP_ENROLMENT_REQUIRED");
        get("/api/v1/entities", t.t(), manager.token()).problem(403, "TOTP_ENROLMENT_REQUIRED");
        get("/api/v1/branding", t.t(), staffToken).expect(200);
        // clients are not staff; the admin has a second factor
        assertFalse(get("/api/v1/me", t.t(), client.token()).expect(200).obj().getBoolean("totpEnrolmentRequired"));
        get("/api/v1/entities", t.t(), client.token()).expect(200);
        get("/api/v1/entities", t.t(), t.adminToken()).expect(200);

        // partner systems' API keys are not people: the policy does not apply to them, cookie around or not
        String key = post("/api/v1/api-keys", t.t(), t.adminToken(), Json.createObjectBuilder().add("name", "ERP")
                .add("scopes", Json.createArrayBuilder().add("entities:read")).build()).expect(201).str("key");
        get("/api/v1/entities", t.t(), "ApiKey " + key).expect(200);
        Browser withCookie = Browser.forTenant(t.slug());
        withCookie.cookies.put("seva_token", staffToken);
        withCookie.get("/api/v1/entities", java.util.Map.of("Authorization", "ApiKey " + key)).expect(200);

        // the browser's form sign-in honours the same policy
        Browser br = Browser.forTenant(t.slug());
        BrowserSignInIT.signIn(br, staff.email(), "user-password-" + staff.email().hashCode(), null);
        assertTrue(br.get("/api/v1/me").expect(200).json().asJsonObject().getBoolean("totpEnrolmentRequired"));
        br.get("/api/v1/users").problem(403, "TOTP_ENROLMENT_REQUIRED");

        // enrolling lifts it at once, with the same token
        String secret = br.api("POST", "/api/v1/me/totp", "{}").expect(200).str("secret");
        br.api("POST", "/api/v1/me/totp/confirm", Json.createObjectBuilder().add("code", code(secret)).build())
                .expect(200);
        assertFalse(br.get("/api/v1/me").expect(200).json().asJsonObject().getBoolean("totpEnrolmentRequired"));
        br.get("/api/v1/entities").expect(200);

        // turning it off lifts it for the others
        put(t, t.adminToken(), "{\"totpRequiredForStaff\":false}").expect(200);
        get("/api/v1/entities", t.t(), manager.token()).expect(200);
        var audit = get("/api/v1/audit-events?size=200", t.t(), t.adminToken()).expect(200).body();
        assertTrue(audit.contains("SECURITY_SETTINGS_UPDATED"), audit);
        assertEquals(false, get("/api/v1/tenant/security-settings", t.t(), t.adminToken()).expect(200).obj()
                .getBoolean("totpRequiredForStaff"));
    }
}
