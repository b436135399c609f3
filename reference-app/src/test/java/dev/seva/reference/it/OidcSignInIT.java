package dev.seva.reference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.sql.ResultSet;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Per-tenant OpenID Connect through Pac4j, against fake providers on 127.0.0.1: two tenants, two providers, at the
 * same time; linking by verified e-mail; refusals; sign-up when the tenant allows it; the settings API.
 */
class OidcSignInIT {

    private static FakeOidcIssuer idpA;
    private static FakeOidcIssuer idpB;
    private static Api.TestTenant a;
    private static Api.TestTenant b;

    @BeforeAll
    static void providers() throws Exception {
        idpA = new FakeOidcIssuer("seva-a", "secret-of-a-" + System.nanoTime());
        idpB = new FakeOidcIssuer("seva-b", "secret-of-b-" + System.nanoTime());
        a = Api.newTenant("oidca");
        b = Api.newTenant("oidcb");
        // these tenants link staff by verified e-mail too (off by default: see onlyClientsAreLinkedByEmail...)
        configure(a, idpA, false, true);
        configure(b, idpB, false, true);
    }

    @AfterAll
    static void stop() {
        idpA.close();
        idpB.close();
    }

    static JsonObject settings(FakeOidcIssuer idp, boolean allowSignUp) {
        return Json.createObjectBuilder().add("enabled", true).add("issuer", idp.issuer).add("clientId", idp.clientId)
                .add("clientSecret", idp.clientSecret).add("label", "Sign in with Fake IdP").add("allowSignUp",
                        allowSignUp)
                .build();
    }

    static void configure(Api.TestTenant t, FakeOidcIssuer idp, boolean allowSignUp) {
        Api.call("PUT", "/api/v1/tenant/oidc-settings", t.t(), t.adminToken(), settings(idp, allowSignUp)).expect(
                200);
    }

    static void configure(Api.TestTenant t, FakeOidcIssuer idp, boolean allowSignUp, boolean linkStaffByEmail) {
        Api.call("PUT", "/api/v1/tenant/oidc-settings", t.t(), t.adminToken(), Json.createObjectBuilder(settings(idp,
                allowSignUp)).add("linkStaffByEmail", linkStaffByEmail).build()).expect(200);
    }

    static String path(String location) {
        URI u = URI.create(location);
        return u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    }

    /** Starts an OIDC sign-in: the Location of the provider's authorize endpoint. */
    static String start(Browser br, String next) {
        var r = br.get("/login/oidc" + (next == null ? "" : "?next=" + next));
        assertTrue(r.status() == 302 || r.status() == 303, r.status() + " " + r.body());
        return r.location().orElseThrow();
    }

    /** Comes back from the provider and follows to the end; returns the last answer. */
    static Browser.Page finish(Browser br, String callbackLocation) {
        var cb = br.get(path(callbackLocation));
        if (cb.status() != 302 && cb.status() != 303) {
            return cb;
        }
        String loc = path(cb.location().orElseThrow());
        if (!loc.startsWith("/login/oidc")) {
            return cb;
        }
        return br.get(loc);
    }

    static Browser.Page signIn(Browser br, FakeOidcIssuer idp, FakeOidcIssuer.User user, String next) {
        String authorize = start(br, next);
        assertTrue(authorize.startsWith(idp.issuer + "/authorize?"), authorize);
        idp.nextUser(user);
        return finish(br, idp.approve(authorize));
    }

