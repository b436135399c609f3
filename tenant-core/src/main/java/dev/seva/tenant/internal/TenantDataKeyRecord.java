package dev.seva.tenant.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** One of a tenant's data keys, wrapped by a master key. */
@Entity(name = "TenantDataKey")
@Table(name = "tenant_data_key")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
public class TenantDataKeyRecord {

    @Id
    private String id;
    @Column(name = "wrapped_key")
    private byte[] wrappedKey;
    @Column(name = "master_key_id")
    private String masterKeyId;
    private boolean active;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "rewrapped_at")
    private OffsetDateTime rewrappedAt;

    protected TenantDataKeyRecord() {
    }

    TenantDataKeyRecord(String id, byte[] wrappedKey, String masterKeyId) {
        this.id = id;
        this.wrappedKey = wrappedKey;
        this.masterKeyId = masterKeyId;
        this.active = true;
        this.createdAt = Timestamps.now();
    }

    String getId() {
        return id;
    }

    byte[] getWrappedKey() {
        return wrappedKey;
    }

    String getMasterKeyId() {
        return masterKeyId;
    }

    boolean isActive() {
        return active;
    }

    void rewrap(byte[] wrapped, String masterKeyId) {
        this.wrappedKey = wrapped;
        this.masterKeyId = masterKeyId;
        this.rewrappedAt = Timestamps.now();
    }
}
