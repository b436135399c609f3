package dev.seva.tenant;

import dev.seva.sdk.TenantId;

/**
 * What a module may know of a tenant.
 *
 * @param id the tenant's id
 * @param slug its slug ({@code acme}), also its subdomain
 * @param name the firm's name
 * @param plan its plan
 */
public record TenantInfo(TenantId id, String slug, String name, Plan plan) {
}
