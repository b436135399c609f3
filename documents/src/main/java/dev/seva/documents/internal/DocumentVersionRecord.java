package dev.seva.documents.internal;

import dev.seva.documents.DocumentStatus;
import dev.seva.documents.DocumentType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * One uploaded file of a document. Its id is also the key of its encrypted blob and the associated data of its
 * encryption, so a blob cannot be swapped for another version's (or tenant's) without the decryption failing.
 */
@Entity(name = "DocumentVersion")
@Table(name = "document_version")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
public class DocumentVersionRecord {

    /** OCR state of a version. */
    enum OcrState {
        /** the text came from the file itself */
        NOT_NEEDED,
        /** waiting for the engine */
        PENDING,
        /** recognised */
        DONE,
        /** the engine was not installed; picked up again once it is */
        UNAVAILABLE
    }

    @Id
    String id;
    @Column(name = "document_id")
    String documentId;
    @Column(name = "version_no")
    int versionNo;
    @Column(name = "media_type")
    String mediaType;
    @Column(name = "size_bytes")
    long sizeBytes;
    String sha256;
    @Column(name = "original_name")
    String originalName;
    @Enumerated(EnumType.STRING)
    DocumentStatus status;
    @Column(name = "failure_reason")
    String failureReason;
    @Column(name = "text_content")
    String textContent;
    @Column(name = "text_truncated")
    boolean textTruncated;
    @Enumerated(EnumType.STRING)
    DocumentType classification;
    @Enumerated(EnumType.STRING)
    @Column(name = "ocr_state")
    OcrState ocrState;
    @Column(name = "ocr_engine")
    String ocrEngine;
    @Column(name = "ocr_pages")
    Integer ocrPages;
    @Column(name = "ocr_confidence")
    Integer ocrConfidence;
    @Column(name = "uploaded_by")
    String uploadedBy;
    @Column(name = "created_at")
    OffsetDateTime createdAt;
    @Column(name = "processed_at")
    OffsetDateTime processedAt;

    protected DocumentVersionRecord() {
    }

    DocumentVersionRecord(String id, String documentId, int versionNo, StoredFile file, String uploadedBy) {
        this.id = id;
        this.documentId = documentId;
        this.versionNo = versionNo;
        this.mediaType = file.mediaType();
        this.sizeBytes = file.size();
        this.sha256 = file.sha256();
        this.originalName = file.originalName();
        this.status = DocumentStatus.PROCESSING;
        this.ocrState = OcrState.PENDING;
        this.uploadedBy = uploadedBy;
        this.createdAt = OffsetDateTime.now();
    }
}
