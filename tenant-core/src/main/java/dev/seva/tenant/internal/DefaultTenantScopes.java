package dev.seva.tenant.internal;

import dev.seva.sdk.ErrorCode;
import dev.seva.sdk.SevaException;
import dev.seva.sdk.TenantId;
import dev.seva.tenant.TenantScopes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.function.Supplier;

/** {@link TenantScopes} through a request scope activated for the work, holding the explicit tenant. */
@ApplicationScoped
public class DefaultTenantScopes implements TenantScopes {

    @Inject
    RequestTenantContext context;

    @Inject
    PlatformTenantService tenants;

    @Override
    @ActivateRequestContext
    public <T> T call(TenantId tenant, Supplier<T> work) {
        if (context.requestId() != null) {
            throw new IllegalStateException("A tenant scope is opened off the request thread only; this thread is"
                    + " serving a request or a scope already");
        }
        TenantSummary t = tenants.find(tenant)
                .orElseThrow(() -> new SevaException(ErrorCode.TENANT_NOT_FOUND, "No tenant " + tenant + "."));
        if (t.suspended()) {
            throw new SevaException(ErrorCode.TENANT_SUSPENDED, "Tenant " + t.slug() + " is suspended.");
        }
        String scopeId = "scope-" + UUID.randomUUID();
        context.set(t, scopeId, null);
        LogContext.enter(scopeId, t.slug());
        try {
            return work.get();
        } finally {
            LogContext.exit();
        }
    }
}
