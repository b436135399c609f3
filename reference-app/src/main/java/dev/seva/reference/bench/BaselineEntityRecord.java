package dev.seva.reference.bench;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** {@code business_entity} mapped without the tenant discriminator, for the baseline query. */
@Entity(name = "BaselineEntity")
@Table(name = "business_entity")
public class BaselineEntityRecord {

    @Id
    String id;
    @Column(name = "tenant_id")
    String tenantId;
    @Column(name = "legal_name")
    String legalName;
    String type;
    String pan;
    String gstin;
    String cin;
    String llpin;
    String state;
    String address;
    @Column(name = "created_at")
    OffsetDateTime createdAt;
    @Column(name = "updated_at")
    OffsetDateTime updatedAt;
}
