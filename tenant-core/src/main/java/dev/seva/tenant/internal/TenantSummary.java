package dev.seva.tenant.internal;

import dev.seva.sdk.TenantId;

/** What the edge needs to know of a tenant, cached briefly by {@link TenantLookup}. */
public record TenantSummary(TenantId id, String slug, String name, String status, String plan) {

    boolean suspended() {
        return "SUSPENDED".equals(status);
    }

    static TenantSummary of(TenantRecord t) {
        return new TenantSummary(new TenantId(t.getId()), t.getSlug(), t.getName(), t.getStatus(), t.getPlan());
    }
}
