package dev.seva.tenant;

import java.time.Duration;

/**
 * Rate limits for public endpoints (forms anyone may post), per client address and tenant, in memory on this node
 * (with several nodes each enforces its own share). Request scoped use; inject it.
 */
public interface RateLimits {

    /**
     * Counts one request of the current request's client address, in the current tenant, against {@code bucket}.
     *
     * @param bucket what is limited ({@code referral-lead})
     * @param limit how many requests the address may make within the window
     * @param window the sliding window
     * @throws dev.seva.sdk.SevaException {@code RATE_LIMITED} (429, with {@code Retry-After}) over the limit
     */
    void checkClient(String bucket, int limit, Duration window);
}
