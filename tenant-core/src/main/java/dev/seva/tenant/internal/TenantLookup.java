package dev.seva.tenant.internal;

import dev.seva.sdk.spi.TenantResolver.TenantReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Finds a tenant by slug or custom domain, with a short cache (a status change made on this node is seen at once,
 * one made on another node within {@code seva.tenant.cache-seconds}).
 */
@ApplicationScoped
public class TenantLookup {

    private record Cached(Optional<TenantSummary> tenant, long expiresAt) {
    }

    @Inject
    PlatformTenantService tenants;

    @Inject
    @ConfigProperty(name = "seva.tenant.cache-seconds", defaultValue = "10")
    int cacheSeconds;

    private final Map<TenantReference, Cached> cache = new ConcurrentHashMap<>();

    /** @return the tenant the reference names, or empty when there is none */
    public Optional<TenantSummary> find(TenantReference ref) {
        long now = System.nanoTime();
        Cached c = cache.get(ref);
        if (c != null && c.expiresAt - now > 0) {
            return c.tenant;
        }
        Optional<TenantSummary> found = tenants.find(ref);
        if (cache.size() > 10_000) {
            cache.clear();
        }
        cache.put(ref, new Cached(found, now + cacheSeconds * 1_000_000_000L));
        return found;
    }

    /** Forgets every cached answer, after a tenant changed on this node. */
    public void invalidate() {
        cache.clear();
    }
}
