package dev.seva.documents.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** A tenant's retention period for one document type. */
@Entity(name = "DocumentRetention")
@Table(name = "document_retention")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
public class DocumentRetentionRecord {

    @Id
    String id;
    @Column(name = "document_type")
    String documentType;
    @Column(name = "retention_days")
    int retentionDays;
    @Column(name = "updated_by")
    String updatedBy;
    @Column(name = "updated_at")
    OffsetDateTime updatedAt;

    protected DocumentRetentionRecord() {
    }

    DocumentRetentionRecord(String documentType, int retentionDays, String updatedBy) {
        this.id = java.util.UUID.randomUUID().toString();
        this.documentType = documentType;
        this.retentionDays = retentionDays;
        this.updatedBy = updatedBy;
        this.updatedAt = OffsetDateTime.now();
    }
}
