package dev.seva.tenant.internal;

import dev.seva.sdk.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Per-user "valid after" instants: when a user is disabled or deleted, loses a role or gets a new password, every
 * token issued to them until then is refused (401, as header and as cookie), while tokens issued afterwards work.
 * Stored per tenant in {@code token_valid_after} (platform admins' under {@link TenantId#PLATFORM}).
 *
 * <p>
 * Checked like {@link RevokedTokens}, with no database round trip per request: each node keeps, per tenant, the
 * instants of the last token lifetime, reloaded when older than {@code seva.auth.revocation-refresh-seconds}
 * (default 5). A change applies at once on the node that made it (kept apart, so that a reload racing its commit
 * cannot lose it) and within those seconds on every other node.
 *
 * <p>
 * Tokens carry {@code iat} in whole seconds, so an instant is kept as the whole second after the change: every token
 * issued up to the change is older. A token issued to the same user within that second gets the instant itself as
 * its {@code iat} ({@link #issuedAt}, read from the database), so a sign-in right after the change works on every
 * node.
 */
@ApplicationScoped
public class TokenValidity {

    /** Kept this long past a token's lifetime (more than mpJwt's 5-minute clock skew). */
    static final long GRACE_SECONDS = 600;

    @Inject
    Store store;

    @Inject
    @ConfigProperty(name = "seva.auth.revocation-refresh-seconds", defaultValue = "5")
    long refreshSeconds;

    @Inject
    @ConfigProperty(name = "seva.auth.token-seconds", defaultValue = "900")
    long tokenSeconds;

    private record Snapshot(Map<String, Long> validAfter, long loadedAt) {
    }

    private final Map<TenantId, Snapshot> snapshots = new ConcurrentHashMap<>();
    /** Changes made on this node: tenant → subject → valid-after, epoch seconds. */
    private final Map<TenantId, Map<String, Long>> local = new ConcurrentHashMap<>();

    /**
     * Ends every token issued to this user until now, in the caller's transaction.
     *
     * @param subject the user's id (the tokens' {@code sub})
     */
    public void endTokensOf(TenantId tenant, String subject) {
        long after = Instant.now().getEpochSecond() + 1;
        store.raise(tenant, subject, after, after - keepSeconds());
        long stale = Instant.now().getEpochSecond() - keepSeconds();
        Map<String, Long> mine = local.computeIfAbsent(tenant, t -> new ConcurrentHashMap<>());
        mine.values().removeIf(v -> v < stale);
        mine.merge(subject, after, Math::max);
    }

    /**
     * @param issuedAt the token's {@code iat}, epoch seconds
     * @return whether the token was issued before its user's last change
     */
    public boolean ended(TenantId tenant, String subject, long issuedAt) {
        if (subject == null) {
            return false;
        }
        long now = System.nanoTime();
        Snapshot s = snapshots.get(tenant);
        if (s == null || now - s.loadedAt() > TimeUnit.SECONDS.toNanos(refreshSeconds)) {
            s = new Snapshot(store.load(tenant, Instant.now().getEpochSecond() - keepSeconds()), now);
            snapshots.put(tenant, s);
        }
        long after = Math.max(s.validAfter().getOrDefault(subject, Long.MIN_VALUE),
                local.getOrDefault(tenant, Map.of()).getOrDefault(subject, Long.MIN_VALUE));
        return issuedAt < after;
    }

    /** @return the {@code iat} of a token issued now to this user: now, or their valid-after instant if later */
    long issuedAt(TenantId tenant, String subject, long nowSeconds) {
        return Math.max(nowSeconds, store.validAfter(tenant, subject));
    }

    private long keepSeconds() {
        return tokenSeconds + GRACE_SECONDS;
    }

    /** The table; each call joins the caller's transaction or runs in one of its own. */
    @ApplicationScoped
    @Transactional
    public static class Store {

        @Inject
        TenantEntityManagers ems;

        void raise(TenantId tenant, String subject, long afterSeconds, long staleBefore) {
            var em = ems.forTenant(tenant);
            em.createQuery("DELETE FROM TokenValidAfter v WHERE v.validAfter < :stale")
                    .setParameter("stale", at(staleBefore)).executeUpdate();
            // an upsert, so that two changes of one user at once cannot fail each other; RLS checks tenant_id
            em.createNativeQuery("INSERT INTO token_valid_after (tenant_id, subject, valid_after) VALUES (?1, ?2, ?3)"
                    + " ON CONFLICT (tenant_id, subject) DO UPDATE SET valid_after"
                    + " = GREATEST(token_valid_after.valid_after, EXCLUDED.valid_after)")
                    .setParameter(1, tenant.value()).setParameter(2, subject).setParameter(3, at(afterSeconds))
                    .executeUpdate();
        }

        Map<String, Long> load(TenantId tenant, long since) {
            return ems.forTenant(tenant)
                    .createQuery("SELECT v FROM TokenValidAfter v WHERE v.validAfter >= :since",
                            TokenValidAfterRecord.class)
                    .setParameter("since", at(since)).getResultList().stream()
                    .collect(Collectors.toUnmodifiableMap(TokenValidAfterRecord::getSubject,
                            v -> v.getValidAfter().toEpochSecond()));
        }

        long validAfter(TenantId tenant, String subject) {
            return ems.forTenant(tenant)
                    .createQuery("SELECT v FROM TokenValidAfter v WHERE v.subject = :s", TokenValidAfterRecord.class)
                    .setParameter("s", subject).getResultList().stream()
                    .mapToLong(v -> v.getValidAfter().toEpochSecond()).max().orElse(Long.MIN_VALUE);
        }

        private static OffsetDateTime at(long epochSeconds) {
            return OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochSeconds), ZoneOffset.UTC);
        }
    }
}
