package dev.seva.reference.it;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * The IT server's platform admin, who has a second factor: the TOTP secret its bootstrap properties configure
 * ({@code seva.platform.admin.totp-secret} in reference-app/pom.xml). The server takes each 30-second code once, so
 * every platform sign-in of the test JVM (REST, browser and Selenium tests alike) takes its code from here, which
 * never hands out a step twice and waits for the next step when both usable ones are spent; and the token is signed
 * in once and shared until it is 10 minutes old.
 */
public final class PlatformAdmin {

    public static final String EMAIL = System.getProperty("seva.it.platform.admin.email", "ops@seva.test");
    public static final String PASSWORD = System.getProperty("seva.it.platform.admin.password",
            "it-platform-admin-password");
    public static final String TOTP_SECRET = System.getProperty("seva.it.platform.admin.totp-secret",
            "SEVAITPLATFORMADMINTOTPSECRET234");

    private static final long STEP_SECONDS = 30;
    private static final long TOKEN_REUSE_MILLIS = 10 * 60 * 1000L;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private static long lastStep;
    private static String token;
    private static long tokenAt;

    private PlatformAdmin() {
    }

    /** @return a current code of the admin's secret whose step no sign-in of this JVM used yet */
    public static synchronized String nextCode() {
        long step = Math.max(lastStep + 1, currentStep());
        while (step > currentStep() + 1) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        lastStep = step;
        return code(TOTP_SECRET, step);
    }

    /** @return the token endpoint's body for the platform admin, with a fresh code */
    public static JsonObject credentials() {
        return Json.createObjectBuilder().add("email", EMAIL).add("password", PASSWORD).add("totp", nextCode())
                .build();
    }

    /** @return a bearer token of the platform admin (shared: do not sign it out) */
    public static synchronized String token() {
        if (token == null || System.currentTimeMillis() - tokenAt > TOKEN_REUSE_MILLIS) {
            token = signIn(Api.BASE);
            tokenAt = System.currentTimeMillis();
        }
        return token;
    }

    /** @return a new token from the server at {@code base} (another server than the IT server's, too) */
    public static String signIn(String base) {
        HttpRequest r = HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(credentials().toString())).build();
        try {
            HttpResponse<String> res = HTTP.send(r, HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() != 200) {
                throw new IllegalStateException("platform sign-in: " + res.statusCode() + " " + res.body());
            }
            return Json.createReader(new StringReader(res.body())).readObject().getString("accessToken");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** @return the code of a base32 secret at a 30-second step */
    public static String code(String secret, long step) {
        try {
            var totp = new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(STEP_SECONDS));
            var key = new SecretKeySpec(new Base32().decode(secret), totp.getAlgorithm());
            return String.format("%06d", totp.generateOneTimePassword(key, Instant.ofEpochSecond(step
                    * STEP_SECONDS)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long currentStep() {
        return Instant.now().getEpochSecond() / STEP_SECONDS;
    }
}
