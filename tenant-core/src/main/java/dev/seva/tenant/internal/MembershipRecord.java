package dev.seva.tenant.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** A user's membership of a business entity (OWNER or MEMBER): what a CLIENT may see. */
@Entity(name = "Membership")
@Table(name = "entity_member")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
public class MembershipRecord {

    @Id
    private String id;
    @Column(name = "entity_id")
    private String entityId;
    @Column(name = "user_id")
    private String userId;
    private String role;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    protected MembershipRecord() {
    }

    MembershipRecord(String id, String entityId, String userId, String role) {
        this.id = id;
        this.entityId = entityId;
        this.userId = userId;
        this.role = role;
        this.createdAt = Timestamps.now();
    }

    public String getEntityId() {
        return entityId;
    }

    public String getUserId() {
        return userId;
    }

    public String getRole() {
        return role;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }
}
