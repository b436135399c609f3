package dev.seva.tenant.internal;

import dev.seva.tenant.PortalSources;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Browser-hardening headers on every answer: no MIME sniffing, no framing by other sites, no referrer leaks, and a
 * strict content security policy (same-origin only, no plugins, no inline script). A resource may tighten them
 * further (the logo adds {@code sandbox}). The server's OpenAPI browser is left to Liberty's own headers. The portal
 * ({@code /app/}) alone may also use the foreign origins that modules declare ({@link PortalSources}: Razorpay
 * Checkout's script, frame and API), and nothing else.
 */
@WebFilter(filterName = "SevaSecurityHeadersFilter", urlPatterns = "/*", asyncSupported = true)
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The policy for everything Seva serves. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** scheme://host[:port], nothing more: a module cannot add a wildcard, a path or a keyword. */
    private static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?");

    @Inject
    transient Instance<PortalSources> sources;

    private volatile String portalCsp;

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain next)
            throws IOException, ServletException {
        res.setHeader("X-Content-Type-Options", "nosniff");
        res.setHeader("Referrer-Policy", "no-referrer");
        res.setHeader("X-Frame-Options", "DENY");
        String uri = req.getRequestURI();
        if (uri.startsWith(req.getContextPath() + "/app/")) {
            res.setHeader("Content-Security-Policy", portalCsp());
        } else if (!uri.startsWith(req.getContextPath() + "/openapi")) {
            res.setHeader("Content-Security-Policy", CSP);
        }
        if (req.isSecure()) {
            res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        next.doFilter(req, res);
    }

    private String portalCsp() {
        String csp = portalCsp;
        if (csp == null) {
            csp = sources == null ? CSP : portalPolicy(sources.stream().toList());
            portalCsp = csp;
        }
        return csp;
    }

    /** @return the strict policy plus the declared origins in script-src, frame-src and connect-src */
    static String portalPolicy(Collection<? extends PortalSources> declared) {
        Set<String> script = origins(declared, PortalSources::scriptOrigins);
        Set<String> frame = origins(declared, PortalSources::frameOrigins);
        Set<String> connect = origins(declared, PortalSources::connectOrigins);
        StringBuilder b = new StringBuilder("default-src 'self'; script-src 'self'");
        script.forEach(o -> b.append(' ').append(o));
        b.append("; style-src 'self'; img-src 'self' data:");
        if (!frame.isEmpty()) {
            b.append("; frame-src");
            frame.forEach(o -> b.append(' ').append(o));
        }
        if (!connect.isEmpty()) {
            b.append("; connect-src 'self'");
            connect.forEach(o -> b.append(' ').append(o));
        }
        return b.append("; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'")
                .toString();
    }

    private static Set<String> origins(Collection<? extends PortalSources> declared,
            Function<PortalSources, Set<String>> which) {
        Set<String> out = new TreeSet<>();
        for (PortalSources s : declared) {
            Set<String> some = which.apply(s);
            if (some != null) {
                some.stream().filter(o -> o != null && ORIGIN.matcher(o).matches()).forEach(out::add);
            }
        }
        return out;
    }
}
