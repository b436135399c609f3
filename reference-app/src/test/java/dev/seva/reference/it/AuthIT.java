package dev.seva.reference.it;

import static dev.seva.reference.it.Api.get;
import static dev.seva.reference.it.Api.patch;
import static dev.seva.reference.it.Api.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.seva.reference.it.Api.Tenant;
import jakarta.json.Json;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthIT {

    private static Api.Res signIn(Tenant t, String email, String password) {
        return post("/api/v1/auth/token", t, null,
                Json.createObjectBuilder().add("email", email).add("password", password).build());
    }

    @Test
    void aTokenIsAnRs256MpJwtForOneTenant() throws Exception {
        var t = Api.newTenant("auth");
        var r = signIn(t.t(), t.adminEmail(), t.adminPassword()).expect(200);
        assertEquals("Bearer", r.str("tokenType"));
        assertTrue(r.obj().getInt("expiresIn") > 0);
        String[] parts = r.str("accessToken").split("\\.");
        String header = new String(Base64.getUrlDecoder().decode(parts[0]));
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]));
        assertTrue(header.contains("\"alg\":\"RS256\"") && header.contains("\"kid\"") && header.contains("\"typ\""),
                header);
        for (String c : List.of("\"iss\"", "\"sub\"", "\"upn\"", "\"groups\"", "\"exp\"", "\"tenant\":\"" + t.id())) {
            assertTrue(claims.contains(c), c + " in " + claims);
        }
        var me = get("/api/v1/me", t.t(), r.str("accessToken")).expect(200);
        assertEquals(t.adminEmail(), me.str("email"));
        assertEquals(t.slug(), me.str("tenant"));
        assertEquals("TENANT_ADMIN", me.obj().getJsonArray("roles").getString(0));
    }

    @Test
    void unknownUserAndWrongPasswordGetTheSameAnswer() {
        var t = Api.newTenant("creds");
        var wrong = signIn(t.t(), t.adminEmail(), "not-the-password").problem(401, "INVALID_CREDENTIALS");
        var unknown = signIn(t.t(), "nobody@" + t.slug() + ".in", "not-the-password").problem(401,
                "INVALID_CREDENTIALS");
        assertEquals(wrong.str("detail"), unknown.str("detail"));
        assertEquals(wrong.str("title"), unknown.str("title"));
        // the tenant's users do not exist on the platform, nor in another tenant
        signIn(Tenant.NONE, t.adminEmail(), t.adminPassword()).problem(401, "INVALID_CREDENTIALS");
        var other = Api.newTenant("creds2");
        signIn(other.t(), t.adminEmail(), t.adminPassword()).problem(401, "INVALID_CREDENTIALS");
        signIn(t.t(), "", "").problem(400, "VALIDATION_FAILED");
    }

    @Test
    void disabledUsersCannotSignIn() {
        var t = Api.newTenant("disabled");
        var u = Api.newUser(t, "STAFF");
        patch("/api/v1/users/" + u.id(), t.t(), t.adminToken(),
                Json.createObjectBuilder().add("status", "DISABLED").build()).expect(200);
        var r = signIn(t.t(), u.email(), "user-password-" + u.email().hashCode());
        r.problem(401, "INVALID_CREDENTIALS");
    }

    @Test
    void forgedExpiredOrUnsignedTokensAreRefused() throws Exception {
        var t = Api.newTenant("forged");
        RSAKey foreign = new RSAKeyGenerator(2048).keyID("attacker").generate();
        String forged = sign(foreign, t.id(), new Date(System.currentTimeMillis() + 600_000));
        get("/api/v1/me", t.t(), forged).problem(401, "AUTHENTICATION_REQUIRED");
        String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes())
                + "." + t.adminToken().split("\\.")[1] + ".";
        get("/api/v1/me", t.t(), unsigned).problem(401, "AUTHENTICATION_REQUIRED");
        String[] parts = t.adminToken().split("\\.");
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "xx." + parts[2];
        get("/api/v1/me", t.t(), tampered).problem(401, "AUTHENTICATION_REQUIRED");
        get("/api/v1/me", t.t(), "garbage").problem(401, "AUTHENTICATION_REQUIRED");
    }

    private static String sign(RSAKey key, String tenant, Date exp) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("https://seva.local/auth").subject("x")
                .audience("seva").claim("upn", "x@x.in").claim("groups", List.of("TENANT_ADMIN"))
                .claim("tenant", tenant).issueTime(new Date()).expirationTime(exp).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Test
    void platformAdminsSignInOnTheBareHost() {
        var me = get("/api/v1/me", Tenant.NONE, Api.platformToken()).expect(200);
        assertEquals(List.of("PLATFORM_ADMIN"), me.obj().getJsonArray("roles").getValuesAs(
                jakarta.json.JsonString::getString));
        assertTrue(!me.obj().containsKey("tenant") || me.obj().isNull("tenant"), me.body());
    }
}
