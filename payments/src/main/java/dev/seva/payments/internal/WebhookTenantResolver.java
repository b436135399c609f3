package dev.seva.payments.internal;

import dev.seva.sdk.spi.TenantResolver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Razorpay calls one webhook URL per account, configured in its dashboard; a firm on a shared host names itself in
 * that URL: {@code /api/v1/webhooks/razorpay?tenant=<slug>}. Only for that path, after the Host and header resolvers.
 * Reads the query string only (never the body, which the signature check needs untouched).
 */
@ApplicationScoped
public class WebhookTenantResolver implements TenantResolver {

    static final String PATH = "/api/v1/webhooks/razorpay";

    @Override
    public Optional<TenantReference> resolve(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String query = request.getQueryString();
        if (!PATH.equals(path) || query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && "tenant".equals(pair.substring(0, eq))) {
                String slug = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8).strip();
                return slug.isEmpty()
                        ? Optional.empty()
                        : Optional.of(TenantReference.slug(slug.toLowerCase(Locale.ROOT)));
            }
        }
        return Optional.empty();
    }

    @Override
    public int priority() {
        return 300;
    }
}
