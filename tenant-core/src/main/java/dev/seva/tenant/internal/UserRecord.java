package dev.seva.tenant.internal;

import dev.seva.sdk.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** A user of one tenant. E-mail is stored lower-cased and unique per tenant. */
@Entity(name = "User")
@Table(name = "app_user")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
public class UserRecord {

    @Id
    private String id;
    private String email;
    private String name;
    @Column(name = "password_hash")
    private String passwordHash;
    private String roles;
    private String status;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;
    @Version
    private long version;

    protected UserRecord() {
    }

    UserRecord(String id, String email, String name, Set<Role> roles, String passwordHash) {
        this.id = id;
        this.email = email;
        this.name = name;
        this.passwordHash = passwordHash;
        this.status = "ACTIVE";
        this.createdAt = Timestamps.now();
        setRoles(roles);
    }

    public String getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getName() {
        return name;
    }

    void setName(String name) {
        this.name = name;
        touch();
    }

    String getPasswordHash() {
        return passwordHash;
    }

    void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
        touch();
    }

    public Set<Role> getRoles() {
        if (roles == null || roles.isBlank()) {
            return EnumSet.noneOf(Role.class);
        }
        return Arrays.stream(roles.split(",")).map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    void setRoles(Set<Role> roles) {
        this.roles = roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
        touch();
    }

    public String getStatus() {
        return status;
    }

    boolean isActive() {
        return "ACTIVE".equals(status);
    }

    void setStatus(String status) {
        this.status = status;
        touch();
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    private void touch() {
        this.updatedAt = Timestamps.now();
    }
}
