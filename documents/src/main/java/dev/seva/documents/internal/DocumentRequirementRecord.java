package dev.seva.documents.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** A document an entity of a given type must (or should) have: the rows of the checklist. */
@Entity(name = "DocumentRequirement")
@Table(name = "document_requirement")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
public class DocumentRequirementRecord {

    @Id
    String id;
    @Column(name = "entity_type")
    String entityType;
    @Column(name = "document_type")
    String documentType;
    boolean required;
    String description;
    @Column(name = "created_at")
    OffsetDateTime createdAt;

    protected DocumentRequirementRecord() {
    }

    DocumentRequirementRecord(String entityType, String documentType, boolean required, String description) {
        this.id = java.util.UUID.randomUUID().toString();
        this.entityType = entityType;
        this.documentType = documentType;
        this.required = required;
        this.description = description;
        this.createdAt = OffsetDateTime.now();
    }
}
