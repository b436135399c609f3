package dev.seva.payments.internal;

import dev.seva.tenant.PortalSources;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Razorpay Checkout's script, as configuration ({@code seva.payments.razorpay.checkout-script}, by default
 * {@value #DEFAULT}): checkout hands its URL to the invoice page, and the portal's Content-Security-Policy allows
 * exactly its origin as a script source, and it and the API's origin ({@code seva.payments.razorpay.base-url}: the
 * Checkout frame and its calls are served from {@code api.razorpay.com}) as frame and connect sources. Tests and
 * staging point both at a fake on 127.0.0.1.
 */
@ApplicationScoped
public class CheckoutScript implements PortalSources {

    /** Razorpay's Checkout script. */
    static final String DEFAULT = "https://checkout.razorpay.com/v1/checkout.js";

    @Inject
    @ConfigProperty(name = "seva.payments.razorpay.checkout-script", defaultValue = DEFAULT)
    String url;

    @Inject
    @ConfigProperty(name = "seva.payments.razorpay.base-url", defaultValue = RazorpayHttp.RAZORPAY_BASE_URL)
    String apiBaseUrl;

    /** @return the script's URL (an http(s) URL; the default when the setting is not one) */
    public String url() {
        return origin(url).isPresent() ? url.strip() : DEFAULT;
    }

    @Override
    public Set<String> scriptOrigins() {
        return origin(url()).map(Set::of).orElse(Set.of());
    }

    @Override
    public Set<String> frameOrigins() {
        return scriptAndApi();
    }

    @Override
    public Set<String> connectOrigins() {
        return scriptAndApi();
    }

    private Set<String> scriptAndApi() {
        Set<String> s = new TreeSet<>(scriptOrigins());
        origin(apiBaseUrl).ifPresent(s::add);
        return s;
    }

    /** @return scheme://host[:port] of an http(s) URL */
    static Optional<String> origin(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            URI u = new URI(url.strip());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || u.getHost() == null
                    || u.getRawUserInfo() != null) {
                return Optional.empty();
            }
            return Optional.of(scheme + "://" + u.getHost().toLowerCase(java.util.Locale.ROOT) + (u.getPort() < 0
                    ? ""
                    : ":" + u.getPort()));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
