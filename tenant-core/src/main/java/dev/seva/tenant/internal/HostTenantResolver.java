package dev.seva.tenant.internal;

import dev.seva.sdk.spi.TenantResolver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Names the tenant by the {@code Host} header: {@code acme.<base domain>} is the tenant {@code acme}; any other host
 * that is neither the base domain nor an IP address is looked up as a custom domain.
 */
@ApplicationScoped
public class HostTenantResolver implements TenantResolver {

    @Inject
    @ConfigProperty(name = "seva.tenant.base-domain", defaultValue = "localhost")
    String baseDomain;

    @Override
    public Optional<TenantReference> resolve(HttpServletRequest request) {
        String host = hostOf(request.getHeader("Host"));
        if (host == null || host.equals(baseDomain) || host.equals("127.0.0.1") || host.startsWith("[")
                || host.matches("[0-9.]+")) {
            return Optional.empty();
        }
        String suffix = "." + baseDomain;
        if (host.endsWith(suffix)) {
            String sub = host.substring(0, host.length() - suffix.length());
            return sub.isEmpty() || sub.contains(".") ? Optional.empty() : Optional.of(TenantReference.slug(sub));
        }
        return Optional.of(TenantReference.domain(host));
    }

    @Override
    public int priority() {
        return 100;
    }

    /** @return the lower-case host name without port, or null */
    static String hostOf(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String h = header.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            return h; // IPv6 literal
        }
        int colon = h.indexOf(':');
        h = colon >= 0 ? h.substring(0, colon) : h;
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }
}
