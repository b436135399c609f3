package dev.seva.tenant;

import dev.seva.sdk.TenantId;
import java.util.List;
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

    /**
     * @return the ids of every ACTIVE tenant, for scheduled work that visits each tenant in turn (through
     *         {@link TenantScopes}); suspended tenants are left out
     */
    List<TenantId> activeIds();

    /**
     * @return the ids of every tenant, suspended ones too, for one-off work that must reach all of them (a job of a
     *         suspended tenant waits until it is reactivated)
     */
    List<TenantId> allIds();

    /**
     * @param slug a tenant's slug
     * @return that tenant, if it exists (suspended or not)
     */
    Optional<TenantInfo> findBySlug(String slug);

    /**
     * @return the firm's staff contact e-mail of the current tenant (its branding's support e-mail), if it has one:
     *         where notifications about a client's affairs are copied to
     */
    Optional<String> contactEmail();
}
