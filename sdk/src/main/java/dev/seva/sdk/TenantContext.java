package dev.seva.sdk;

import java.util.Optional;

/**
 * The tenant of the work in progress. Inside an HTTP request it is the tenant resolved once at the edge (from the
 * {@code Host} or the {@code X-Seva-Tenant} header); inside a tenant scope opened explicitly (a background job, an
 * event observer) it is the {@link TenantId} that scope was opened with. Inject it; never keep it beyond the request
 * or scope.
 */
public interface TenantContext {

    /** @return the current tenant, or empty on platform-level requests (no tenant named) */
    Optional<TenantId> current();

    /**
     * @return the current tenant
     * @throws SevaException {@link ErrorCode#TENANT_REQUIRED} when no tenant is set
     */
    default TenantId require() {
        return current().orElseThrow(() -> new SevaException(ErrorCode.TENANT_REQUIRED,
                "This request needs a tenant: use the tenant's host name or the X-Seva-Tenant header."));
    }

    /** @return the current tenant's slug (its short name, for example {@code acme}), or empty with no tenant */
    Optional<String> slug();
}
