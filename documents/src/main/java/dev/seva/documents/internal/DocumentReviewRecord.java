package dev.seva.documents.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** A reviewer's decision on one version of a document (append-only history). */
@Entity(name = "DocumentReview")
@Table(name = "document_review")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
public class DocumentReviewRecord {

    @Id
    String id;
    @Column(name = "document_id")
    String documentId;
    @Column(name = "version_no")
    int versionNo;
    /** APPROVE or REJECT */
    String decision;
    String comment;
    @Column(name = "reviewer_id")
    String reviewerId;
    @Column(name = "created_at")
    OffsetDateTime createdAt;

    protected DocumentReviewRecord() {
    }

    DocumentReviewRecord(String documentId, int versionNo, String decision, String comment, String reviewerId) {
        this.id = java.util.UUID.randomUUID().toString();
        this.documentId = documentId;
        this.versionNo = versionNo;
        this.decision = decision;
        this.comment = comment;
        this.reviewerId = reviewerId;
        this.createdAt = OffsetDateTime.now();
    }
}
