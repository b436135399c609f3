package dev.seva.tenant.internal;

import dev.seva.sdk.ErrorCode;
import dev.seva.sdk.SevaException;
import dev.seva.sdk.TenantId;
import dev.seva.sdk.spi.TenantResolver.TenantReference;
import dev.seva.tenant.Plan;
import dev.seva.tenant.TenantInfo;
import dev.seva.tenant.Tenants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/** {@link Tenants} from the request's resolved tenant and the cached lookup. */
@ApplicationScoped
public class DefaultTenants implements Tenants {

    @Inject
    RequestTenantContext context;

    @Inject
    PlatformTenantService tenants;

    @Inject
    BrandingService branding;

    @Override
    public TenantInfo current() {
        return context.tenant().map(DefaultTenants::info)
                .orElseThrow(() -> new SevaException(ErrorCode.TENANT_REQUIRED, "Name the tenant."));
    }

    @Override
    public Optional<TenantInfo> find(TenantId id) {
        return tenants.find(id).map(DefaultTenants::info);
    }

    @Override
    public List<TenantId> activeIds() {
        return tenants.activeIds();
    }

    @Override
    public List<TenantId> allIds() {
        return tenants.allIds();
    }

    @Override
    public Optional<TenantInfo> findBySlug(String slug) {
        return slug == null ? Optional.empty() : tenants.find(TenantReference.slug(slug)).map(DefaultTenants::info);
    }

    @Override
    public Optional<String> contactEmail() {
        return Optional.ofNullable(branding.get().supportEmail()).filter(e -> !e.isBlank());
    }

    private static TenantInfo info(TenantSummary t) {
        return new TenantInfo(t.id(), t.slug(), t.name(), Plan.valueOf(t.plan()));
    }
}
