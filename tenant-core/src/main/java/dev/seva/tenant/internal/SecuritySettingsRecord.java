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

/** A tenant's sign-in policy (at most one row per tenant). */
@Entity(name = "SecuritySettings")
@Table(name = "tenant_security_settings")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
public class SecuritySettingsRecord {

    @Id
    private String id;
    @Column(name = "totp_required_for_staff")
    private boolean totpRequiredForStaff;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;
    @Version
    private long version;

    protected SecuritySettingsRecord() {
    }

    SecuritySettingsRecord(String id) {
        this.id = id;
        this.updatedAt = Timestamps.now();
    }

    boolean isTotpRequiredForStaff() {
        return totpRequiredForStaff;
    }

    void setTotpRequiredForStaff(boolean required) {
        this.totpRequiredForStaff = required;
        this.updatedAt = Timestamps.now();
    }
}
