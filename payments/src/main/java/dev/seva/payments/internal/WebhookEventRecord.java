package dev.seva.payments.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * One authentic webhook delivery, stored before it is answered, unique per tenant on Razorpay's event id, then
 * processed (durably: a failure is recorded and retried).
 */
@Entity(name = "WebhookEvent")
@Table(name = "webhook_event")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
public class WebhookEventRecord {

    /** Processing status. */
    enum Status {
        RECEIVED, PROCESSED, IGNORED, FAILED
    }

    @Id
    private String id;
    @Column(name = "event_id")
    private String eventId;
    @Column(name = "event_type")
    private String eventType;
    private String payload;
    private String status;
    private int attempts;
    @Column(name = "last_error")
    private String lastError;
    private int duplicates;
    @Column(name = "received_at")
    private OffsetDateTime receivedAt;
    @Column(name = "processed_at")
    private OffsetDateTime processedAt;

    protected WebhookEventRecord() {
    }

    void done(Status s) {
        this.status = s.name();
        this.attempts++;
        this.lastError = null;
        this.processedAt = Now.utc();
    }

    void failed(String error) {
        this.status = Status.FAILED.name();
        this.attempts++;
        this.lastError = error == null ? null : error.substring(0, Math.min(1000, error.length()));
    }

    Status status() {
        return Status.valueOf(status);
    }

    String getId() {
        return id;
    }

    String getEventId() {
        return eventId;
    }

    String getEventType() {
        return eventType;
    }

    String getPayload() {
        return payload;
    }

    int getAttempts() {
        return attempts;
    }

    String getLastError() {
        return lastError;
    }

    int getDuplicates() {
        return duplicates;
    }

    OffsetDateTime getReceivedAt() {
        return receivedAt;
    }

    OffsetDateTime getProcessedAt() {
        return processedAt;
    }
}
