package dev.seva.tenant.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** An identity at the tenant's OIDC provider (issuer + subject), linked to a user at its first sign-in. */
@Entity(name = "UserIdentity")
@Table(name = "user_identity")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
public class UserIdentityRecord {

    @Id
    private String id;
    private String issuer;
    private String subject;
    @Column(name = "user_id")
    private String userId;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    protected UserIdentityRecord() {
    }

    UserIdentityRecord(String id, String issuer, String subject, String userId) {
        this.id = id;
        this.issuer = issuer;
        this.subject = subject;
        this.userId = userId;
        this.createdAt = Timestamps.now();
    }

    String getUserId() {
        return userId;
    }
}
