package dev.seva.tenant.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** A client's company, LLP, trust, ...: the thing documents, invoices and memberships hang off. */
@Entity(name = "BusinessEntity")
@Table(name = "business_entity")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
public class BusinessEntityRecord {

    @Id
    private String id;
    @Column(name = "legal_name")
    private String legalName;
    private String type;
    private String pan;
    private String gstin;
    private String cin;
    private String llpin;
    private String state;
    private String address;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;
    @Version
    private long version;

    protected BusinessEntityRecord() {
    }

    BusinessEntityRecord(String id) {
        this.id = id;
        this.createdAt = Timestamps.now();
        this.updatedAt = createdAt;
    }

    void apply(EntityFields f) {
        this.legalName = f.legalName();
        this.type = f.type().name();
        this.pan = f.pan();
        this.gstin = f.gstin();
        this.cin = f.cin();
        this.llpin = f.llpin();
        this.state = f.state();
        this.address = f.address();
        this.updatedAt = Timestamps.now();
    }

    EntityFields fields() {
        return new EntityFields(legalName, dev.seva.tenant.EntityType.valueOf(type), pan, gstin, cin, llpin, state,
                address);
    }

    public String getId() {
        return id;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }
}
