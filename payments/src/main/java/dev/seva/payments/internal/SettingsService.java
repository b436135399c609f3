package dev.seva.payments.internal;

import dev.seva.payments.InvoiceNumbers;
import dev.seva.sdk.ErrorCode;
import dev.seva.sdk.SevaException;
import dev.seva.sdk.TenantId;
import dev.seva.sdk.identifiers.Gstin;
import dev.seva.sdk.identifiers.InvalidIdentifierException;
import dev.seva.sdk.spi.PaymentGateway.GatewayContext;
import dev.seva.tenant.AuditTrail;
import dev.seva.tenant.Tenants;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The firm's Razorpay account and GST identity. The key secret and webhook secret are sealed under the tenant's
 * data key ({@link SecretSealer}) with the column's name as associated data, and are never answered.
 */
@ApplicationScoped
@Transactional
public class SettingsService {

    private static final Pattern KEY_ID = Pattern.compile("rzp_(test|live)_[A-Za-z0-9]{6,40}");
    static final String AAD_KEY_SECRET = "payment_settings.key_secret";
    static final String AAD_WEBHOOK_SECRET = "payment_settings.webhook_secret";

    @Inject
    PaymentsUnit unit;

    @Inject
    Tenants tenants;

    @Inject
    SecretSealer sealer;

    @Inject
    AuditTrail audit;

    /**
     * Opened secrets by tenant, column and sealed text. The sealed text is part of the key, so a changed setting (on
     * any node) is a miss, never a stale hit; {@link #put} drops the tenant's entries on this node. Saves the
     * envelope decryption on every webhook delivery.
     */
    private final ConcurrentHashMap<String, String> opened = new ConcurrentHashMap<>();
    private static final int MAX_OPENED = 10_000;

    /**
     * What webhook deliveries need (key id and opened webhook secret) per tenant, for
     * {@code seva.payments.webhook-settings-cache-seconds}: the settings query was the one round trip of a delivery
     * that reads rather than writes. A change on this node applies at once (dropped on change and again after its
     * commit); other nodes see it within the TTL. Unconfigured tenants are not cached.
     */
    private final ConcurrentHashMap<TenantId, CachedContext> webhookContexts = new ConcurrentHashMap<>();

    private record CachedContext(GatewayContext ctx, long loadedAt) {
    }

    @Inject
    @ConfigProperty(name = "seva.payments.webhook-settings-cache-seconds", defaultValue = "5")
    long webhookCacheSeconds;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /**
     * The PUT body. {@code gstin} is optional; its first two digits must agree with {@code stateCode}.
     * {@code invoicePrefix} is optional: 1 to 5 of {@code [A-Z0-9]} ({@link InvoiceNumbers}), by default from the
     * slug.
     */
    public record NewSettings(String keyId, String keySecret, String webhookSecret, String stateCode, String gstin,
            String invoicePrefix) {
        @Override
        public String toString() {
            return "NewSettings[keyId=" + keyId + ", secrets=***, stateCode=" + stateCode + ", gstin=" + gstin
                    + ", invoicePrefix=" + invoicePrefix + "]";
        }
    }

    /** The GET answer: never the secrets; {@code invoicePrefix} is the one in use (set or default). */
    public record SettingsView(String keyId, boolean keySecretSet, boolean webhookSecretSet, String stateCode,
            String gstin, String invoicePrefix, OffsetDateTime updatedAt) {
    }

    /** Replaces the settings. */
    public SettingsView put(NewSettings req) {
        if (req == null) {
            throw SevaException.invalidField("body", "is required");
        }
        Checks c = new Checks();
        String keyId = c.matching("keyId", req.keyId(), KEY_ID, "must be a Razorpay key id (rzp_test_... or"
                + " rzp_live_...)", true);
        PaymentSettingsRecord existing = record().orElse(null);
        // a secret already set may be left out (the page never sees it): it is kept
        String keySecret = c.text("keySecret", req.keySecret(), 200, existing == null || existing
                .getKeySecretSealed() == null);
        String webhookSecret = c.text("webhookSecret", req.webhookSecret(), 200, existing == null || existing
                .getWebhookSecretSealed() == null);
        String state = c.stateCode("stateCode", req.stateCode(), false);
        String gstin = null;
        if (req.gstin() != null && !req.gstin().isBlank()) {
            try {
                gstin = Gstin.parse(req.gstin()).value();
                if (state == null) {
                    state = gstin.substring(0, 2);
                } else if (!gstin.startsWith(state)) {
                    c.add("gstin", "is registered in state " + gstin.substring(0, 2) + ", not " + state);
                }
            } catch (InvalidIdentifierException e) {
                c.add("gstin", e.getMessage());
            }
        }
        String prefix = null;
        if (req.invoicePrefix() != null && !req.invoicePrefix().isBlank()) {
            prefix = req.invoicePrefix().strip();
            if (!InvoiceNumbers.validPrefix(prefix)) {
                c.add("invoicePrefix", "must be 1 to " + InvoiceNumbers.MAX_PREFIX + " of A-Z and 0-9 (GST invoice"
                        + " numbers are at most 16 characters)");
            }
        }
        c.throwIfAny();
        TenantId tenant = tenants.current().id();
        PaymentSettingsRecord r = existing;
        boolean created = r == null;
        if (created) {
            r = new PaymentSettingsRecord(UUID.randomUUID().toString());
        }
        r.set(keyId, keySecret == null ? r.getKeySecretSealed() : sealer.seal(tenant, keySecret, AAD_KEY_SECRET),
                webhookSecret == null
                        ? r.getWebhookSecretSealed()
                        : sealer.seal(tenant, webhookSecret, AAD_WEBHOOK_SECRET),
                state, gstin, prefix);
        if (created) {
            unit.em().persist(r);
        }
        forget(tenant);
        audit.record(tenant, "PAYMENT_SETTINGS_CHANGED", "payment-settings", r.getId(), "key id " + keyId
                + ", state " + state);
        return view(r);
    }

