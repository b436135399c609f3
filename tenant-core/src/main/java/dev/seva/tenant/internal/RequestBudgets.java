package dev.seva.tenant.internal;

import dev.seva.tenant.OwnRateLimit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which budget a request naming a tenant spends ({@link Throttles}): an endpoint's own limit ({@link OwnRateLimit});
 * the tenant's plan rate when it carries a token of that tenant (header or {@code seva_token} cookie: signed by
 * Seva, unexpired, {@code tenant} claim equal to the resolved tenant: a cheap local check, {@link TokenPrecheck}) or,
 * once checked by {@link dev.seva.tenant.rest.ApiKeyFilter}, an API key of it; otherwise the anonymous budget of its
 * client address, so that an anonymous script cannot make the firm's staff wait. A request with an API key is
 * deferred to the key's check (refused beforehand only when its address has used up its anonymous budget).
 */
@ApplicationScoped
public class RequestBudgets {

    private static final String API_KEY = "ApiKey ";
    private static final String BEARER = "Bearer ";
    /** Request attribute: the request names an API key, charged when the key has been checked. */
    static final String DEFERRED = RequestBudgets.class.getName() + ".deferred";

    @Inject
    Throttles throttles;

    @Inject
    TokenPrecheck precheck;

    @Inject
    Instance<OwnRateLimit> ownLimits;

    private volatile Map<String, Integer> own;

    /**
     * Charges one request to its budget.
     *
     * @param path the path below the context root
     * @throws Throttles.Limited 429 over the budget
     */
    void charge(HttpServletRequest req, String path, TenantSummary tenant) {
        String ip = req.getRemoteAddr();
        Integer perSecond = own().get(path);
        if (perSecond != null) {
            throttles.checkOwn(path, perSecond, tenant, ip);
            return;
        }
        String auth = req.getHeader("Authorization");
        if (auth != null && auth.regionMatches(true, 0, API_KEY, 0, API_KEY.length()) && path.startsWith("/api/")) {
            throttles.checkAnonymousRoom(tenant, ip);
            req.setAttribute(DEFERRED, Boolean.TRUE);
            return;
        }
        if (tokenOf(req, auth).filter(t -> signedInTo(t, tenant)).isPresent()) {
            throttles.checkRate(tenant);
        } else {
            throttles.checkAnonymous(tenant, ip);
        }
    }

    /**
     * Charges a request whose API key has been checked: to the tenant's budget when it was valid, otherwise to its
     * address's anonymous budget (counted only; the caller answers 401).
     */
    public void apiKeyChecked(HttpServletRequest req, TenantSummary tenant, boolean valid) {
        if (req.getAttribute(DEFERRED) == null || tenant == null) {
            return;
        }
        req.removeAttribute(DEFERRED);
        if (valid) {
            throttles.checkRate(tenant);
        } else {
            throttles.recordAnonymous(tenant, req.getRemoteAddr());
        }
    }

    private static Optional<String> tokenOf(HttpServletRequest req, String auth) {
        if (auth != null) {
            return auth.startsWith(BEARER) ? Optional.of(auth.substring(BEARER.length()).strip()) : Optional.empty();
        }
        return BrowserSession.cookie(req, BrowserSession.TOKEN_COOKIE);
    }

    private boolean signedInTo(String token, TenantSummary tenant) {
        return precheck.verified(token).filter(c -> c.getExpirationTime() != null && c.getExpirationTime().after(
                new Date())).map(c -> c.getClaim("tenant")).filter(tenant.id().value()::equals).isPresent();
    }

    private Map<String, Integer> own() {
        Map<String, Integer> m = own;
        if (m == null) {
            m = ownLimits.stream().collect(Collectors.toUnmodifiableMap(OwnRateLimit::path,
                    OwnRateLimit::perSecond, Math::min));
            own = m;
        }
        return m;
    }
}
