package dev.seva.tenant.internal;

import dev.seva.sdk.TenantId;
import dev.seva.sdk.spi.KeyProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads, creates and re-wraps a tenant's data keys, each time in a transaction of its own, so callers may be inside
 * another transaction or none. It uses an EntityManager of its own (with the tenant's discriminator and RLS
 * setting), not the request's, which belongs to the caller's transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class DataKeyStore {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** An unwrapped data key. */
    record DataKey(String id, byte[] key, boolean active) {
    }

    @PersistenceUnit(unitName = "seva")
    EntityManagerFactory emf;

    @Inject
    KeyProvider keyProvider;

    /** @return every data key of the tenant, unwrapped; creates the first one when there is none */
    public List<DataKey> loadOrCreate(TenantId tenant) {
        EntityManager em = open(tenant);
        try {
            List<TenantDataKeyRecord> rows = rows(em);
            if (rows.stream().noneMatch(TenantDataKeyRecord::isActive)) {
                byte[] key = new byte[32];
                RANDOM.nextBytes(key);
                String id = UUID.randomUUID().toString();
                TenantDataKeyRecord r = new TenantDataKeyRecord(id,
                        keyProvider.wrap(key, context(tenant, id)), keyProvider.currentKeyId());
                // two nodes creating the first key at once: the partial unique index refuses the second insert,
                // whose caller then fails this once and reads the winner's key next time
                em.persist(r);
                em.flush();
                rows = new ArrayList<>(rows);
                rows.add(r);
            }
            List<DataKey> keys = new ArrayList<>();
            for (TenantDataKeyRecord r : rows) {
                keys.add(new DataKey(r.getId(),
                        keyProvider.unwrap(r.getMasterKeyId(), r.getWrappedKey(), context(tenant, r.getId())),
                        r.isActive()));
            }
            return keys;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot unwrap the data keys of tenant " + tenant.value()
                    + " (is the master key folder complete?)", e);
        } finally {
            em.close();
        }
    }

    /**
     * Re-wraps every data key of the tenant that is not wrapped with the current master key; the data keys
     * themselves, and so everything encrypted with them, stay as they are.
     *
     * @return how many keys were re-wrapped
     */
    public int rewrap(TenantId tenant) {
        EntityManager em = open(tenant);
        try {
            String current = keyProvider.currentKeyId();
            int n = 0;
            for (TenantDataKeyRecord r : rows(em)) {
                if (!r.getMasterKeyId().equals(current)) {
                    byte[] ctx = context(tenant, r.getId());
                    byte[] key = keyProvider.unwrap(r.getMasterKeyId(), r.getWrappedKey(), ctx);
                    r.rewrap(keyProvider.wrap(key, ctx), keyProvider.currentKeyId());
                    n++;
                }
            }
            em.flush();
            return n;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot re-wrap the data keys of tenant " + tenant.value(), e);
        } finally {
            em.close();
        }
    }

    private EntityManager open(TenantId tenant) {
        EntityManager em = TenantEntityManagers.create(emf, tenant);
        em.joinTransaction();
        return em;
    }

    private static List<TenantDataKeyRecord> rows(EntityManager em) {
        return em.createQuery("SELECT k FROM TenantDataKey k ORDER BY k.createdAt", TenantDataKeyRecord.class)
                .getResultList();
    }

    /** What a wrap is bound to: the tenant and the key's row, so a wrapped key copied elsewhere does not unwrap. */
    static byte[] context(TenantId tenant, String keyId) {
        return ("seva-dek:v1:" + tenant.value() + ":" + keyId).getBytes(StandardCharsets.UTF_8);
    }
}
