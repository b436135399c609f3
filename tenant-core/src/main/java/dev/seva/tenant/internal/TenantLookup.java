package dev.seva.tenant.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.seva.sdk.spi.TenantResolver.TenantReference;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Finds a tenant by slug or custom domain, with a short cache (a status change made on this node is seen at once,
 * one made on another node within {@code seva.tenant.cache-seconds}). The cache is keyed by what callers send (any
 * Host or {@code X-Seva-Tenant}), so it is bounded: at most 10,000 answers, the least used evicted first, so that a
 * stream of made-up names cannot push the real tenants out.
 */
@ApplicationScoped
public class TenantLookup {

    static final long MAX_ENTRIES = 10_000;

    @Inject
    PlatformTenantService tenants;

    @Inject
    @ConfigProperty(name = "seva.tenant.cache-seconds", defaultValue = "10")
    int cacheSeconds;

    private Cache<TenantReference, Optional<TenantSummary>> cache;

    @PostConstruct
    void init() {
        cache = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).expireAfterWrite(Duration.ofSeconds(Math.max(0,
                cacheSeconds))).executor(Runnable::run).build();
    }

    /** @return the tenant the reference names, or empty when there is none */
    public Optional<TenantSummary> find(TenantReference ref) {
        Optional<TenantSummary> cached = cache.getIfPresent(ref);
        if (cached != null) {
            return cached;
        }
        Optional<TenantSummary> found = tenants.find(ref);
        cache.put(ref, found);
        return found;
    }

    /** Forgets every cached answer, after a tenant changed on this node. */
    public void invalidate() {
        cache.invalidateAll();
    }
}