    @Test
    void aVerifiedEmailLinksToTheExistingUser() {
        var staff = Api.newUser(a, "STAFF");
        Browser br = Browser.forTenant(a.slug());
        String authorize = start(br, "/app/entities");
        assertTrue(authorize.contains("client_id=seva-a"), authorize);
        assertTrue(authorize.contains("code_challenge="), "PKCE: " + authorize);
        assertTrue(authorize.contains("nonce="), authorize);
        assertTrue(authorize.contains(URLs.enc("http://" + a.slug() + ".localhost:9080/callback")), authorize);
        idpA.nextUser(new FakeOidcIssuer.User("sub-" + staff.id(), staff.email().toUpperCase(), true, "Staff"));
        finish(br, idpA.approve(authorize)).redirectsTo("/app/entities");
        assertTrue(br.setCookie("seva_token").orElseThrow().contains("HttpOnly"));
        var me = br.get("/api/v1/me").expect(200);
        assertEquals(staff.id(), me.str("userId"));
        assertEquals("[\"STAFF\"]", me.json().asJsonObject().getJsonArray("roles").toString());

        // the next time the link is used, whatever e-mail the provider sends now
        Browser again = Browser.forTenant(a.slug());
        signIn(again, idpA, new FakeOidcIssuer.User("sub-" + staff.id(), "changed@elsewhere.in", false, "Staff"),
                null).redirectsTo("/app/");
        assertEquals(staff.id(), again.get("/api/v1/me").expect(200).str("userId"));
        var audit = Api.get("/api/v1/audit-events?size=200", a.t(), a.adminToken()).expect(200).body();
        assertTrue(audit.contains("OIDC_IDENTITY_LINKED"), audit);
    }

