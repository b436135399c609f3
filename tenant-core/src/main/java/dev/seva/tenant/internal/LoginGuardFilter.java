package dev.seva.tenant.internal;

import dev.seva.sdk.TenantId;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * In front of every step of a browser sign-in ({@code /callback}, {@code /login/oidc}, {@code /login/complete},
 * {@code /login/totp}):
 * <ul>
 * <li>binds the sign-in's HTTP session to the tenant and host it started on ({@link SignInOrigin}); a session
 * brought to another tenant's or host's sign-in path is invalidated, the attempt audited on the host it was brought
 * to, and the browser sent to the sign-in page with an error — whatever the session held (a Pac4j profile an
 * identity provider vouched for, OIDC state, a pending second factor) signs no one in there;</li>
 * <li>for OIDC: a tenant without OIDC, a provider that cannot be reached, a refused or forged answer (state, nonce,
 * signature, issuer, audience) all end on the sign-in page with {@code ?error=OIDC_FAILED} instead of an error
 * page. The log gets the failure's type and message, never a code or token.</li>
 * </ul>
 */
class LoginGuardFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(LoginGuardFilter.class.getName());

    private final transient OidcClients oidc;
    private final transient RequestTenantContext context;
    private final transient SignInAudit audit;

    LoginGuardFilter(OidcClients oidc, RequestTenantContext context, SignInAudit audit) {
        this.oidc = oidc;
        this.context = context;
        this.audit = audit;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        boolean isOidc = SignInServlet.OIDC.equals(path(req))
                || OidcClients.NAME.equalsIgnoreCase(req.getParameter("client_name"));
        Optional<TenantId> tenant = context.current();
        SignInOrigin here = SignInOrigin.of(req, tenant);
        HttpSession session = req.getSession(false);
        if (session != null) {
            Object started = session.getAttribute(SignInOrigin.ATTRIBUTE);
            if (!(started instanceof SignInOrigin o) || !o.admits(here)) {
                // a session made elsewhere (another tenant's host, or not by a sign-in step at all)
                BrowserSession.end(req, res);
                audit.foreignSession(tenant, here.host(), path(req));
                BrowserSession.seeOther(res, BrowserSession.loginError(isOidc
                        ? "OIDC_FAILED"
                        : SignInServlet.TOTP.equals(path(req)) ? "SIGN_IN_EXPIRED" : "INVALID_CREDENTIALS"));
                return;
            }
        }
        try {
            if (isOidc && oidc.current().isEmpty()) {
                BrowserSession.seeOther(res, BrowserSession.loginError("OIDC_FAILED"));
                return;
            }
            chain.doFilter(req, res);
        } catch (RuntimeException | ServletException e) {
            if (!isOidc) {
                throw e;
            }
            LOG.log(Level.WARNING, "OIDC sign-in failed: " + OidcClients.describe(e));
            if (!res.isCommitted()) {
                res.reset();
                BrowserSession.seeOther(res, BrowserSession.loginError("OIDC_FAILED"));
            }
        } finally {
            HttpSession now = req.getSession(false);
            if (now != null) {
                try {
                    if (now.getAttribute(SignInOrigin.ATTRIBUTE) == null) {
                        now.setAttribute(SignInOrigin.ATTRIBUTE, here);
                    }
                } catch (IllegalStateException invalidated) {
                    // the sign-in ended in this request
                }
            }
        }
    }

    private static String path(HttpServletRequest req) {
        return req.getRequestURI().substring(req.getContextPath().length());
    }
}
