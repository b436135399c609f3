package dev.seva.tenant.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void hashesAreArgon2idPhcStringsWithTheirOwnSalt() {
        String a = hasher.hash("correct horse battery");
        String b = hasher.hash("correct horse battery");
        assertTrue(a.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), a);
        assertNotEquals(a, b);
        assertTrue(hasher.verify("correct horse battery", a));
        assertFalse(hasher.verify("correct horse batterY", a));
    }

    @Test
    void aMissingUserNeverVerifies() {
        assertFalse(hasher.verify("anything at all", null));
        assertFalse(hasher.verify(null, null));
    }
}
