package dev.seva.tenant.internal;

import dev.seva.sdk.ErrorCode;
import dev.seva.sdk.spi.TenantResolver;
import dev.seva.sdk.spi.TenantResolver.TenantReference;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The edge: gives the request an id, resolves its tenant once through the {@link TenantResolver} chain and puts it
 * in the request's {@link RequestTenantContext} (and the log context), and counts the request per tenant: against
 * the tenant's budget when signed in to it, otherwise against its client address's ({@link RequestBudgets}; 429 over
 * it). Unknown tenant: 404; suspended: 403. Paths of
 * the server itself (health, metrics, OpenAPI) are not tenant-resolved.
 */
@WebFilter(filterName = "SevaTenantFilter", urlPatterns = "/*", asyncSupported = true)
public class TenantFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    /** The request id header, read from the client when sane and always answered. */
    public static final String REQUEST_ID = "X-Request-Id";
    /** The response header naming the resolved tenant's slug. */
    public static final String TENANT_HEADER = "X-Seva-Tenant";

    @Inject
    transient Instance<TenantResolver> resolvers;

    @Inject
    transient TenantLookup lookup;

    @Inject
    transient RequestTenantContext context;

    @Inject
    transient MetricRegistry metrics;

    @Inject
    transient RequestBudgets budgets;

    private transient List<TenantResolver> chain;

    @Override
    public void init() {
        chain = resolvers.stream().sorted(Comparator.comparingInt(TenantResolver::priority)).toList();
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain next)
            throws IOException, ServletException {
        String requestId = requestId(req.getHeader(REQUEST_ID));
        res.setHeader(REQUEST_ID, requestId);
        req.setAttribute(REQUEST_ID, requestId);
        String path = req.getRequestURI().substring(req.getContextPath().length());
        TenantSummary tenant = null;
        if (!isServerPath(path)) {
            Optional<TenantReference> ref = Optional.empty();
            try {
                for (TenantResolver r : chain) {
                    ref = r.resolve(req);
                    if (ref.isPresent()) {
                        break;
                    }
                }
            } catch (dev.seva.sdk.SevaException e) {
                Problems.write(res, e.code(), e.getMessage(), requestId, e.fieldErrors());
                return;
            }
            if (ref.isPresent()) {
                Optional<TenantSummary> found = lookup.find(ref.get());
                if (found.isEmpty()) {
                    Problems.write(res, ErrorCode.TENANT_NOT_FOUND, "No tenant is known by "
                            + (ref.get().kind() == TenantReference.Kind.SLUG ? "the name " : "the domain ")
                            + Problems.quote(ref.get().value()) + ".", requestId, List.of());
                    return;
                }
                tenant = found.get();
                if (tenant.suspended()) {
                    Problems.write(res, ErrorCode.TENANT_SUSPENDED,
                            "This firm's portal is suspended. Please contact its administrator.", requestId,
                            List.of());
                    return;
                }
                try {
                    budgets.charge(req, path, tenant);
                } catch (Throttles.Limited e) {
                    res.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
                    Problems.write(res, e.code(), e.getMessage(), requestId, List.of());
                    return;
                }
            }
        }
        context.set(tenant, requestId, req.getRemoteAddr());
        if (tenant != null) {
            // the caller named this tenant; echoing its slug lets the access log carry it
            res.setHeader(TENANT_HEADER, tenant.slug());
            // seva_requests_total{tenant="acme"} at /metrics: one counter per tenant (slugs are few and bounded)
            metrics.counter("seva.requests", new Tag("tenant", tenant.slug())).inc();
        }
        LogContext.enter(requestId, tenant == null ? null : tenant.slug());
        try {
            next.doFilter(req, new ProblemResponse(res, requestId));
        } finally {
            LogContext.exit();
        }
    }

    static boolean isServerPath(String path) {
        return path.equals("/health") || path.startsWith("/health/") || path.startsWith("/metrics")
                || path.startsWith("/openapi") || path.startsWith("/ibm/");
    }

    static String requestId(String fromClient) {
        if (fromClient != null && fromClient.matches("[A-Za-z0-9._-]{8,64}")) {
            return fromClient;
        }
        return UUID.randomUUID().toString();
    }

    /**
     * Turns {@code sendError} calls made below this filter (the server's own 401 challenge for a missing or invalid
     * token, 403, 404, 405) into problem+json instead of the server's empty or HTML answer.
     */
    static final class ProblemResponse extends jakarta.servlet.http.HttpServletResponseWrapper {

        private final String requestId;

        ProblemResponse(HttpServletResponse response, String requestId) {
            super(response);
            this.requestId = requestId;
        }

        @Override
        public void sendError(int sc) throws IOException {
            sendError(sc, null);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            HttpServletResponse res = (HttpServletResponse) getResponse();
            if (res.isCommitted()) {
                return;
            }
            ErrorCode code = Problems.codeForStatus(sc);
            String detail = ProblemErrorServlet.detail(code, requestId);
            String challenge = res.getHeader("WWW-Authenticate");
            Problems.write(res, code, detail, requestId, List.of());
            if (sc == 401) {
                res.setHeader("WWW-Authenticate", challenge != null && challenge.startsWith("Bearer")
                        ? challenge
                        : "Bearer realm=\"seva\"");
            }
            res.flushBuffer();
        }
    }
}
