package dev.seva.tenant.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Browser-hardening headers on every answer: no MIME sniffing, no framing by other sites, no referrer leaks, and a
 * strict content security policy (same-origin only, no plugins, no inline script). A resource may tighten them
 * further (the logo adds {@code sandbox}). The server's OpenAPI browser is left to Liberty's own headers.
 */
@WebFilter(filterName = "SevaSecurityHeadersFilter", urlPatterns = "/*", asyncSupported = true)
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The policy for everything Seva serves. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain next)
            throws IOException, ServletException {
        res.setHeader("X-Content-Type-Options", "nosniff");
        res.setHeader("Referrer-Policy", "no-referrer");
        res.setHeader("X-Frame-Options", "DENY");
        if (!req.getRequestURI().startsWith(req.getContextPath() + "/openapi")) {
            res.setHeader("Content-Security-Policy", CSP);
        }
        if (req.isSecure()) {
            res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        next.doFilter(req, res);
    }
}
