package dev.seva.tenant.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A custom domain registered to a tenant. Platform data: read before any tenant is known. */
@Entity(name = "TenantDomain")
@Table(name = "tenant_domain")
public class TenantDomainRecord {

    @Id
    private String domain;
    @Column(name = "tenant")
    private String tenant;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    protected TenantDomainRecord() {
    }

    TenantDomainRecord(String domain, String tenant) {
        this.domain = domain;
        this.tenant = tenant;
        this.createdAt = Timestamps.now();
    }

    public String getDomain() {
        return domain;
    }

    public String getTenant() {
        return tenant;
    }
}
