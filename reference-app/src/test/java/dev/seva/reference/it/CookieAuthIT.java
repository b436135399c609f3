package dev.seva.reference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The access token is accepted from the {@code seva_token} cookie as well as from the Authorization header. */
class CookieAuthIT {

    private static Api.TestTenant a;
    private static Api.TestTenant b;

    @BeforeAll
    static void tenants() {
        a = Api.newTenant("cka");
        b = Api.newTenant("ckb");
    }

    @Test
    void theCookieAloneSignsTheRequestIn() {
        Browser br = Browser.forTenant(a.slug());
        br.cookies.put("seva_token", a.adminToken());
        var me = br.get("/api/v1/me").expect(200);
        assertEquals(a.adminEmail(), me.str("email"));
        assertEquals(a.slug(), me.str("tenant"));
    }

    @Test
    void aTamperedOrForeignCookieIsRefused() {
        Browser br = Browser.forTenant(a.slug());
        String t = a.adminToken();
        // flip one character of the signature
        char last = t.charAt(t.length() - 2);
        br.cookies.put("seva_token", t.substring(0, t.length() - 2) + (last == 'A' ? 'B' : 'A') + t.charAt(t
                .length() - 1));
        br.get("/api/v1/me").problem(401, "AUTHENTICATION_REQUIRED");
        br.cookies.put("seva_token", "not.a.token");
        br.get("/api/v1/me").problem(401, "AUTHENTICATION_REQUIRED");
        // tenant B's valid cookie on tenant A's host
        br.cookies.put("seva_token", b.adminToken());
        br.get("/api/v1/me").problem(401, "TENANT_MISMATCH");
        br.get("/api/v1/users").problem(401, "TENANT_MISMATCH");
    }

    @Test
    void aForgedCookieIsDroppedWithoutFloodingTheLog() throws Exception {
        var log = java.nio.file.Path.of("target/liberty/wlp/usr/servers/seva-it/logs/messages.log");
        String marker = "forged-" + java.util.UUID.randomUUID();
        Browser br = Browser.forTenant(a.slug());
        String t = a.adminToken();
        String[] parts = t.split("\\.");
        // a real header and signature with a changed payload (the e-mail)
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]),
                java.nio.charset.StandardCharsets.UTF_8).replace(a.adminEmail(), marker + "@x.in");
        String forgedPayload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
        br.cookies.put("seva_token", parts[0] + "." + forgedPayload + "." + parts[2]);
        for (int i = 0; i < 3; i++) {
            br.get("/api/v1/me").problem(401, "AUTHENTICATION_REQUIRED");
        }
        Thread.sleep(500);
        String text = java.nio.file.Files.readString(log);
        // Liberty's error line for a rejected token quotes it (base64): it must not have been asked
        org.junit.jupiter.api.Assertions.assertFalse(
                text.contains(forgedPayload.substring(forgedPayload.length() - 40)),
                "the forged cookie reached the server's token validation and its log");
    }

    @Test
    void theBearerHeaderWinsOverTheCookie() {
        Browser br = Browser.forTenant(a.slug());
        br.cookies.put("seva_token", b.adminToken());
        var me = br.get("/api/v1/me", Map.of("Authorization", "Bearer " + a.adminToken())).expect(200);
        assertEquals(a.adminEmail(), me.str("email"));
        // a bad Bearer header does not fall back to a good cookie
        br.cookies.put("seva_token", a.adminToken());
        br.get("/api/v1/me", Map.of("Authorization", "Bearer x.y.z")).problem(401, "AUTHENTICATION_REQUIRED");
    }

    @Test
    void publicEndpointsIgnoreABadCookie() {
        Browser br = Browser.forTenant(a.slug());
        br.cookies.put("seva_token", "garbage");
        br.get("/api/v1/branding").expect(200);
    }
}
