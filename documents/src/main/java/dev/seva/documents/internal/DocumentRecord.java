package dev.seva.documents.internal;

import dev.seva.documents.DocumentStatus;
import dev.seva.documents.DocumentType;
import dev.seva.documents.ReviewState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * A document of a business entity. Its status, media type, size and hash are those of its newest version; its
 * {@code search_text} is the newest version's (redacted) text, which with the title feeds the full-text index (the
 * generated {@code search} column, not mapped).
 */
@Entity(name = "Document")
@Table(name = "document")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
public class DocumentRecord {

    @Id
    String id;
    @Column(name = "entity_id")
    String entityId;
    String title;
    @Enumerated(EnumType.STRING)
    @Column(name = "document_type")
    DocumentType documentType;
    @Column(name = "type_source")
    String typeSource;
    @Enumerated(EnumType.STRING)
    DocumentType classification;
    @Enumerated(EnumType.STRING)
    DocumentStatus status;
    @Column(name = "failure_reason")
    String failureReason;
    @Enumerated(EnumType.STRING)
    @Column(name = "review_state")
    ReviewState reviewState;
    @Column(name = "current_version")
    int currentVersion;
    @Column(name = "media_type")
    String mediaType;
    @Column(name = "size_bytes")
    long sizeBytes;
    String sha256;
    @Column(name = "expires_on")
    LocalDate expiresOn;
    @Column(name = "retain_until")
    LocalDate retainUntil;
    @Column(name = "legal_hold")
    boolean legalHold;
    @Column(name = "search_text")
    String searchText;
    @Column(name = "uploaded_by")
    String uploadedBy;
    @Column(name = "deleted_at")
    OffsetDateTime deletedAt;
    @Column(name = "created_at")
    OffsetDateTime createdAt;
    @Column(name = "updated_at")
    OffsetDateTime updatedAt;
    @Version
    long version;

    protected DocumentRecord() {
    }

    DocumentRecord(String id, String entityId, String title, DocumentType declared, String uploadedBy) {
        this.id = id;
        this.entityId = entityId;
        this.title = title;
        this.documentType = declared == null ? DocumentType.OTHER : declared;
        this.typeSource = declared == null ? "CLASSIFIED" : "DECLARED";
        this.status = DocumentStatus.PROCESSING;
        this.reviewState = ReviewState.PENDING_REVIEW;
        this.uploadedBy = uploadedBy;
        this.createdAt = OffsetDateTime.now();
        this.updatedAt = createdAt;
    }
}
