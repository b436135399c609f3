package dev.seva.documents.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * An expiry reminder of a document: recorded (PENDING) by the scan, one per document, expiry date and threshold
 * (unique), then SENT, SKIPPED (no mail server, no recipient, document gone) or FAILED by the sending job.
 */
@Entity(name = "DocumentReminder")
@Table(name = "document_reminder")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
public class DocumentReminderRecord {

    @Id
    String id;
    @Column(name = "document_id")
    String documentId;
    @Column(name = "expires_on")
    LocalDate expiresOn;
    @Column(name = "days_before")
    int daysBefore;
    String status;
    /** Addresses the message was handed to, newline-separated. */
    String recipients;
    @Column(name = "last_error")
    String lastError;
    @Column(name = "created_at")
    OffsetDateTime createdAt;
    @Column(name = "sent_at")
    OffsetDateTime sentAt;

    protected DocumentReminderRecord() {
    }
}
