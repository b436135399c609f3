package dev.seva.tenant.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** A row of the durable job queue. */
@Entity(name = "Job")
@Table(name = "job")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
public class JobRecord {

    @Id
    private String id;
    private String kind;
    private String payload;
    private String status;
    private int attempts;
    @Column(name = "run_at")
    private OffsetDateTime runAt;
    @Column(name = "locked_until")
    private OffsetDateTime lockedUntil;
    @Column(name = "last_error")
    private String lastError;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    protected JobRecord() {
    }

    JobRecord(String id, String kind, String payload, OffsetDateTime runAt) {
        this.id = id;
        this.kind = kind;
        this.payload = payload;
        this.status = "PENDING";
        this.runAt = runAt;
        this.createdAt = Timestamps.now();
        this.updatedAt = createdAt;
    }

    String getId() {
        return id;
    }

    String getKind() {
        return kind;
    }

    String getPayload() {
        return payload;
    }

    String getStatus() {
        return status;
    }

    int getAttempts() {
        return attempts;
    }

    OffsetDateTime getRunAt() {
        return runAt;
    }

    OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }

    String getLastError() {
        return lastError;
    }

    void lease(OffsetDateTime until) {
        this.lockedUntil = until;
        this.updatedAt = Timestamps.now();
    }

    void done() {
        this.status = "DONE";
        this.lockedUntil = null;
        this.updatedAt = Timestamps.now();
    }

    /** @param retryAt when to try again, or null to give up */
    void failed(String error, OffsetDateTime retryAt) {
        this.status = retryAt == null ? "FAILED" : "PENDING";
        this.runAt = retryAt == null ? runAt : retryAt;
        this.lockedUntil = null;
        this.lastError = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
        this.updatedAt = Timestamps.now();
    }
}
