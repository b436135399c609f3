package dev.seva.reference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import jakarta.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Browser sign-in through Pac4j's form client: the redirects of the contract, the two cookies, the second factor
 * kept in the session, CSRF on the API and sign-out.
 */
class BrowserSignInIT {

    private static Api.TestTenant t;

    @BeforeAll
    static void tenant() {
        t = Api.newTenant("web");
    }

    static Map<String, String> fields(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    /** Posts the sign-in form; returns the first answer. */
    static Browser.Page submit(Browser br, String email, String password, String next) {
        var f = fields("username", email, "password", password);
        if (next != null) {
            f.put("next", next);
        }
        return br.form("/callback?client_name=FormClient", f);
    }

    /** Signs in with the form and follows to the landing page's redirect; returns where it lands. */
    static String signIn(Browser br, String email, String password, String next) {
        var first = submit(br, email, password, next).redirectsTo("/login/complete");
        var done = br.follow(first).expect(303);
        return done.location().orElseThrow();
    }

    private static String code(String secret, int stepsAhead) throws Exception {
        var totp = new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(30));
        var key = new SecretKeySpec(new Base32().decode(secret), totp.getAlgorithm());
        return String.format("%06d", totp.generateOneTimePassword(key, Instant.now().plusSeconds(30L
                * stepsAhead)));
    }

