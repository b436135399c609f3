package dev.seva.reference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seva.reference.it.Api.Tenant;
import jakarta.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Browser sign-in across tenants: tenant B's cookie, token, session and credentials against tenant A's host and
 * settings give 401 (or the sign-in page's error), never A's data, and change nothing of A's.
 */
class AuthCrossTenantIT {

    private static Api.TestTenant a;
    private static Api.TestTenant b;
    private static Browser bBrowser;

    private record Endpoint(String method, String path, String body) {
    }

    private static final List<Endpoint> ENDPOINTS = List.of(new Endpoint("GET", "/api/v1/me", null),
            new Endpoint("GET", "/api/v1/tenant/security-settings", null),
            new Endpoint("PUT", "/api/v1/tenant/security-settings", "{\"totpRequiredForStaff\":true}"),
            new Endpoint("GET", "/api/v1/tenant/oidc-settings", null),
            new Endpoint("PUT", "/api/v1/tenant/oidc-settings", "{\"enabled\":false,\"label\":\"Hijacked\"}"));

    @BeforeAll
    static void twoTenants() {
        a = Api.newTenant("axa");
        b = Api.newTenant("axb");
        Api.call("PUT", "/api/v1/tenant/oidc-settings", a.t(), a.adminToken(), Json.createObjectBuilder()
                .add("enabled", true).add("issuer", "https://idp.a.example").add("clientId", "a-client")
                .add("clientSecret", "a-secret").add("label", "Sign in with A").build()).expect(200);
        bBrowser = Browser.forTenant(b.slug());
        BrowserSignInIT.signIn(bBrowser, b.adminEmail(), b.adminPassword(), null);
    }

    @Test
    void tenantBsCookieOnTenantAsHostIsRefused() {
        Browser onA = Browser.forTenant(a.slug());
        onA.cookies.putAll(bBrowser.cookies);
        for (Endpoint e : ENDPOINTS) {
            onA.json(e.method(), e.path(), e.body(), Map.of("X-CSRF-Token", bBrowser.cookies.get("seva_csrf")))
                    .problem(401, "TENANT_MISMATCH");
        }
    }

    @Test
    void tenantBsAdminTokenOnTenantAsHostIsRefused() {
        for (Endpoint e : ENDPOINTS) {
            Api.call(e.method(), e.path(), a.t(), b.adminToken(), e.body()).problem(401, "TENANT_MISMATCH");
            Api.call(e.method(), e.path(), Tenant.host(a.slug() + ".localhost:9080"), b.adminToken(), e.body())
                    .problem(401, "TENANT_MISMATCH");
        }
    }

    @Test
    void tenantBSeesOnlyItsOwnSettings() {
        var oidc = Api.get("/api/v1/tenant/oidc-settings", b.t(), b.adminToken()).expect(200);
        assertFalse(oidc.obj().getBoolean("enabled"));
        assertFalse(oidc.body().contains("idp.a.example"), oidc.body());
        assertFalse(oidc.body().contains("a-client"), oidc.body());
        var methodsB = Api.get("/api/v1/auth/methods", b.t(), null).expect(200).obj().getJsonObject("oidc");
        assertFalse(methodsB.getBoolean("enabled"));
        var methodsA = Api.get("/api/v1/auth/methods", a.t(), null).expect(200).obj().getJsonObject("oidc");
        assertEquals("Sign in with A", methodsA.getString("label"));
        // B's sign-in page's OIDC button does not lead to A's provider
        Browser.forTenant(b.slug()).get("/login/oidc").redirectsTo("/login/?error=OIDC_FAILED");
    }

    @Test
    void credentialsAndSessionsOfOneTenantDoNotSignInOnTheOther() {
        // A's admin's e-mail and password on B's sign-in form
        BrowserSignInIT.submit(Browser.forTenant(b.slug()), a.adminEmail(), a.adminPassword(), null).redirectsTo(
                "/login/?error=INVALID_CREDENTIALS");
        // a half-done sign-in (password right, code due) of B's host replayed on A's host
        var u = Api.newTenant("axtotp");
        String secret = Api.post("/api/v1/me/totp", u.t(), u.adminToken(), "{}").expect(200).str("secret");
        Api.post("/api/v1/me/totp/confirm", u.t(), u.adminToken(), Json.createObjectBuilder().add("code",
                TotpCodes.now(secret)).build()).expect(200);
        Browser br = Browser.forTenant(u.slug());
        BrowserSignInIT.submit(br, u.adminEmail(), u.adminPassword(), null).redirectsTo("/login/totp.html");
        Browser elsewhere = Browser.forTenant(a.slug());
        elsewhere.cookies.putAll(br.cookies);
        elsewhere.form("/login/totp", BrowserSignInIT.fields("code", TotpCodes.now(secret))).redirectsTo(
                "/login/?error=SIGN_IN_EXPIRED");
        assertFalse(elsewhere.cookies.containsKey("seva_token"));
    }

    /**
     * The takeover a review found: tenant X's admin runs X's identity provider, has it vouch for the e-mail of tenant
     * V's admin, completes the OIDC callback on X's host and replays that HTTP session on V's host. V must sign no one
     * in, drop the session and audit the attempt; the session is then dead on X's host too.
     */
    @Test
    void anOidcSignInCompletedOnOneTenantsHostSignsNoOneInOnAnother() throws Exception {
        var victim = Api.newTenant("axov");
        var attacker = Api.newTenant("axox");
        try (FakeOidcIssuer idpV = new FakeOidcIssuer("seva-v", "secret-of-v-" + System.nanoTime());
                FakeOidcIssuer idpX = new FakeOidcIssuer("seva-x", "secret-of-x-" + System.nanoTime())) {
            OidcSignInIT.configure(victim, idpV, false);
            OidcSignInIT.configure(attacker, idpX, false);

            // the profile is completed on X's host (the callback), but its last step is taken on V's host
            Browser onX = Browser.forTenant(attacker.slug());
            String authorize = OidcSignInIT.start(onX, null);
            idpX.nextUser(new FakeOidcIssuer.User("evil", victim.adminEmail(), true, "Evil"));
            var callback = onX.get(OidcSignInIT.path(idpX.approve(authorize)));
            assertTrue(callback.status() == 302 || callback.status() == 303, callback.status() + callback.body());
            assertEquals("/login/oidc", OidcSignInIT.path(callback.location().orElseThrow()));
            Browser onV = Browser.forTenant(victim.slug());
            onV.cookies.putAll(onX.cookies);
            onV.get("/login/oidc").redirectsTo("/login/?error=OIDC_FAILED");
            assertFalse(onV.cookies.containsKey("seva_token"));
            Api.get("/api/v1/me", victim.t(), victim.adminToken()).expect(200);
            var audit = Api.get("/api/v1/audit-events?size=50", victim.t(), victim.adminToken()).expect(200).body();
            assertTrue(audit.contains("started on another host"), audit);
            assertFalse(audit.contains("OIDC_IDENTITY_LINKED"), audit);
            // the session was dropped: taken back to X's host it completes nothing either
            var back = onX.get("/login/oidc");
            assertFalse(back.status() == 303 && onX.cookies.containsKey("seva_token"), "signed in: " + back.status());

            // the provider's answer itself (state and code of X) carried to V's callback with X's session
            Browser onX2 = Browser.forTenant(attacker.slug());
            String authorize2 = OidcSignInIT.start(onX2, null);
            idpX.nextUser(new FakeOidcIssuer.User("evil", victim.adminEmail(), true, "Evil"));
            String answer = OidcSignInIT.path(idpX.approve(authorize2));
            Browser onV2 = Browser.forTenant(victim.slug());
            onV2.cookies.putAll(onX2.cookies);
            OidcSignInIT.finish(onV2, answer).redirectsTo("/login/?error=OIDC_FAILED");
            assertFalse(onV2.cookies.containsKey("seva_token"));
        }
    }

    @Test
    void aFormSignInCompletedOnOneTenantsHostSignsNoOneInOnAnother() {
        var x = Api.newTenant("axf");
        Browser onX = Browser.forTenant(x.slug());
        var posted = BrowserSignInIT.submit(onX, x.adminEmail(), x.adminPassword(), null);
        assertEquals("/login/complete", posted.location().orElse(null), posted.body());
        Browser onA = Browser.forTenant(a.slug());
        onA.cookies.putAll(onX.cookies);
        var end = onA.get("/login/complete");
        assertEquals(303, end.status());
        assertTrue(end.location().orElse("").startsWith("/login/?error="), end.location().toString());
        assertFalse(onA.cookies.containsKey("seva_token"));
        var audit = Api.get("/api/v1/audit-events?size=50", a.t(), a.adminToken()).expect(200).body();
        assertTrue(audit.contains("started on another host"), audit);
    }

    @Test
    void signingOutOnAnotherTenantsHostRevokesNothing() {
        Browser b2 = Browser.forTenant(b.slug());
        BrowserSignInIT.signIn(b2, b.adminEmail(), b.adminPassword(), null);
        Browser onA = Browser.forTenant(a.slug());
        onA.cookies.putAll(b2.cookies);
        onA.form("/logout", BrowserSignInIT.fields("csrf", b2.cookies.get("seva_csrf"))).redirectsTo(
                "/login/?signedOut=1");
        b2.get("/api/v1/me").expect(200);
    }

    @Test
    void tenantAsSettingsAreUnchangedAfterTheAttempts() {
        tenantBsCookieOnTenantAsHostIsRefused();
        tenantBsAdminTokenOnTenantAsHostIsRefused();
        var oidc = Api.get("/api/v1/tenant/oidc-settings", a.t(), a.adminToken()).expect(200);
        assertTrue(oidc.obj().getBoolean("enabled"));
        assertEquals("Sign in with A", oidc.str("label"));
        assertFalse(Api.get("/api/v1/tenant/security-settings", a.t(), a.adminToken()).expect(200).obj().getBoolean(
                "totpRequiredForStaff"));
    }
}
