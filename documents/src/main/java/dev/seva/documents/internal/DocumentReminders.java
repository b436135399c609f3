package dev.seva.documents.internal;

import dev.seva.sdk.ErrorCode;
import dev.seva.sdk.Role;
import dev.seva.sdk.SevaException;
import dev.seva.sdk.SevaPrincipal;
import dev.seva.sdk.TenantId;
import dev.seva.tenant.Caller;
import dev.seva.tenant.Entities;
import dev.seva.tenant.Jobs;
import dev.seva.tenant.TenantPersistence;
import dev.seva.tenant.Tenants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Expiry reminders, the database side (each method one transaction of the current tenant, under RLS).
 *
 * <p>
 * The scan ({@link #scan}) records one PENDING row per (document, expiry date, threshold) with
 * {@code INSERT ... ON CONFLICT DO NOTHING} and enqueues the sending job in the same transaction only when the row is
 * new: a second scan, a restart or a second node never record or send a reminder twice. A document whose expiry is
 * {@code d} days away gets the reminder of the smallest threshold (30, 7, 1) that is {@code >= d}: one uploaded 7 days
 * before its expiry gets the 7-day reminder only, never a stale 30-day one.
 */
@ApplicationScoped
@Transactional
public class DocumentReminders {

    /** The thresholds, days before the expiry, largest first. */
    public static final List<Integer> THRESHOLDS = List.of(30, 7, 1);

    @PersistenceUnit(unitName = "seva-documents")
    EntityManagerFactory unit;

    @Inject
    TenantPersistence persistence;

    @Inject
    Tenants tenants;

    @Inject
    Entities entities;

    @Inject
    Caller caller;

    @Inject
    Jobs jobs;

    private EntityManager em() {
        return persistence.tenant(unit);
    }

    private TenantId tenant() {
        return tenants.current().id();
    }

    /**
     * @param daysLeft days until the expiry (0: it expires today)
     * @return the threshold whose reminder is due, or empty (expired already, or more than 30 days away)
     */
    public static Optional<Integer> threshold(long daysLeft) {
        if (daysLeft < 0) {
            return Optional.empty();
        }
        Integer due = null;
        for (int t : THRESHOLDS) {
            if (daysLeft <= t) {
                due = t;
            }
        }
        return Optional.ofNullable(due);
    }

    /** Enqueues a scan of the current tenant (the daily scheduler, or a manager asking for one now). */
    public UUID enqueueScan() {
        return jobs.enqueue(tenant(), ReminderScan.KIND, null);
    }

    /**
     * Records the reminders that are due on {@code today} and enqueues their sending.
     *
     * @return how many reminders were recorded now (0 when every due one exists already)
     */
    @SuppressWarnings("unchecked")
    public int scan(LocalDate today) {
        EntityManager em = em();
        String t = tenant().value();
        List<Object[]> due = em.createNativeQuery("SELECT d.id, d.expires_on FROM document d WHERE d.tenant_id = ?"
                + " AND d.deleted_at IS NULL AND d.expires_on IS NOT NULL AND d.expires_on >= ? AND d.expires_on <= ?"
                + " ORDER BY d.expires_on, d.id").setParameter(1, t).setParameter(2, java.sql.Date.valueOf(today))
                .setParameter(3, java.sql.Date.valueOf(today.plusDays(THRESHOLDS.get(0)))).getResultList();
        int recorded = 0;
        for (Object[] row : due) {
            String documentId = (String) row[0];
            LocalDate expires = row[1] instanceof java.sql.Date s ? s.toLocalDate() : (LocalDate) row[1];
            Optional<Integer> threshold = threshold(ChronoUnit.DAYS.between(today, expires));
            if (threshold.isEmpty()) {
                continue;
            }
            String id = UUID.randomUUID().toString();
            int inserted = em.createNativeQuery("INSERT INTO document_reminder (id, tenant_id, document_id,"
                    + " expires_on, days_before, status, created_at) VALUES (?, ?, ?, ?, ?, 'PENDING', now())"
                    + " ON CONFLICT (document_id, expires_on, days_before) DO NOTHING").setParameter(1, id)
                    .setParameter(2, t).setParameter(3, documentId).setParameter(4, java.sql.Date.valueOf(expires))
                    .setParameter(5, threshold.get()).executeUpdate();
            if (inserted == 1) {
                jobs.enqueue(tenant(), ReminderSender.KIND, id);
                recorded++;
            }
        }
        return recorded;
    }

    /** What the sending job needs. */
    public record Pending(String id, String documentId, String title, String entityName, LocalDate expiresOn,
            int daysBefore, List<String> recipients, Set<String> sentTo) {
    }

    /**
     * @return the reminder to send, with its recipients (the entity's members, then the firm's staff contact); empty
     *         when it is no longer PENDING or no longer applies (then it is SKIPPED with the reason)
     */
    public Optional<Pending> pending(String reminderId) {
        EntityManager em = em();
        DocumentReminderRecord r = em.find(DocumentReminderRecord.class, reminderId);
        if (r == null || !"PENDING".equals(r.status)) {
            return Optional.empty();
        }
        DocumentRecord d = em.find(DocumentRecord.class, r.documentId);
        if (d == null || d.deletedAt != null) {
            skip(r, "the document was deleted");
            return Optional.empty();
        }
        if (!r.expiresOn.equals(d.expiresOn)) {
            skip(r, "the document's expiry date changed");
            return Optional.empty();
        }
        Set<String> recipients = new LinkedHashSet<>();
        for (String e : entities.memberEmails(d.entityId)) {
            recipients.add(e.toLowerCase(Locale.ROOT));
        }
        tenants.contactEmail().ifPresent(e -> recipients.add(e.strip().toLowerCase(Locale.ROOT)));
        if (recipients.isEmpty()) {
            skip(r, "nobody to tell: the entity has no members and the firm no support e-mail");
            return Optional.empty();
        }
        String entityName = entities.find(d.entityId).map(x -> x.legalName()).orElse("your business");
        Set<String> sent = new LinkedHashSet<>();
        if (r.recipients != null && !r.recipients.isBlank()) {
            sent.addAll(List.of(r.recipients.split("\n")));
        }
        return Optional.of(new Pending(r.id, d.id, d.title, entityName, r.expiresOn, r.daysBefore,
                new ArrayList<>(recipients), sent));
    }

    /** Records that the message was handed over for one recipient (so that a retry skips it). */
    public void handedOver(String reminderId, String recipient) {
        DocumentReminderRecord r = em().find(DocumentReminderRecord.class, reminderId);
        if (r != null) {
            String list = r.recipients == null || r.recipients.isBlank() ? recipient : r.recipients + "\n" + recipient;
            r.recipients = list.length() > 4000 ? list.substring(0, 4000) : list;
        }
    }

    /** Moves a PENDING reminder to SENT, SKIPPED or FAILED. */
    public void finish(String reminderId, String status, String reason) {
        DocumentReminderRecord r = em().find(DocumentReminderRecord.class, reminderId);
        if (r == null || !"PENDING".equals(r.status)) {
            return;
        }
        r.status = status;
        r.lastError = reason == null || reason.length() <= 500 ? reason : reason.substring(0, 500);
        if (status.equals("SENT")) {
            r.sentAt = OffsetDateTime.now();
        }
    }

    private static void skip(DocumentReminderRecord r, String reason) {
        r.status = "SKIPPED";
        r.lastError = reason;
    }

    /** A reminder as the API shows it (the recipients are not shown: they are other people's addresses). */
    public record ReminderView(String id, LocalDate expiresOn, int daysBefore, String status, String reason,
            int recipients, OffsetDateTime createdAt, OffsetDateTime sentAt) {
    }

    /** @return the reminders of a document, newest first (staff only; 404 for a document the caller cannot see) */
    public List<ReminderView> list(String documentId) {
        SevaPrincipal p = caller.require();
        if (!p.isStaff() && !p.has(Role.AUDITOR)) {
            throw new SevaException(ErrorCode.FORBIDDEN, "Only the firm's staff see reminders.");
        }
        DocumentRecord d = documentId == null || documentId.length() > 36
                ? null
                : em().find(DocumentRecord.class, documentId);
        if (d == null || d.deletedAt != null || entities.find(d.entityId).isEmpty()) {
            throw SevaException.notFound("Document");
        }
        return em().createQuery("SELECT r FROM DocumentReminder r WHERE r.documentId = :d ORDER BY r.createdAt DESC,"
                + " r.daysBefore", DocumentReminderRecord.class).setParameter("d", d.id).getResultList().stream()
                .map(r -> new ReminderView(r.id, r.expiresOn, r.daysBefore, r.status, r.lastError,
                        r.recipients == null || r.recipients.isBlank() ? 0 : r.recipients.split("\n").length,
                        r.createdAt, r.sentAt))
                .toList();
    }
}