    /** @return the settings without secrets; 404 before they are set */
    public SettingsView get() {
        return view(record().orElseThrow(() -> SevaException.notFound("Payment settings")));
    }

    /** @return the firm's GST state code, if configured */
    Optional<String> firmState() {
        return record().map(PaymentSettingsRecord::getStateCode);
    }

    /** @return the current tenant's invoice prefix: the one set, else the default from its slug */
    String invoicePrefix() {
        return record().map(PaymentSettingsRecord::getInvoicePrefix).orElseGet(() -> InvoiceNumbers.defaultPrefix(
                tenants.current().slug()));
    }

    /** @return the firm's GSTIN, if configured */
    Optional<String> firmGstin() {
        return record().map(PaymentSettingsRecord::getGstin);
    }

    /** @return the current tenant's gateway context; 422 PAYMENTS_NOT_CONFIGURED when not set */
    GatewayContext context() {
        return context(tenants.current().id());
    }

    /** @return {@code tenant}'s gateway context with the secrets opened */
    GatewayContext context(TenantId tenant) {
        PaymentSettingsRecord r = unit.em(tenant).createQuery("SELECT s FROM PaymentSettings s",
                PaymentSettingsRecord.class).getResultList().stream().findFirst()
                .orElseThrow(() -> new SevaException(ErrorCode.PAYMENTS_NOT_CONFIGURED,
                        "The firm has not configured its Razorpay account."));
        return new GatewayContext(tenant, r.getKeyId(), open(tenant, r.getKeySecretSealed(), AAD_KEY_SECRET),
                open(tenant, r.getWebhookSecretSealed(), AAD_WEBHOOK_SECRET));
    }

    /**
     * What a webhook delivery needs, and nothing more: one query, the webhook secret opened (from the cache when the
     * sealed value is unchanged), the key secret left sealed.
     *
     * @return {@code tenant}'s context with only the webhook secret, empty when not configured
     */
    Optional<GatewayContext> webhookContext(TenantId tenant) {
        long now = System.nanoTime();
        CachedContext cached = webhookContexts.get(tenant);
        if (cached != null && now - cached.loadedAt() < TimeUnit.SECONDS.toNanos(webhookCacheSeconds)) {
            return Optional.of(cached.ctx());
        }
        List<Object[]> rs = unit.em(tenant).createQuery("SELECT s.keyId, s.webhookSecretSealed FROM PaymentSettings"
                + " s", Object[].class).setMaxResults(1).getResultList();
        if (rs.isEmpty() || rs.get(0)[1] == null) {
            return Optional.empty();
        }
        GatewayContext ctx = new GatewayContext(tenant, (String) rs.get(0)[0], null, open(tenant, (String) rs.get(0)[1],
                AAD_WEBHOOK_SECRET));
        if (webhookCacheSeconds > 0) {
            if (webhookContexts.size() >= MAX_OPENED) {
                webhookContexts.clear();
            }
            webhookContexts.put(tenant, new CachedContext(ctx, now));
        }
        return Optional.of(ctx);
    }

    private String open(TenantId tenant, String sealed, String aad) {
        if (sealed == null) {
            return null;
        }
        String key = tenant.value() + '|' + aad + '|' + sealed;
        String plain = opened.get(key);
        if (plain == null) {
            plain = sealer.open(tenant, sealed, aad);
            if (opened.size() >= MAX_OPENED) {
                opened.clear();
            }
            opened.put(key, plain);
        }
        return plain;
    }

    private void forget(TenantId tenant) {
        dropCached(tenant);
        // a delivery between now and the commit may cache the old values again: drop them once more afterwards
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                dropCached(tenant);
            }
        });
    }

    private void dropCached(TenantId tenant) {
        webhookContexts.remove(tenant);
        String prefix = tenant.value() + '|';
        opened.keySet().removeIf(k -> k.startsWith(prefix));
    }

    /** @return {@code tenant}'s gateway context, empty when not configured */
    Optional<GatewayContext> findContext(TenantId tenant) {
        List<PaymentSettingsRecord> rs = unit.em(tenant).createQuery("SELECT s FROM PaymentSettings s",
                PaymentSettingsRecord.class).getResultList();
        if (rs.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(context(tenant));
    }

    private Optional<PaymentSettingsRecord> record() {
        return unit.em().createQuery("SELECT s FROM PaymentSettings s", PaymentSettingsRecord.class)
                .getResultList().stream().findFirst();
    }

    private SettingsView view(PaymentSettingsRecord r) {
        return new SettingsView(r.getKeyId(), r.getKeySecretSealed() != null, r.getWebhookSecretSealed() != null,
                r.getStateCode(), r.getGstin(), r.getInvoicePrefix() != null
                        ? r.getInvoicePrefix()
                        : InvoiceNumbers
                                .defaultPrefix(tenants.current().slug()),
                r.getUpdatedAt());
    }
}
