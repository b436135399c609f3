package dev.seva.tenant;

/**
 * A public endpoint with a request limit of its own. Every request that names a tenant spends a budget: the tenant's
 * (its plan's rate) when it carries a valid token or API key of that tenant, otherwise its client address's anonymous
 * budget ({@code seva.tenant.anonymous-rate}). A module whose public endpoint is called by machines rather than
 * people (the payments module's Razorpay webhook) contributes a CDI bean implementing this interface: requests to
 * that path are counted per client address and tenant against {@link #perSecond()} instead, so neither an
 * anonymous flood elsewhere nor the tenant's own traffic starves it, and a flood of it spends nobody else's budget.
 * Read once, when the first request is served.
 */
public interface OwnRateLimit {

    /** @return the exact path below the context root ({@code /api/v1/webhooks/razorpay}) */
    String path();

    /** @return requests per second per client address and tenant, on this node */
    int perSecond();
}
