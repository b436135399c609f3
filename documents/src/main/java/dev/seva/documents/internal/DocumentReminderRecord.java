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

/** An expiry reminder that was sent, so that none is sent twice. */
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
    @Column(name = "sent_at")
    OffsetDateTime sentAt;

    protected DocumentReminderRecord() {
    }

    DocumentReminderRecord(String documentId, LocalDate expiresOn, int daysBefore) {
        this.id = java.util.UUID.randomUUID().toString();
        this.documentId = documentId;
        this.expiresOn = expiresOn;
        this.daysBefore = daysBefore;
        this.sentAt = OffsetDateTime.now();
    }
}
