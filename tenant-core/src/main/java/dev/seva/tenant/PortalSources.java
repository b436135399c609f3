package dev.seva.tenant;

import java.util.Set;

/**
 * Foreign origins a module's portal pages need, added to the Content-Security-Policy of the portal ({@code /app/})
 * only: every other page keeps the strict same-origin policy. A module contributes a CDI bean implementing this
 * interface; the origins are read once, when the first portal page is served, so they come from configuration
 * (for example the payments module's Razorpay Checkout script), never from a request.
 *
 * <p>
 * Each value is an origin ({@code https://checkout.razorpay.com}, {@code http://127.0.0.1:9290}): scheme, host and
 * port, nothing else. Anything else is ignored, so a bad setting cannot widen the policy to a wildcard or a keyword.
 */
public interface PortalSources {

    /** @return origins the portal may load scripts from ({@code script-src}) */
    default Set<String> scriptOrigins() {
        return Set.of();
    }

    /** @return origins the portal may frame ({@code frame-src}) */
    default Set<String> frameOrigins() {
        return Set.of();
    }

    /** @return origins the portal's scripts may connect to ({@code connect-src}) */
    default Set<String> connectOrigins() {
        return Set.of();
    }
}
