package dev.seva.tenant.internal;

import dev.seva.tenant.SchemaModule;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * tenant-core's browser sign-in tables ({@code db/migration/tenant-core-auth}): revoked tokens, the tenant's sign-in
 * policy and OIDC provider, linked identities. Versioned apart from the core tables, after them.
 */
@ApplicationScoped
public class TenantCoreAuthSchema implements SchemaModule {

    @Override
    public String name() {
        return "tenant-core-auth";
    }

    @Override
    public int order() {
        return 1;
    }
}
