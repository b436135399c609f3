package dev.seva.tenant.internal;

import com.google.crypto.tink.subtle.AesGcmHkdfStreaming;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.subtle.Hkdf;
import dev.seva.sdk.ErrorCode;
import dev.seva.sdk.SevaException;
import dev.seva.sdk.TenantId;
import dev.seva.tenant.TenantCrypto;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@link TenantCrypto} with Tink's AES-GCM primitives under per-tenant data keys from {@link DataKeyStore}, cached
 * per tenant for {@link #CACHE_TTL} (so a crypto-shredded key stops working on every node within that time).
 */
@ApplicationScoped
public class DefaultTenantCrypto implements TenantCrypto {

    /** How long unwrapped keys stay in memory before they are read again. */
    static final Duration CACHE_TTL = Duration.ofMinutes(5);
    private static final byte SEAL_VERSION = 1;
    private static final byte[] BLOB_MAGIC = "SVB1".getBytes(StandardCharsets.US_ASCII);
    private static final int KEY_ID_LENGTH = 36;
    private static final int SEGMENT_SIZE = 256 * 1024;

    /** One data key, with the two keys derived from it. */
    record Keys(String id, AesGcmJce seal, AesGcmHkdfStreaming stream, boolean active) {
        static Keys of(DataKeyStore.DataKey k) {
            try {
                byte[] seal = Hkdf.computeHkdf("HMACSHA256", k.key(), new byte[0],
                        "seva seal v1".getBytes(StandardCharsets.US_ASCII), 32);
                byte[] stream = Hkdf.computeHkdf("HMACSHA256", k.key(), new byte[0],
                        "seva stream v1".getBytes(StandardCharsets.US_ASCII), 32);
                return new Keys(k.id(), new AesGcmJce(seal),
                        new AesGcmHkdfStreaming(stream, "HmacSha256", 32, SEGMENT_SIZE, 0), k.active());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Cannot derive keys", e);
            }
        }
    }

    private record Entry(Map<String, Keys> byId, Keys active, long loadedAt) {
    }

    private final Map<TenantId, Entry> cache = new ConcurrentHashMap<>();

    @Inject
    DataKeyStore store;

    @Override
    public byte[] seal(TenantId tenant, byte[] plaintext, byte[] associatedData) {
        Keys k = entry(tenant).active();
        try {
            byte[] ct = k.seal().encrypt(plaintext, sealAad(tenant, associatedData));
            byte[] id = k.id().getBytes(StandardCharsets.US_ASCII);
            return ByteBuffer.allocate(1 + KEY_ID_LENGTH + ct.length).put(SEAL_VERSION).put(id).put(ct).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt", e);
        }
    }

    @Override
    public byte[] open(TenantId tenant, byte[] sealed, byte[] associatedData) {
        if (sealed == null || sealed.length < 1 + KEY_ID_LENGTH || sealed[0] != SEAL_VERSION) {
            throw integrity();
        }
        String id = new String(sealed, 1, KEY_ID_LENGTH, StandardCharsets.US_ASCII);
        Keys k = key(tenant, id);
        try {
            return k.seal().decrypt(Arrays.copyOfRange(sealed, 1 + KEY_ID_LENGTH, sealed.length),
                    sealAad(tenant, associatedData));
        } catch (GeneralSecurityException e) {
            throw integrity();
        }
    }

    @Override
    public String sealToText(TenantId tenant, String plaintext, String associatedData) {
        return Base64.getEncoder().encodeToString(seal(tenant, plaintext.getBytes(StandardCharsets.UTF_8),
                associatedData.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String openText(TenantId tenant, String sealed, String associatedData) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(sealed);
        } catch (IllegalArgumentException e) {
            throw integrity();
        }
        return new String(open(tenant, raw, associatedData.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    @Override
    public OutputStream encrypting(TenantId tenant, OutputStream sink, byte[] associatedData) throws IOException {
        Keys k = entry(tenant).active();
        sink.write(BLOB_MAGIC);
        sink.write(k.id().getBytes(StandardCharsets.US_ASCII));
        try {
            return k.stream().newEncryptingStream(sink, blobAad(tenant, associatedData));
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot start encrypting", e);
        }
    }

    @Override
    public InputStream decrypting(TenantId tenant, InputStream source, byte[] associatedData) throws IOException {
        byte[] header = source.readNBytes(BLOB_MAGIC.length + KEY_ID_LENGTH);
        if (header.length != BLOB_MAGIC.length + KEY_ID_LENGTH
                || !Arrays.equals(header, 0, BLOB_MAGIC.length, BLOB_MAGIC, 0, BLOB_MAGIC.length)) {
            throw new IOException("Not a Seva encrypted blob");
        }
        String id = new String(header, BLOB_MAGIC.length, KEY_ID_LENGTH, StandardCharsets.US_ASCII);
        Keys k;
        try {
            k = key(tenant, id);
        } catch (SevaException e) {
            throw new IOException("The blob's data key does not exist for this tenant");
        }
        try {
            return k.stream().newDecryptingStream(source, blobAad(tenant, associatedData));
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot start decrypting", e);
        }
    }

    /** Forgets the cached keys of a tenant (after its keys changed on this node). */
    void forget(TenantId tenant) {
        cache.remove(tenant);
    }

    private Keys key(TenantId tenant, String id) {
        Keys k = entry(tenant).byId().get(id);
        if (k == null) {
            // a key made on another node since we cached: read once more
            cache.remove(tenant);
            k = entry(tenant).byId().get(id);
        }
        if (k == null) {
            throw integrity();
        }
        return k;
    }

    private Entry entry(TenantId tenant) {
        Entry e = cache.get(tenant);
        long now = System.nanoTime();
        if (e == null || now - e.loadedAt() > CACHE_TTL.toNanos()) {
            List<DataKeyStore.DataKey> keys;
            try {
                keys = store.loadOrCreate(tenant);
            } catch (PersistenceException lost) {
                // another request (or node) created the tenant's first key at the same moment and the unique index
                // refused ours; its transaction has committed by now, so reading again finds its key
                keys = store.loadOrCreate(tenant);
            }
            Map<String, Keys> byId = keys.stream().map(Keys::of)
                    .collect(Collectors.toUnmodifiableMap(Keys::id, Function.identity()));
            Keys active = byId.values().stream().filter(Keys::active).findFirst()
                    .orElseThrow(() -> new IllegalStateException("Tenant " + tenant.value() + " has no active key"));
            e = new Entry(byId, active, now);
            cache.put(tenant, e);
        }
        return e;
    }

    private static byte[] sealAad(TenantId tenant, byte[] associatedData) {
        return aad("seva-seal:v1:", tenant, associatedData);
    }

    private static byte[] blobAad(TenantId tenant, byte[] associatedData) {
        return aad("seva-blob:v1:", tenant, associatedData);
    }

    private static byte[] aad(String label, TenantId tenant, byte[] associatedData) {
        byte[] prefix = (label + tenant.value().length() + ":" + tenant.value() + ":")
                .getBytes(StandardCharsets.UTF_8);
        byte[] extra = associatedData == null ? new byte[0] : associatedData;
        return ByteBuffer.allocate(prefix.length + extra.length).put(prefix).put(extra).array();
    }

    private static SevaException integrity() {
        return new SevaException(ErrorCode.DATA_INTEGRITY_FAILED,
                "The stored value failed its integrity check; it was not returned.");
    }
}
