package dev.seva.tenant.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * In front of Pac4j's OIDC paths: a tenant without OIDC, a provider that cannot be reached, a refused or forged
 * answer (state, nonce, signature, issuer, audience) all end on the sign-in page with {@code ?error=OIDC_FAILED}
 * instead of an error page. The log gets the failure's type and message, never a code or token.
 */
class LoginGuardFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(LoginGuardFilter.class.getName());

    private final transient OidcClients oidc;

    LoginGuardFilter(OidcClients oidc) {
        this.oidc = oidc;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        boolean isOidc = SignInServlet.OIDC.equals(path(req))
                || OidcClients.NAME.equalsIgnoreCase(req.getParameter("client_name"));
        if (!isOidc) {
            chain.doFilter(req, res);
            return;
        }
        try {
            if (oidc.current().isEmpty()) {
                BrowserSession.seeOther(res, BrowserSession.loginError("OIDC_FAILED"));
                return;
            }
            chain.doFilter(req, res);
        } catch (RuntimeException | ServletException e) {
            LOG.log(Level.WARNING, "OIDC sign-in failed: " + OidcClients.describe(e));
            if (!res.isCommitted()) {
                res.reset();
                BrowserSession.seeOther(res, BrowserSession.loginError("OIDC_FAILED"));
            }
        }
    }

    private static String path(HttpServletRequest req) {
        return req.getRequestURI().substring(req.getContextPath().length());
    }
}