    @Test
    void formSignInSetsTheCookiesAndLandsOnTheApp() {
        Browser br = Browser.forTenant(t.slug());
        var first = submit(br, t.adminEmail(), t.adminPassword(), "/app/entities?x=1");
        first.redirectsTo("/login/complete");
        var done = br.follow(first);
        done.redirectsTo("/app/entities?x=1");
        String token = br.setCookie("seva_token").orElseThrow();
        assertTrue(token.contains("HttpOnly"), token);
        assertTrue(token.contains("SameSite=Lax"), token);
        assertTrue(token.contains("Path=/"), token);
        assertFalse(token.contains("Secure"), "not Secure over plain HTTP: " + token);
        String csrf = br.setCookie("seva_csrf").orElseThrow();
        assertFalse(csrf.contains("HttpOnly"), csrf);
        assertTrue(csrf.contains("SameSite=Strict"), csrf);
        assertFalse(token.contains(t.adminPassword()));

        var me = br.get("/api/v1/me").expect(200);
        assertEquals(t.adminEmail(), me.str("email"));
        assertEquals(t.slug(), me.str("tenant"));
        // the cookie is the token endpoint's token: it works as a Bearer header too
        var viaHeader = Api.get("/api/v1/me", t.t(), br.cookies.get("seva_token")).expect(200);
        assertEquals(me.str("userId"), viaHeader.str("userId"));
        // the sign-in is audited like the token endpoint's
        var audit = Api.get("/api/v1/audit-events?size=200", t.t(), t.adminToken()).expect(200).body();
        assertTrue(audit.contains("LOGIN_SUCCEEDED"), audit);
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() {
        Browser br = Browser.forTenant(t.slug());
        submit(br, t.adminEmail(), "wrong-password", null).redirectsTo("/login/?error=INVALID_CREDENTIALS");
        assertFalse(br.cookies.containsKey("seva_token"));
        submit(br, "nobody@nowhere.in", "wrong-password", null).redirectsTo("/login/?error=INVALID_CREDENTIALS");
        submit(br, t.adminEmail(), "", null).redirectsTo("/login/?error=INVALID_CREDENTIALS");
        assertFalse(br.cookies.containsKey("seva_token"));
        // pac4j's completion page without a sign-in sends the browser to the sign-in page
        var lost = Browser.forTenant(t.slug()).get("/login/complete");
        assertTrue(lost.status() == 302 || lost.status() == 303, lost.body());
        assertEquals("/login/", lost.location().orElseThrow().replaceFirst("^https?://[^/]+", ""));
    }

    @Test
    void nextMustBeASameOriginAppPath() {
        for (String evil : new String[]{"https://evil.example/app/", "//evil.example/app/", "/\\evil.example",
                "/app/../../evil", "javascript:alert(1)", "/login/", "/app//evil.example"}) {
            assertEquals("/app/", signIn(Browser.forTenant(t.slug()), t.adminEmail(), t.adminPassword(), evil),
                    evil);
        }
        assertEquals("/app/users", signIn(Browser.forTenant(t.slug()), t.adminEmail(), t.adminPassword(),
                "/app/users"));
        assertEquals("/app/", signIn(Browser.forTenant(t.slug()), t.adminEmail(), t.adminPassword(), null));
    }

    @Test
    void aPostFromAnotherSiteCannotSignIn() {
        Browser br = Browser.forTenant(t.slug());
        var f = fields("username", t.adminEmail(), "password", t.adminPassword());
        br.send("POST", "/callback?client_name=FormClient", Map.of("Origin", "https://evil.example"),
                "application/x-www-form-urlencoded",
                "username=" + t.adminEmail() + "&password=" + t.adminPassword())
                .redirectsTo("/login/?error=INVALID_CREDENTIALS");
        assertFalse(br.cookies.containsKey("seva_token"), f.toString());
    }

    @Test
    void theSecondFactorIsAskedForOnItsOwnPage() throws Exception {
        var u = Api.newTenant("web2fa");
        String secret = Api.post("/api/v1/me/totp", u.t(), u.adminToken(), "{}").expect(200).str("secret");
        String first = code(secret, 0);
        Api.post("/api/v1/me/totp/confirm", u.t(), u.adminToken(), Json.createObjectBuilder().add("code", first)
                .build()).expect(200);

        Browser br = Browser.forTenant(u.slug());
        submit(br, u.adminEmail(), u.adminPassword(), "/app/branding").redirectsTo("/login/totp.html");
        assertFalse(br.cookies.containsKey("seva_token"));
        assertTrue(br.cookies.containsKey("JSESSIONID"), br.cookies.toString());
        br.form("/login/totp", fields("code", "000000")).redirectsTo("/login/totp.html?error=TOTP_INVALID");
        br.form("/login/totp", fields("code", first)).redirectsTo("/login/totp.html?error=TOTP_INVALID");
        br.form("/login/totp", fields("code", code(secret, 1))).redirectsTo("/app/branding");
        assertNotNull(br.cookies.get("seva_token"));
        assertEquals(u.adminEmail(), br.get("/api/v1/me").expect(200).str("email"));
        // the pending sign-in is gone with the session
        br.form("/login/totp", fields("code", code(secret, 2))).redirectsTo("/login/?error=SIGN_IN_EXPIRED");

        // without a password first there is nothing to complete
        Browser other = Browser.forTenant(u.slug());
        other.form("/login/totp", fields("code", code(secret, 2))).redirectsTo("/login/?error=SIGN_IN_EXPIRED");
        assertFalse(other.cookies.containsKey("seva_token"));
    }

    @Test
    void repeatedFailuresAreThrottled() {
        var u = Api.newUser(t, "STAFF");
        Browser br = Browser.forTenant(t.slug());
        for (int i = 0; i < 5; i++) {
            submit(br, u.email(), "wrong-" + i, null).redirectsTo("/login/?error=INVALID_CREDENTIALS");
        }
        submit(br, u.email(), "wrong-again", null).redirectsTo("/login/?error=RATE_LIMITED");
        var audit = Api.get("/api/v1/audit-events?size=200", t.t(), t.adminToken()).expect(200).body();
        assertTrue(audit.contains("LOGIN_THROTTLED"), audit);
    }

    @Test
    void thePlatformAdminSignsInOnTheBareHost() {
        Browser br = Browser.platform();
        // with the second factor every platform admin has
        submit(br, PlatformAdmin.EMAIL, PlatformAdmin.PASSWORD, null).redirectsTo("/login/totp.html");
        assertFalse(br.cookies.containsKey("seva_token"));
        br.form("/login/totp", fields("code", PlatformAdmin.nextCode())).redirectsTo("/app/");
        var me = br.get("/api/v1/me").expect(200);
        assertEquals("[\"PLATFORM_ADMIN\"]", me.json().asJsonObject().getJsonArray("roles").toString());
        br.get("/api/v1/platform/tenants").expect(200);
        // and that cookie is no tenant's
        Browser onTenant = Browser.forTenant(t.slug());
        onTenant.cookies.put("seva_token", br.cookies.get("seva_token"));
        onTenant.get("/api/v1/me").problem(401, "TENANT_MISMATCH");
    }

    @Test
    void cookieCallsThatChangeThingsNeedTheCsrfHeader() {
        Browser br = Browser.forTenant(t.slug());
        signIn(br, t.adminEmail(), t.adminPassword(), null);
        var body = Json.createObjectBuilder().add("legalName", "Cookie Co Pvt Ltd").add("type", "PRIVATE_LIMITED")
                .build();
        br.json("POST", "/api/v1/entities", body, Map.of()).problem(403, "CSRF_FAILED");
        br.json("POST", "/api/v1/entities", body, Map.of("X-CSRF-Token", "forged")).problem(403, "CSRF_FAILED");
        br.json("POST", "/api/v1/entities", body, Map.of("X-CSRF-Token", "")).problem(403, "CSRF_FAILED");
        br.api("POST", "/api/v1/entities", body).expect(201);
        // reads need none
        br.get("/api/v1/entities").expect(200);
        // a call with an Authorization header is exempt, even with the cookies around
        br.json("POST", "/api/v1/entities", body, Map.of("Authorization", "Bearer " + t.adminToken())).expect(201);
        // a forged csrf cookie matching a forged header does not help without the real token cookie
        Browser attacker = Browser.forTenant(t.slug());
        attacker.cookies.put("seva_csrf", "x");
        attacker.json("POST", "/api/v1/entities", body, Map.of("X-CSRF-Token", "x")).problem(401,
                "AUTHENTICATION_REQUIRED");
    }

    @Test
    void signingOutClearsTheCookiesAndRevokesTheToken() {
        Browser br = Browser.forTenant(t.slug());
        signIn(br, t.adminEmail(), t.adminPassword(), null);
        String token = br.cookies.get("seva_token");
        String csrf = br.cookies.get("seva_csrf");
        br.get("/api/v1/me").expect(200);

        // without or with a wrong csrf field, or from another site: refused, nothing changes
        br.form("/logout", fields()).problem(403, "CSRF_FAILED");
        br.form("/logout", fields("csrf", "wrong")).problem(403, "CSRF_FAILED");
        br.send("POST", "/logout", Map.of("Origin", "https://evil.example"), "application/x-www-form-urlencoded",
                "csrf=" + csrf).problem(403, "CSRF_FAILED");
        br.get("/api/v1/me").expect(200);

        br.form("/logout", fields("csrf", csrf)).redirectsTo("/login/?signedOut=1");
        String cleared = br.setCookie("seva_token").orElseThrow();
        assertTrue(cleared.contains("Max-Age=0"), cleared);
        assertTrue(br.setCookie("seva_csrf").orElseThrow().contains("Max-Age=0"));
        assertFalse(br.cookies.containsKey("seva_token"));

        // a copy of the signed-out token is refused, as cookie and as header
        Browser copy = Browser.forTenant(t.slug());
        copy.cookies.put("seva_token", token);
        copy.get("/api/v1/me").problem(401, "AUTHENTICATION_REQUIRED");
        Api.get("/api/v1/me", t.t(), token).problem(401, "AUTHENTICATION_REQUIRED");
        // other sign-ins of the same user are not affected
        Api.get("/api/v1/me", t.t(), t.adminToken()).expect(200);
        // signing out again (no cookies left) just lands on the sign-in page
        br.form("/logout", fields()).redirectsTo("/login/?signedOut=1");
    }
}
