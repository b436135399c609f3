package dev.seva.tenant.internal;

import dev.seva.sdk.spi.TenantResolver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Optional;

/** Names the tenant by the {@code X-Seva-Tenant: <slug>} header, for API clients that call a shared host. */
@ApplicationScoped
public class HeaderTenantResolver implements TenantResolver {

    /** The header's name. */
    public static final String HEADER = "X-Seva-Tenant";

    @Override
    public Optional<TenantReference> resolve(HttpServletRequest request) {
        String v = request.getHeader(HEADER);
        return v == null || v.isBlank()
                ? Optional.empty()
                : Optional.of(TenantReference.slug(v.strip().toLowerCase(Locale.ROOT)));
    }

    @Override
    public int priority() {
        return 200;
    }
}
