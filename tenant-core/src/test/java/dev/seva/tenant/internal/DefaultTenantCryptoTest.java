package dev.seva.tenant.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.seva.sdk.ErrorCode;
import dev.seva.sdk.SevaException;
import dev.seva.sdk.TenantId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DefaultTenantCryptoTest {

    private static final TenantId A = new TenantId(UUID.randomUUID().toString());
    private static final TenantId B = new TenantId(UUID.randomUUID().toString());
    private static final byte[] AAD = "document-version-1".getBytes(StandardCharsets.US_ASCII);

    /** Keys in memory instead of the database; a tenant's keys can be rotated (a new active key). */
    static final class MemoryStore extends DataKeyStore {
        final Map<TenantId, List<DataKey>> keys = new HashMap<>();

        @Override
        public List<DataKey> loadOrCreate(TenantId tenant) {
            return keys.computeIfAbsent(tenant, t -> new ArrayList<>(List.of(newKey())));
        }

        void newActiveKey(TenantId tenant) {
            List<DataKey> old = loadOrCreate(tenant);
            List<DataKey> next = new ArrayList<>();
            old.forEach(k -> next.add(new DataKey(k.id(), k.key(), false)));
            next.add(newKey());
            keys.put(tenant, next);
        }

        private static DataKey newKey() {
            byte[] k = new byte[32];
            new SecureRandom().nextBytes(k);
            return new DataKey(UUID.randomUUID().toString(), k, true);
        }
    }

    private MemoryStore store;
    private DefaultTenantCrypto crypto;

    @BeforeEach
    void setUp() {
        store = new MemoryStore();
        crypto = new DefaultTenantCrypto();
        crypto.store = store;
    }

    @Test
    void sealedValuesOpenOnlyForTheirTenantAndAssociatedData() {
        byte[] sealed = crypto.seal(A, "rzp_secret".getBytes(StandardCharsets.UTF_8), AAD);
        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("rzp_secret"));
        assertEquals("rzp_secret", new String(crypto.open(A, sealed, AAD), StandardCharsets.UTF_8));
        assertIntegrity(() -> crypto.open(B, sealed, AAD));
        assertIntegrity(() -> crypto.open(A, sealed, "another-row".getBytes(StandardCharsets.US_ASCII)));
        for (int i = 0; i < sealed.length; i++) {
            byte[] flipped = sealed.clone();
            flipped[i] ^= 0x40;
            assertIntegrity(() -> crypto.open(A, flipped, AAD));
        }
        assertEquals("x", crypto.openText(A, crypto.sealToText(A, "x", "row"), "row"));
        assertIntegrity(() -> crypto.openText(A, "not base64 !", "row"));
    }

    @Test
    void valuesSealedBeforeADataKeyRotationStillOpen() {
        byte[] before = crypto.seal(A, new byte[]{1, 2, 3}, AAD);
        store.newActiveKey(A);
        crypto.forget(A);
        byte[] after = crypto.seal(A, new byte[]{4}, AAD);
        assertArrayEquals(new byte[]{1, 2, 3}, crypto.open(A, before, AAD));
        assertArrayEquals(new byte[]{4}, crypto.open(A, after, AAD));
    }

    @Test
    void blobsRoundTripAcrossManySegments() throws IOException {
        byte[] plain = new byte[3 * 256 * 1024 + 12345];
        new SecureRandom().nextBytes(plain);
        byte[] stored = encrypt(A, plain);
        assertEquals(plain.length, decrypt(A, stored, AAD).length);
        assertArrayEquals(plain, decrypt(A, stored, AAD));
    }

    @Test
    void aFlippedByteATruncationOrAnotherTenantFailsTheRead() throws IOException {
        byte[] plain = new byte[600_000];
        new SecureRandom().nextBytes(plain);
        byte[] stored = encrypt(A, plain);
        for (int at : new int[]{60, 1000, 300_000, stored.length - 1}) {
            byte[] flipped = stored.clone();
            flipped[at] ^= 1;
            assertThrows(IOException.class, () -> decrypt(A, flipped, AAD), "flip at " + at);
        }
        byte[] truncated = java.util.Arrays.copyOf(stored, 256 * 1024 + 100);
        assertThrows(IOException.class, () -> decrypt(A, truncated, AAD));
        assertThrows(IOException.class, () -> decrypt(B, stored, AAD));
        assertThrows(IOException.class, () -> decrypt(A, stored, "other".getBytes(StandardCharsets.US_ASCII)));
    }

    private byte[] encrypt(TenantId t, byte[] plain) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = crypto.encrypting(t, sink, AAD)) {
            out.write(plain);
        }
        return sink.toByteArray();
    }

    private byte[] decrypt(TenantId t, byte[] stored, byte[] aad) throws IOException {
        try (InputStream in = crypto.decrypting(t, new ByteArrayInputStream(stored), aad)) {
            return in.readAllBytes();
        }
    }

    private static void assertIntegrity(org.junit.jupiter.api.function.Executable e) {
        SevaException ex = assertThrows(SevaException.class, e);
        assertEquals(ErrorCode.DATA_INTEGRITY_FAILED, ex.code());
    }
}
