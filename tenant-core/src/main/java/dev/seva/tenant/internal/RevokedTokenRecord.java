package dev.seva.tenant.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** An access token signed out before it expired, by its {@code jti}. */
@Entity(name = "RevokedToken")
@Table(name = "revoked_token")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
public class RevokedTokenRecord {

    @Id
    private String jti;
    @Column(name = "expires_at")
    private OffsetDateTime expiresAt;
    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    protected RevokedTokenRecord() {
    }

    RevokedTokenRecord(String jti, OffsetDateTime expiresAt) {
        this.jti = jti;
        this.expiresAt = expiresAt;
        this.revokedAt = Timestamps.now();
    }

    String getJti() {
        return jti;
    }
}
