package dev.seva.reference.it;

import static dev.seva.reference.it.Api.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import jakarta.json.Json;
import java.time.Duration;
import java.time.Instant;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;

class TotpIT {

    /** The code an authenticator app would show {@code stepsAhead} steps from now. */
    private static String code(String secret, int stepsAhead) throws Exception {
        var totp = new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(30));
        var key = new SecretKeySpec(new Base32().decode(secret), totp.getAlgorithm());
        return String.format("%06d", totp.generateOneTimePassword(key, Instant.now().plusSeconds(30L
                * stepsAhead)));
    }

    private static Api.Res signIn(Api.TestTenant t, String totp) {
        var b = Json.createObjectBuilder().add("email", t.adminEmail()).add("password", t.adminPassword());
        if (totp != null) {
            b.add("totp", totp);
        }
        return post("/api/v1/auth/token", t.t(), null, b.build());
    }

    @Test
    void enrolConfirmAndSignInWithASecondFactor() throws Exception {
        var t = Api.newTenant("totp");
        var enrol = post("/api/v1/me/totp", t.t(), t.adminToken(), "{}").expect(200);
        String secret = enrol.str("secret");
        assertTrue(enrol.str("otpauthUri").startsWith("otpauth://totp/"), enrol.body());
        String qr = enrol.str("qrCode");
        assertTrue(qr.startsWith("data:image/svg+xml;base64,"), qr);
        assertTrue(new String(java.util.Base64.getDecoder().decode(qr.substring(qr.indexOf(',') + 1)),
                java.nio.charset.StandardCharsets.UTF_8).startsWith("<svg "), "the QR code is an SVG image");
        post("/api/v1/me/totp/confirm", t.t(), t.adminToken(), Json.createObjectBuilder().add("code", "000000")
                .build()).problem(422, "TOTP_INVALID");
        String first = code(secret, 0);
        var confirmed = post("/api/v1/me/totp/confirm", t.t(), t.adminToken(), Json.createObjectBuilder()
                .add("code", first).build()).expect(200);
        var recovery = confirmed.obj().getJsonArray("recoveryCodes");
        assertEquals(10, recovery.size());
        post("/api/v1/me/totp", t.t(), t.adminToken(), "{}").problem(409, "TOTP_ALREADY_ENABLED");

        // the password alone is no longer enough, and a wrong or replayed code fails like a wrong password
        signIn(t, null).problem(401, "TOTP_REQUIRED");
        signIn(t, "123456").problem(401, "INVALID_CREDENTIALS");
        signIn(t, first).problem(401, "INVALID_CREDENTIALS"); // the code confirmed with: used, whatever the time
        assertTrue(signIn(t, code(secret, 1)).expect(200).str("accessToken").length() > 20);

        // a recovery code works once
        String rc = recovery.getString(0);
        signIn(t, rc).expect(200);
        signIn(t, rc).problem(401, "INVALID_CREDENTIALS");
        signIn(t, recovery.getString(1).toUpperCase()).expect(200);
    }

    @Test
    void confirmWithoutEnrolmentOrCodeIsRefused() {
        var t = Api.newTenant("totpbad");
        post("/api/v1/me/totp/confirm", t.t(), t.adminToken(), Json.createObjectBuilder().add("code", "123456")
                .build()).problem(422, "TOTP_INVALID");
        post("/api/v1/me/totp/confirm", t.t(), t.adminToken(), "{}").problem(400, "VALIDATION_FAILED");
        // the IT server's platform admin has the configured second factor (SecurityIT)
        post("/api/v1/me/totp", Api.Tenant.NONE, Api.platformToken(), "{}").problem(409, "TOTP_ALREADY_ENABLED");
    }
}
