package dev.seva.tenant.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileKeyProviderTest {

    @TempDir
    Path dir;

    private static final byte[] DATA_KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CTX = "tenant-a".getBytes(StandardCharsets.US_ASCII);

    @Test
    void firstUseCreatesAnOwnerOnlyKeyThatAnotherInstanceReads() throws Exception {
        FileKeyProvider p = FileKeyProvider.in(dir);
        String id = p.currentKeyId();
        Path file = dir.resolve(id + ".key");
        assertTrue(Files.exists(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        byte[] wrapped = p.wrap(DATA_KEY, CTX);

        FileKeyProvider again = FileKeyProvider.in(dir);
        assertEquals(id, again.currentKeyId());
        assertArrayEquals(DATA_KEY, again.unwrap(id, wrapped, CTX));
    }

    @Test
    void aWrapOpensOnlyWithItsContextAndUnaltered() throws Exception {
        FileKeyProvider p = FileKeyProvider.in(dir);
        byte[] wrapped = p.wrap(DATA_KEY, CTX);
        String id = p.currentKeyId();
        assertThrows(GeneralSecurityException.class,
                () -> p.unwrap(id, wrapped, "tenant-b".getBytes(StandardCharsets.US_ASCII)));
        wrapped[wrapped.length - 1] ^= 1;
        assertThrows(GeneralSecurityException.class, () -> p.unwrap(id, wrapped, CTX));
        assertThrows(GeneralSecurityException.class, () -> p.unwrap("../../etc/passwd", wrapped, CTX));
    }

    @Test
    void rotationMakesANewCurrentKeyAndTheOldOneStillUnwraps() throws Exception {
        FileKeyProvider p = FileKeyProvider.in(dir);
        String old = p.currentKeyId();
        byte[] wrapped = p.wrap(DATA_KEY, CTX);
        String fresh = p.rotate();
        assertNotEquals(old, fresh);
        assertEquals(fresh, p.currentKeyId());
        assertEquals(fresh, FileKeyProvider.in(dir).currentKeyId());
        assertArrayEquals(DATA_KEY, p.unwrap(old, wrapped, CTX));

        Files.delete(dir.resolve(old + ".key"));
        assertThrows(GeneralSecurityException.class, () -> FileKeyProvider.in(dir).unwrap(old, wrapped, CTX));
    }
}
