package dev.seva.tenant.internal;

import dev.seva.sdk.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Access tokens that were signed out before they expired (logout), refused from then on although their signature
 * and lifetime are still good. Stored per tenant in {@code revoked_token} (platform admins' under
 * {@link TenantId#PLATFORM}) until shortly after they expire.
 *
 * <p>
 * Checking costs no database round trip per request: each node keeps, per tenant, the set of its revoked and
 * unexpired token ids, reloaded when older than {@code seva.auth.revocation-refresh-seconds} (default 5). A logout
 * is refused at once on the node that served it and within that many seconds on every other node.
 */
@ApplicationScoped
public class RevokedTokens {

    /** Kept this long past a token's expiry (more than mpJwt's clock skew). */
    static final long GRACE_SECONDS = 120;

    @Inject
    Store store;

    @Inject
    @ConfigProperty(name = "seva.auth.revocation-refresh-seconds", defaultValue = "5")
    long refreshSeconds;

    private record Snapshot(Set<String> ids, long loadedAt) {
    }

    private final Map<TenantId, Snapshot> snapshots = new ConcurrentHashMap<>();

    /** Revokes a token until it expires. */
    public void revoke(TenantId tenant, String jti, Instant expiresAt) {
        store.add(tenant, jti, expiresAt.plusSeconds(GRACE_SECONDS));
        snapshots.computeIfPresent(tenant, (t, s) -> {
            Set<String> ids = new HashSet<>(s.ids());
            ids.add(jti);
            return new Snapshot(Set.copyOf(ids), s.loadedAt());
        });
    }

    /** @return whether this tenant's token with this id was signed out */
    public boolean isRevoked(TenantId tenant, String jti) {
        long now = System.nanoTime();
        Snapshot s = snapshots.get(tenant);
        if (s == null || now - s.loadedAt() > TimeUnit.SECONDS.toNanos(refreshSeconds)) {
            s = new Snapshot(Set.copyOf(store.load(tenant)), now);
            snapshots.put(tenant, s);
        }
        return s.ids().contains(jti);
    }

    /** The table, one transaction per call. */
    @ApplicationScoped
    @Transactional
    public static class Store {

        @Inject
        TenantEntityManagers ems;

        void add(TenantId tenant, String jti, Instant keepUntil) {
            var em = ems.forTenant(tenant);
            OffsetDateTime now = Timestamps.now();
            em.createQuery("DELETE FROM RevokedToken r WHERE r.expiresAt < :now").setParameter("now", now)
                    .executeUpdate();
            if (em.find(RevokedTokenRecord.class, jti) == null) {
                em.persist(new RevokedTokenRecord(jti, OffsetDateTime.ofInstant(keepUntil, ZoneOffset.UTC)));
            }
        }

        List<String> load(TenantId tenant) {
            return ems.forTenant(tenant)
                    .createQuery("SELECT r.jti FROM RevokedToken r WHERE r.expiresAt > :now", String.class)
                    .setParameter("now", Timestamps.now()).getResultList();
        }
    }
}
