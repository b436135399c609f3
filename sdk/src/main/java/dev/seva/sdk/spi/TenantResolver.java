package dev.seva.sdk.spi;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Finds which tenant an incoming HTTP request is for. Seva runs every {@code TenantResolver} bean in ascending
 * {@link #priority()} order, once per request at the edge, and takes the first non-empty answer; the answer is then
 * looked up (unknown: 404 {@code TENANT_NOT_FOUND}, suspended: 403 {@code TENANT_SUSPENDED}).
 *
 * <p>
 * Built in: the {@code Host} header (a subdomain of the configured base domain, or a registered custom domain) at
 * priority 100, then the {@code X-Seva-Tenant} header at 200. A partner adds one (for example from a path prefix) as
 * an {@code @ApplicationScoped} bean.
 *
 * <p>
 * Threading: called concurrently from request threads; implementations must be thread-safe and fast (no remote
 * calls). Errors: return empty for "not mine"; throw {@link dev.seva.sdk.SevaException} only for a request that
 * names a tenant in a malformed way.
 */
public interface TenantResolver {

    /**
     * @param request the incoming request (read headers only; do not consume the body)
     * @return the tenant the request names, or empty to let the next resolver try
     */
    Optional<TenantReference> resolve(HttpServletRequest request);

    /** @return the position in the chain, lowest first */
    default int priority() {
        return 1000;
    }

    /**
     * What a request names a tenant by.
     *
     * @param kind whether {@code value} is a slug or a custom domain
     * @param value the slug ({@code acme}) or the host name ({@code portal.acme.in})
     */
    record TenantReference(Kind kind, String value) {

        /** @return a reference by slug */
        public static TenantReference slug(String slug) {
            return new TenantReference(Kind.SLUG, slug);
        }

        /** @return a reference by custom domain */
        public static TenantReference domain(String host) {
            return new TenantReference(Kind.DOMAIN, host);
        }

        /** How the tenant is named. */
        public enum Kind {
            /** the tenant's slug */
            SLUG,
            /** one of the tenant's registered custom domains */
            DOMAIN
        }
    }
}
