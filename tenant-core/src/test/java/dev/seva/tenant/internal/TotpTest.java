package dev.seva.tenant.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TotpTest {

    /** RFC 6238 appendix B, SHA-1 key "12345678901234567890" in Base32. */
    private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @Test
    void matchesTheRfc6238TestVectors() {
        assertEquals(287082, Totp.codeAt(RFC_SECRET, 59 / 30));
        assertEquals(81804, Totp.codeAt(RFC_SECRET, 1111111109L / 30));
        assertEquals(279037, Totp.codeAt(RFC_SECRET, 2000000000L / 30));
    }

    @Test
    void acceptsOneStepEitherSideAndNeverTheSameStepTwice() {
        Instant now = Instant.ofEpochSecond(1111111109L);
        long step = now.getEpochSecond() / 30;
        String current = String.format("%06d", Totp.codeAt(RFC_SECRET, step));
        String previous = String.format("%06d", Totp.codeAt(RFC_SECRET, step - 1));
        String old = String.format("%06d", Totp.codeAt(RFC_SECRET, step - 2));
        assertEquals(OptionalLong.of(step), Totp.verify(RFC_SECRET, current, 0, now));
        assertEquals(OptionalLong.of(step - 1), Totp.verify(RFC_SECRET, previous, 0, now));
        assertTrue(Totp.verify(RFC_SECRET, old, 0, now).isEmpty());
        assertTrue(Totp.verify(RFC_SECRET, current, step, now).isEmpty(), "replayed");
        assertTrue(Totp.verify(RFC_SECRET, "12345", 0, now).isEmpty());
        assertTrue(Totp.verify(RFC_SECRET, null, 0, now).isEmpty());
    }

    @Test
    void secretsAndRecoveryCodesAreRandomAndCodesHashTheSameWhateverTheirCase() {
        assertNotEquals(Totp.newSecret(), Totp.newSecret());
        assertEquals(32, Totp.newSecret().length());
        String code = Totp.newRecoveryCode();
        assertTrue(code.matches("[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}"), code);
        assertEquals(Totp.hashRecovery(code), Totp.hashRecovery(" " + code.toUpperCase().replace("-", "") + " "));
        assertTrue(Totp.uri("Acme & Co", "a@acme.in", "ABC").startsWith(
                "otpauth://totp/Acme%20%26%20Co:a%40acme.in?secret=ABC&issuer=Acme%20%26%20Co"));
    }
}
