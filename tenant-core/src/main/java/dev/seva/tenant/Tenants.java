package dev.seva.tenant;

import dev.seva.sdk.TenantId;
import java.util.Optional;

/** Read access to tenants for modules: the request's (or tenant scope's) tenant, or one named by id. */
public interface Tenants {

    /**
     * @return the current tenant
     * @throws dev.seva.sdk.SevaException {@code TENANT_REQUIRED} when the request names no tenant
     */
    TenantInfo current();

    /**
     * @param id a tenant id
     * @return that tenant, if it exists
     */
    Optional<TenantInfo> find(TenantId id);
}