    @Test
    void twoTenantsUseTwoProvidersAtTheSameTime() throws Exception {
        var ua = Api.newUser(a, "CLIENT");
        var ub = Api.newUser(b, "MANAGER");
        var pool = Executors.newFixedThreadPool(4);
        try {
            // interleave: both start, then both come back, B first
            Browser brA = Browser.forTenant(a.slug());
            Browser brB = Browser.forTenant(b.slug());
            String authA = start(brA, null);
            String authB = start(brB, null);
            assertTrue(authA.startsWith(idpA.issuer), authA);
            assertTrue(authB.startsWith(idpB.issuer), authB);
            idpB.nextUser(new FakeOidcIssuer.User("b-" + ub.id(), ub.email(), true, "B"));
            String backB = idpB.approve(authB);
            idpA.nextUser(new FakeOidcIssuer.User("a-" + ua.id(), ua.email(), true, "A"));
            String backA = idpA.approve(authA);
            finish(brB, backB).redirectsTo("/app/");
            finish(brA, backA).redirectsTo("/app/");
            assertEquals(ua.id(), brA.get("/api/v1/me").expect(200).str("userId"));
            assertEquals(ub.id(), brB.get("/api/v1/me").expect(200).str("userId"));
            assertEquals(a.slug(), brA.get("/api/v1/me").expect(200).str("tenant"));
            assertEquals(b.slug(), brB.get("/api/v1/me").expect(200).str("tenant"));
            // and each tenant's cookie is refused on the other's host
            Browser cross = Browser.forTenant(b.slug());
            cross.cookies.put("seva_token", brA.cookies.get("seva_token"));
            cross.get("/api/v1/me").problem(401, "TENANT_MISMATCH");

            // A's provider's answer brought to B's host signs no one in there
            Browser victim = Browser.forTenant(a.slug());
            String authA2 = start(victim, null);
            idpA.nextUser(new FakeOidcIssuer.User("a-" + ua.id(), ua.email(), true, "A"));
            String backA2 = idpA.approve(authA2);
            Browser attacker = Browser.forTenant(b.slug());
            start(attacker, null);
            finish(attacker, backA2).redirectsTo("/login/?error=OIDC_FAILED");
            assertFalse(attacker.cookies.containsKey("seva_token"));

            // many sign-ins of both tenants in parallel
            java.util.List<Future<String>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                boolean onA = i % 2 == 0;
                results.add(pool.submit(() -> {
                    var t = onA ? a : b;
                    var idp = onA ? idpA : idpB;
                    var u = onA ? ua : ub;
                    Browser br = Browser.forTenant(t.slug());
                    String authorize = start(br, null);
                    if (!authorize.startsWith(idp.issuer)) {
                        return "wrong provider for " + t.slug() + ": " + authorize;
                    }
                    String back;
                    synchronized (idp) {
                        idp.nextUser(new FakeOidcIssuer.User((onA ? "a-" : "b-") + u.id(), u.email(), true, "x"));
                        back = idp.approve(authorize);
                    }
                    var end = finish(br, back);
                    if (end.status() != 303 || !"/app/".equals(end.location().orElse(null))) {
                        return "sign-in failed on " + t.slug() + ": " + end.status() + " " + end.location();
                    }
                    String id = br.get("/api/v1/me").expect(200).str("userId");
                    return id.equals(u.id()) ? "" : "wrong user on " + t.slug();
                }));
            }
            for (var f : results) {
                assertEquals("", f.get(120, java.util.concurrent.TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void unverifiedOrUnknownEmailsAreRefused() {
        var staff = Api.newUser(a, "STAFF");
        Browser br = Browser.forTenant(a.slug());
        signIn(br, idpA, new FakeOidcIssuer.User("unverified-" + staff.id(), staff.email(), false, "X"), null)
                .redirectsTo("/login/?error=OIDC_FAILED");
        assertFalse(br.cookies.containsKey("seva_token"));
        Browser br2 = Browser.forTenant(a.slug());
        signIn(br2, idpA, new FakeOidcIssuer.User("unknown-1", "stranger@nowhere.in", true, "X"), null)
                .redirectsTo("/login/?error=OIDC_FAILED");
        assertFalse(br2.cookies.containsKey("seva_token"));
        var audit = Api.get("/api/v1/audit-events?size=200", a.t(), a.adminToken()).expect(200).body();
        assertTrue(audit.contains("oidc: the provider did not verify the e-mail"), audit);
        assertTrue(audit.contains("oidc: no user has this e-mail"), audit);
    }

    @Test
    void signUpCreatesAClientWhenTheTenantAllowsIt() {
        var t = Api.newTenant("oidcsu");
        try (FakeOidcIssuer idp = new FakeOidcIssuer("seva-su", "su-secret")) {
            configure(t, idp, false);
            Browser br = Browser.forTenant(t.slug());
            signIn(br, idp, new FakeOidcIssuer.User("new-1", "newcomer@example.in", true, "New Comer"), null)
                    .redirectsTo("/login/?error=OIDC_FAILED");
            configure(t, idp, true);
            // unverified e-mails never sign up
            signIn(Browser.forTenant(t.slug()), idp, new FakeOidcIssuer.User("new-2", "unverified@example.in",
                    false, "U"), null).redirectsTo("/login/?error=OIDC_FAILED");
            Browser ok = Browser.forTenant(t.slug());
            signIn(ok, idp, new FakeOidcIssuer.User("new-1", "newcomer@example.in", true, "New Comer"), null)
                    .redirectsTo("/app/");
            var me = ok.get("/api/v1/me").expect(200);
            assertEquals("newcomer@example.in", me.str("email"));
            assertEquals("New Comer", me.str("name"));
            assertEquals("[\"CLIENT\"]", me.json().asJsonObject().getJsonArray("roles").toString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void settingsKeepTheSecretEncryptedAndWriteOnly() throws Exception {
        var t = Api.newTenant("oidcset");
        var s = Api.get("/api/v1/tenant/oidc-settings", t.t(), t.adminToken()).expect(200).obj();
        assertFalse(s.getBoolean("enabled"));
        assertFalse(s.getBoolean("clientSecretSet"));
        var methods = Api.get("/api/v1/auth/methods", t.t(), null).expect(200).obj();
        assertTrue(methods.getBoolean("password"));
        assertFalse(methods.getJsonObject("oidc").getBoolean("enabled"));
        // the sign-in page's button leads nowhere while OIDC is off
        Browser.forTenant(t.slug()).get("/login/oidc").redirectsTo("/login/?error=OIDC_FAILED");

        var put = (java.util.function.Function<String, Api.Res>) body -> Api.call("PUT",
                "/api/v1/tenant/oidc-settings", t.t(), t.adminToken(), body);
        put.apply("{\"enabled\":true}").problem(400, "VALIDATION_FAILED");
        assertEquals(java.util.List.of("issuer", "clientId", "clientSecret"), put.apply("{\"enabled\":true}")
                .fields());
        put.apply("{\"enabled\":true,\"issuer\":\"http://idp.example\",\"clientId\":\"x\",\"clientSecret\":\"y\"}")
                .problem(400, "OIDC_ISSUER_NOT_ALLOWED");
        put.apply("{\"enabled\":true,\"issuer\":\"https://idp.example?x=1\",\"clientId\":\"x\",\"clientSecret\":\"y\"}")
                .problem(400, "VALIDATION_FAILED");
        put.apply("{}").problem(400, "VALIDATION_FAILED");

        String secret = "very-secret-" + System.nanoTime();
        // an https issuer nobody answers at (loopback, closed port): tests never leave the machine
        var saved = put.apply("{\"enabled\":true,\"issuer\":\"https://127.0.0.1:9/realms/x/\",\"clientId\":\"seva\","
                + "\"clientSecret\":\"" + secret + "\",\"label\":\"Sign in with X\"}").expect(200);
        assertFalse(saved.body().contains(secret), saved.body());
        var got = Api.get("/api/v1/tenant/oidc-settings", t.t(), t.adminToken()).expect(200);
        assertFalse(got.body().contains(secret));
        assertTrue(got.obj().getBoolean("clientSecretSet"));
        assertEquals("https://127.0.0.1:9/realms/x", got.str("issuer"));
        assertFalse(got.obj().getBoolean("allowSignUp"));
        var m = Api.get("/api/v1/auth/methods", t.t(), null).expect(200).obj().getJsonObject("oidc");
        assertTrue(m.getBoolean("enabled"));
        assertEquals("Sign in with X", m.getString("label"));
        // keeping the secret: omitted
        put.apply("{\"enabled\":true,\"issuer\":\"https://127.0.0.1:9\",\"clientId\":\"seva2\"}").expect(200);
        try (var c = Db.owner();
                var st = c.prepareStatement(
                        "SELECT client_secret_sealed, client_id FROM tenant_oidc_settings WHERE tenant_id = ?")) {
            st.setString(1, t.id());
            try (ResultSet rs = st.executeQuery()) {
                assertTrue(rs.next());
                String stored = rs.getString(1);
                assertFalse(stored.contains(secret), "stored sealed");
                assertEquals("seva2", rs.getString(2));
            }
        }
        // other roles may not see or change it
        var staff = Api.newUser(t, "STAFF");
        Api.get("/api/v1/tenant/oidc-settings", t.t(), staff.token()).problem(403, "FORBIDDEN");
        // a provider that cannot be reached ends on the sign-in page too
        Browser.forTenant(t.slug()).get("/login/oidc").redirectsTo("/login/?error=OIDC_FAILED");
        var audit = Api.get("/api/v1/audit-events?size=200", t.t(), t.adminToken()).expect(200).body();
        assertTrue(audit.contains("OIDC_SETTINGS_UPDATED"));
        assertFalse(audit.contains(secret));
    }

    @Test
    void aUserWithASecondFactorIsAskedForTheCodeAfterTheProvider() {
        var client = Api.newUser(a, "CLIENT");
        String secret = Api.post("/api/v1/me/totp", a.t(), client.token(), "{}").expect(200).str("secret");
        Api.post("/api/v1/me/totp/confirm", a.t(), client.token(), Json.createObjectBuilder().add("code", TotpCodes
                .now(secret)).build()).expect(200);

        Browser br = Browser.forTenant(a.slug());
        signIn(br, idpA, new FakeOidcIssuer.User("totp-" + client.id(), client.email(), true, "T"), "/app/entities")
                .redirectsTo("/login/totp.html");
        assertFalse(br.cookies.containsKey("seva_token"));
        br.get("/api/v1/me").problem(401, "AUTHENTICATION_REQUIRED");
        // the provider's sign-in alone completes nothing when taken to the completion step again
        var again = br.get("/login/oidc");
        assertFalse(br.cookies.containsKey("seva_token"), "signed in without the code: " + again.status());
        br.form("/login/totp", BrowserSignInIT.fields("code", "000000")).redirectsTo(
                "/login/totp.html?error=TOTP_INVALID");
        br.form("/login/totp", BrowserSignInIT.fields("code", TotpCodes.at(secret, 1))).redirectsTo(
                "/app/entities");
        assertEquals(client.id(), br.get("/api/v1/me").expect(200).str("userId"));
        var audit = Api.get("/api/v1/audit-events?size=200", a.t(), a.adminToken()).expect(200).body();
        assertTrue(audit.contains("LOGIN_TOTP_REQUIRED"), audit);

        // the half-done sign-in is bound to its tenant's host
        Browser half = Browser.forTenant(a.slug());
        signIn(half, idpA, new FakeOidcIssuer.User("totp-" + client.id(), client.email(), true, "T"), null)
                .redirectsTo("/login/totp.html");
        Browser elsewhere = Browser.forTenant(b.slug());
        elsewhere.cookies.putAll(half.cookies);
        elsewhere.form("/login/totp", BrowserSignInIT.fields("code", TotpCodes.at(secret, 2))).redirectsTo(
                "/login/?error=SIGN_IN_EXPIRED");
        assertFalse(elsewhere.cookies.containsKey("seva_token"));
    }

    @Test
    void totpRequiredForStaffAppliesToOidcSignIns() throws Exception {
        var t = Api.newTenant("oidcpol");
        try (FakeOidcIssuer idp = new FakeOidcIssuer("seva-pol", "pol-secret")) {
            configure(t, idp, false, true);
            String adminSecret = Api.post("/api/v1/me/totp", t.t(), t.adminToken(), "{}").expect(200).str("secret");
            Api.post("/api/v1/me/totp/confirm", t.t(), t.adminToken(), Json.createObjectBuilder().add("code",
                    TotpCodes.now(adminSecret)).build()).expect(200);
            Api.call("PUT", "/api/v1/tenant/security-settings", t.t(), t.adminToken(),
                    "{\"totpRequiredForStaff\":true}").expect(200);
            var staff = Api.newUser(t, "STAFF");
            Browser br = Browser.forTenant(t.slug());
            signIn(br, idp, new FakeOidcIssuer.User("pol-" + staff.id(), staff.email(), true, "S"), null)
                    .redirectsTo("/app/");
            assertTrue(br.get("/api/v1/me").expect(200).json().asJsonObject().getBoolean("totpEnrolmentRequired"));
            br.get("/api/v1/entities").problem(403, "TOTP_ENROLMENT_REQUIRED");
        }
    }

    @Test
    void onlyClientsAreLinkedByEmailUnlessTheTenantTurnsOnLinkingForStaff() throws Exception {
        var t = Api.newTenant("oidclink");
        try (FakeOidcIssuer idp = new FakeOidcIssuer("seva-link", "link-secret")) {
            configure(t, idp, false);
            assertFalse(Api.get("/api/v1/tenant/oidc-settings", t.t(), t.adminToken()).expect(200).obj()
                    .getBoolean("linkStaffByEmail"));
            var client = Api.newUser(t, "CLIENT");
            var staff = Api.newUser(t, "STAFF");
            var agent = Api.newUser(t, "AGENT");
            signIn(Browser.forTenant(t.slug()), idp, new FakeOidcIssuer.User("c-" + client.id(), client.email(),
                    true, "C"), null).redirectsTo("/app/");
            for (String email : java.util.List.of(staff.email(), agent.email(), t.adminEmail())) {
                Browser br = Browser.forTenant(t.slug());
                signIn(br, idp, new FakeOidcIssuer.User("x-" + email, email, true, "X"), null).redirectsTo(
                        "/login/?error=OIDC_FAILED");
                assertFalse(br.cookies.containsKey("seva_token"), email);
            }

            // turned on: staff are linked, a TENANT_ADMIN never
            configure(t, idp, false, true);
            assertTrue(Api.get("/api/v1/tenant/oidc-settings", t.t(), t.adminToken()).expect(200).obj()
                    .getBoolean("linkStaffByEmail"));
            Browser sb = Browser.forTenant(t.slug());
            signIn(sb, idp, new FakeOidcIssuer.User("s-" + staff.id(), staff.email(), true, "S"), null).redirectsTo(
                    "/app/");
            assertEquals(staff.id(), sb.get("/api/v1/me").expect(200).str("userId"));
            signIn(Browser.forTenant(t.slug()), idp, new FakeOidcIssuer.User("adm", t.adminEmail(), true, "A"), null)
                    .redirectsTo("/login/?error=OIDC_FAILED");

            // turned off again: identities linked before keep working
            configure(t, idp, false, false);
            Browser again = Browser.forTenant(t.slug());
            signIn(again, idp, new FakeOidcIssuer.User("s-" + staff.id(), "whatever@else.in", false, "S"), null)
                    .redirectsTo("/app/");
            assertEquals(staff.id(), again.get("/api/v1/me").expect(200).str("userId"));
            var audit = Api.get("/api/v1/audit-events?size=200", t.t(), t.adminToken()).expect(200).body();
            assertTrue(audit.contains("oidc: a TENANT_ADMIN is never linked automatically"), audit);
            assertTrue(audit.contains("oidc: only clients are linked by e-mail here"), audit);
        }
    }

    @Test
    void issuersThatReachInsideTheNetworkAreRefusedWhenSaved() {
        var t = Api.newTenant("oidcnet");
        for (String issuer : java.util.List.of("http://idp.example", "https://169.254.169.254",
                "https://169.254.169.254/latest/meta-data", "https://[::ffff:169.254.169.254]",
                "https://[::ffff:a9fe:a9fe]", "https://[::169.254.169.254]", "https://10.1.2.3", "https://172.16.0.1",
                "https://192.168.0.10/realms/x", "https://[fe80::1]", "https://[fd00::1]", "https://0.0.0.0",
                "https://[::]", "https://100.64.0.1", "ftp://idp.example")) {
            var r = Api.call("PUT", "/api/v1/tenant/oidc-settings", t.t(), t.adminToken(), Json.createObjectBuilder()
                    .add("enabled", true).add("issuer", issuer).add("clientId", "x").add("clientSecret", "y")
                    .build());
            r.problem(400, "OIDC_ISSUER_NOT_ALLOWED");
            assertTrue(r.str("detail").length() > 10, r.body());
        }
        assertFalse(Api.get("/api/v1/tenant/oidc-settings", t.t(), t.adminToken()).expect(200).obj().getBoolean(
                "enabled"));
    }

    @Test
    void discoveryDocumentsThatPointInsideTheNetworkAreRefused() throws Exception {
        var t = Api.newTenant("oidcdisc");
        var client = Api.newUser(t, "CLIENT");
        try (FakeOidcIssuer idp = new FakeOidcIssuer("seva-disc", "disc-secret")) {
            java.util.Map<String, String> bad = new java.util.LinkedHashMap<>();
            bad.put("token_endpoint", "http://169.254.169.254/latest/meta-data/");
            bad.put("jwks_uri", "https://10.0.0.1/jwks");
            bad.put("authorization_endpoint", "http://idp.example/authorize");
            bad.put("userinfo_endpoint", "https://[::ffff:192.168.1.1]/userinfo");
            bad.put("end_session_endpoint", "https://[fd12::1]/logout");
            for (var e : bad.entrySet()) {
                idp.discoveryOverrides.clear();
                idp.discoveryOverrides.put(e.getKey(), e.getValue());
                configure(t, idp, false); // saved again: the tenant's client is built anew
                int fetched = idp.discoveryFetches.get();
                Browser.forTenant(t.slug()).get("/login/oidc").redirectsTo("/login/?error=OIDC_FAILED");
                assertTrue(idp.discoveryFetches.get() > fetched, "the document was fetched for " + e.getKey());
            }
            idp.discoveryOverrides.clear();
            configure(t, idp, false);
            signIn(Browser.forTenant(t.slug()), idp, new FakeOidcIssuer.User("d-" + client.id(), client.email(), true,
                    "D"), null).redirectsTo("/app/");
        }
    }

    /** URL encoding for assertions. */
    static final class URLs {
        static String enc(String s) {
            return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
