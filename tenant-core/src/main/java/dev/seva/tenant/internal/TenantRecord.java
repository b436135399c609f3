package dev.seva.tenant.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/** A firm using Seva. Platform data: not tenant-filtered. */
@Entity(name = "Tenant")
@Table(name = "tenant")
public class TenantRecord {

    @Id
    private String id;
    private String slug;
    private String name;
    private String status;
    private String plan;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;
    @Version
    private long version;

    protected TenantRecord() {
    }

    TenantRecord(String id, String slug, String name, String plan) {
        this.id = id;
        this.slug = slug;
        this.name = name;
        this.plan = plan;
        this.status = "ACTIVE";
        this.createdAt = Timestamps.now();
        this.updatedAt = createdAt;
    }

    public String getId() {
        return id;
    }

    public String getSlug() {
        return slug;
    }

    public String getName() {
        return name;
    }

    public String getStatus() {
        return status;
    }

    void setStatus(String status) {
        this.status = status;
        this.updatedAt = Timestamps.now();
    }

    public String getPlan() {
        return plan;
    }

    void setPlan(String plan) {
        this.plan = plan;
        this.updatedAt = Timestamps.now();
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }
}
