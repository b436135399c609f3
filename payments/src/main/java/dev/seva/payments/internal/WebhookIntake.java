package dev.seva.payments.internal;

import dev.seva.sdk.ErrorCode;
import dev.seva.sdk.SevaException;
import dev.seva.sdk.TenantId;
import dev.seva.sdk.spi.PaymentGateway;
import dev.seva.sdk.spi.PaymentGateway.GatewayContext;
import dev.seva.tenant.AuditTrail;
import dev.seva.tenant.Jobs;
import dev.seva.tenant.Page;
import dev.seva.tenant.Tenants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Receives a webhook: checks its signature over the raw bytes with the tenant's webhook secret and stores it, once
 * per {@code x-razorpay-event-id} (a duplicate is counted and ignored), and enqueues a durable
 * {@value WebhookJob#KIND} job for it, in one short transaction: the event is stored if and only if its job is.
 * Processing happens on a job worker ({@link WebhookJob} → {@link WebhookProcessor}), so an answer never waits for
 * or fails because of it, and a crash or a failed attempt is retried from the job table.
 */
@ApplicationScoped
@Transactional
public class WebhookIntake {

    private static final Pattern EVENT = Pattern.compile("\"event\"\\s*:\\s*\"([a-z_.]{1,64})\"");

    @Inject
    PaymentsUnit unit;

    @Inject
    SettingsService settings;

    @Inject
    PaymentGateway gateway;

    @Inject
    Tenants tenants;

    @Inject
    AuditTrail audit;

    @Inject
    Jobs jobs;

    /** The outcome: the stored event's id, and whether it was new. */
    record Received(String id, boolean fresh) {
    }

    /** A webhook log entry as the API shows it. */
    public record WebhookEventView(String id, String eventId, String eventType, String status, int attempts,
            int duplicates, String lastError, OffsetDateTime receivedAt, OffsetDateTime processedAt) {
    }

    /**
     * @throws SevaException 400 {@code WEBHOOK_SIGNATURE_INVALID} (audited) for a missing or forged signature, or when
     *         the tenant has no webhook secret
     */
    Received receive(byte[] body, String signature, String eventIdHeader) {
        TenantId tenant = tenants.current().id();
        Optional<GatewayContext> ctx = settings.webhookContext(tenant);
        if (ctx.isEmpty() || !gateway.verifyWebhook(ctx.get(), body, signature)) {
            throw new SevaException(ErrorCode.WEBHOOK_SIGNATURE_INVALID,
                    "The webhook signature is missing or does not match the body.");
        }
        String text = new String(body, StandardCharsets.UTF_8);
        Matcher m = EVENT.matcher(text);
        String type = m.find() ? m.group(1) : "unknown";
        String eventId = eventIdHeader != null && eventIdHeader.matches("[A-Za-z0-9_-]{1,64}")
                ? eventIdHeader
                : "sha256-" + sha256(body).substring(0, 57);
        String id = UUID.randomUUID().toString();
        EntityManager em = unit.em();
        int inserted = em.createNativeQuery("INSERT INTO webhook_event (id, tenant_id, event_id, event_type, payload,"
                + " status, received_at) VALUES (?1, ?2, ?3, ?4, ?5, 'RECEIVED', now()) ON CONFLICT (tenant_id,"
                + " event_id) DO NOTHING").setParameter(1, id).setParameter(2, tenant.value()).setParameter(3,
                        eventId)
                .setParameter(4, type).setParameter(5, text).executeUpdate();
        if (inserted == 1) {
            jobs.enqueue(tenant, WebhookJob.KIND, id);
            return new Received(id, true);
        }
        em.createNativeQuery("UPDATE webhook_event SET duplicates = duplicates + 1 WHERE tenant_id = ?1 AND"
                + " event_id = ?2").setParameter(1, tenant.value()).setParameter(2, eventId).executeUpdate();
        return new Received(null, false);
    }

    /**
     * Records a rejected delivery in the audit trail (its own transaction): anyone can post forged webhooks, so
     * rejections from one address are aggregated (the first at once, the rest counted into one summary event).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void auditRejected(String eventIdHeader, int bytes) {
        audit.recordRepeated(tenants.current().id(), "WEBHOOK_REJECTED", "webhook", eventIdHeader == null
                ? null
                : eventIdHeader.substring(0, Math.min(64, eventIdHeader.length())),
                "signature missing or invalid, "
                        + bytes + " bytes");
    }

    /** @return a page of the webhook log, newest first, optionally of one status */
    public Page<WebhookEventView> page(int page, int size, String status) {
        Checks.paging(page, size);
        String where = "";
        if (status != null && !status.isBlank()) {
            try {
                where = " WHERE w.status = '" + WebhookEventRecord.Status.valueOf(status.strip()).name() + "'";
            } catch (IllegalArgumentException e) {
                throw SevaException.invalidField("status", "must be one of RECEIVED, PROCESSED, IGNORED, FAILED");
            }
        }
        EntityManager em = unit.em();
        List<WebhookEventView> items = em.createQuery("SELECT w FROM WebhookEvent w" + where
                + " ORDER BY w.receivedAt DESC, w.id", WebhookEventRecord.class).setFirstResult(page * size)
                .setMaxResults(size).getResultList().stream()
                .map(w -> new WebhookEventView(w.getId(), w.getEventId(), w.getEventType(), w.status().name(),
                        w.getAttempts(), w.getDuplicates(), w.getLastError(), w.getReceivedAt(),
                        w.getProcessedAt()))
                .toList();
        long total = em.createQuery("SELECT COUNT(w) FROM WebhookEvent w" + where, Long.class).getSingleResult();
        return new Page<>(items, page, size, total);
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
