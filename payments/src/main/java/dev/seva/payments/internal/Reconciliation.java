package dev.seva.payments.internal;

import dev.seva.payments.InvoiceStatus;
import dev.seva.sdk.TenantId;
import dev.seva.sdk.spi.PaymentGateway.GatewayContext;
import dev.seva.sdk.spi.PaymentGateway.GatewayPayment;
import dev.seva.tenant.TenantScopes;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Settles orders whose webhooks never came. Checkout schedules a check of its order after
 * {@code seva.payments.reconcile.delay-seconds}; the check asks the gateway for the order's payments
 * ({@code GET /v1/orders/{id}/payments}), records each captured one through the {@link Ledger} (a no-op for one
 * already known), retries stored webhook events that failed, and checks again later with doubling delays while the
 * invoice is still unpaid, up to {@code seva.payments.reconcile.max-attempts} times.
 *
 * <p>
 * Runs on the server's managed scheduled executor, in a tenant scope named by the order's tenant. Not yet durable
 * across restarts: when the {@code Jobs} facade lands, {@link #reconcileOrder(TenantId, String, int)} becomes a job
 * handler (same method) scheduled with {@code enqueueAt}.
 */
@ApplicationScoped
public class Reconciliation {

    private static final Logger LOG = Logger.getLogger(Reconciliation.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    TenantScopes scopes;

    @Inject
    GatewayCalls calls;

    @Inject
    Reconciliation self;

    @Inject
    Ledger ledger;

    @Inject
    SettingsService settings;

    @Inject
    WebhookProcessor webhooks;

    @Inject
    @ConfigProperty(name = "seva.payments.reconcile.delay-seconds", defaultValue = "900")
    long delaySeconds;

    @Inject
    @ConfigProperty(name = "seva.payments.reconcile.max-attempts", defaultValue = "6")
    int maxAttempts;

    /** Schedules the first check of a new order. */
    void scheduleOrder(TenantId tenant, String orderId) {
        schedule(tenant, orderId, 1, delaySeconds);
    }

    private void schedule(TenantId tenant, String orderId, int attempt, long afterSeconds) {
        scheduler.schedule(() -> {
            try {
                scopes.run(tenant, () -> reconcileOrder(tenant, orderId, attempt));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Reconciliation of order {0} failed: {1}", new Object[]{orderId,
                        e.toString()});
                if (attempt < maxAttempts) {
                    schedule(tenant, orderId, attempt + 1, afterSeconds * 2);
                }
            }
        }, afterSeconds, TimeUnit.SECONDS);
    }

    /**
     * One check of one order, in a tenant scope (not in a transaction: it calls the gateway).
     *
     * @param attempt 1 for the first check
     */
    public void reconcileOrder(TenantId tenant, String orderId, int attempt) {
        for (String id : webhooks.pending(tenant, 100)) {
            webhooks.processSafely(tenant, id);
        }
        Optional<GatewayContext> ctx = self.unpaid(tenant, orderId);
        if (ctx.isEmpty()) {
            return;
        }
        List<GatewayPayment> payments = calls.paymentsOfOrder(ctx.get(), orderId);
        for (GatewayPayment p : payments) {
            if (p.isCaptured()) {
                self.capture(tenant, orderId, p);
            }
        }
        if (self.unpaid(tenant, orderId).isPresent() && attempt < maxAttempts) {
            schedule(tenant, orderId, attempt + 1, delaySeconds << Math.min(attempt, 10));
        }
    }

    /** @return the gateway context when the order's invoice is still ISSUED, else empty */
    @Transactional
    public Optional<GatewayContext> unpaid(TenantId tenant, String orderId) {
        Optional<InvoiceRecord> inv = ledger.lockByOrder(tenant, orderId);
        if (inv.isEmpty() || inv.get().status() != InvoiceStatus.ISSUED) {
            return Optional.empty();
        }
        return settings.findContext(tenant);
    }

    /** Records one captured payment found at the gateway. */
    @Transactional
    public void capture(TenantId tenant, String orderId, GatewayPayment p) {
        ledger.captured(tenant, orderId, p.id(), p.amountPaise(), p.createdAt(), "RECONCILE");
    }
}
