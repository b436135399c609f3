package dev.seva.tenant.internal;

import dev.seva.tenant.SchemaModule;
import jakarta.enterprise.context.ApplicationScoped;

/** tenant-core's migrations: {@code db/migration/tenant-core}. */
@ApplicationScoped
public class TenantCoreSchema implements SchemaModule {

    @Override
    public String name() {
        return "tenant-core";
    }

    @Override
    public int order() {
        return 0;
    }
}
