package dev.seva.payments.internal;

import dev.seva.tenant.OwnRateLimit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Razorpay's webhook has a limit of its own ({@code seva.payments.webhook.rate} deliveries per second per client
 * address and tenant, default 500): it is public and called by Razorpay's servers, so it neither spends nor waits
 * for the anonymous budget of the firm's public pages, and a flood of forged deliveries is cut off per address.
 */
@ApplicationScoped
public class WebhookRateLimit implements OwnRateLimit {

    @Inject
    @ConfigProperty(name = "seva.payments.webhook.rate", defaultValue = "500")
    int perSecond;

    @Override
    public String path() {
        return WebhookTenantResolver.PATH;
    }

    @Override
    public int perSecond() {
        return perSecond;
    }
}
