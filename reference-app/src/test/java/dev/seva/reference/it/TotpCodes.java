package dev.seva.reference.it;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.time.Duration;
import java.time.Instant;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/** The codes an authenticator app shows. */
final class TotpCodes {

    private TotpCodes() {
    }

    /** @return the code of this secret {@code stepsAhead} 30-second steps from now */
    static String at(String secret, int stepsAhead) {
        try {
            var totp = new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(30));
            var key = new SecretKeySpec(new Base32().decode(secret), totp.getAlgorithm());
            return String.format("%06d", totp.generateOneTimePassword(key, Instant.now().plusSeconds(30L
                    * stepsAhead)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the current code */
    static String now(String secret) {
        return at(secret, 0);
    }
}
