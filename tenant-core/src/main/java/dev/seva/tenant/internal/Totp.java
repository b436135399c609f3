package dev.seva.tenant.internal;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import dev.seva.tenant.QrCodes;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * RFC 6238 codes (HMAC-SHA1, 6 digits, 30 s steps, the authenticator apps' defaults) through java-otp; secrets in
 * Base32 as the apps expect. A code is accepted for the current step and one step either side, and never for a step
 * at or before the last one used (no replay).
 */
final class Totp {

    static final Duration STEP = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    private Totp() {
    }

    /** @return a new 160-bit secret, Base32 without padding */
    static String newSecret() {
        byte[] key = new byte[20];
        RANDOM.nextBytes(key);
        return new Base32().encodeToString(key).replace("=", "");
    }

    /** @return the otpauth URI an authenticator app reads (as a QR code or typed in) */
    static String uri(String issuer, String account, String secret) {
        String label = enc(issuer) + ":" + enc(account);
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + enc(issuer)
                + "&algorithm=SHA1&digits=6&period=30";
    }

    /**
     * @return the URI as a QR code: an SVG image (black modules on white, 4-module quiet zone) as a
     *         {@code data:} URI that an {@code <img>} shows
     */
    static String qrDataUri(String uri) {
        QrCodes.Drawing q = QrCodes.draw(uri);
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + q.width() + " " + q.height()
                + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path"
                + " fill=\"#000\" d=\"" + q.path() + "\"/></svg>";
        return "data:image/svg+xml;base64,"
                + java.util.Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @return the time step the code matches (within one step of now and after {@code lastStep}), or empty
     */
    static OptionalLong verify(String secret, String code, long lastStep, Instant now) {
        if (code == null || !code.strip().matches("[0-9]{6}")) {
            return OptionalLong.empty();
        }
        int given = Integer.parseInt(code.strip());
        long current = now.getEpochSecond() / STEP.getSeconds();
        for (long step = current - 1; step <= current + 1; step++) {
            if (step > lastStep && codeAt(secret, step) == given) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    static int codeAt(String secret, long step) {
        try {
            TimeBasedOneTimePasswordGenerator totp = new TimeBasedOneTimePasswordGenerator(STEP);
            SecretKeySpec key = new SecretKeySpec(new Base32().decode(secret), totp.getAlgorithm());
            return totp.generateOneTimePassword(key, Instant.ofEpochSecond(step * STEP.getSeconds()));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return a random recovery code like {@code k7dq-m3xp-9tzw} (about 60 bits) */
    static String newRecoveryCode() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                sb.append('-');
            }
            sb.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
        }
        return sb.toString();
    }

    /** @return the stored form of a recovery code: SHA-256 of its normalised text (the codes are random) */
    static String hashRecovery(String code) {
        String normal = code.strip().toLowerCase(Locale.ROOT).replace("-", "").replace(" ", "");
        return Digests.sha256Hex(normal.getBytes(StandardCharsets.UTF_8));
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
