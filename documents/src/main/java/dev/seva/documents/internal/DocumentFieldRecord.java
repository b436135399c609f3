package dev.seva.documents.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** A value read from (or corrected on) one version of a document: {@code pan}, {@code aadhaarMasked}, ... */
@Entity(name = "DocumentField")
@Table(name = "document_field")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
public class DocumentFieldRecord {

    @Id
    String id;
    @Column(name = "document_id")
    String documentId;
    @Column(name = "version_no")
    int versionNo;
    String name;
    String value;
    /** EXTRACTED or CORRECTED */
    String source;
    @Column(name = "updated_by")
    String updatedBy;
    @Column(name = "updated_at")
    OffsetDateTime updatedAt;

    protected DocumentFieldRecord() {
    }

    DocumentFieldRecord(String documentId, int versionNo, String name, String value, String source, String by) {
        this.id = java.util.UUID.randomUUID().toString();
        this.documentId = documentId;
        this.versionNo = versionNo;
        this.name = name;
        this.value = value;
        this.source = source;
        this.updatedBy = by;
        this.updatedAt = OffsetDateTime.now();
    }
}
