package dev.seva.tenant.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** An operator of the platform (role PLATFORM_ADMIN, no tenant). Platform data. */
@Entity(name = "PlatformAdmin")
@Table(name = "platform_admin")
public class PlatformAdminRecord {

    @Id
    private String id;
    private String email;
    private String name;
    @Column(name = "password_hash")
    private String passwordHash;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    protected PlatformAdminRecord() {
    }

    PlatformAdminRecord(String id, String email, String name, String passwordHash) {
        this.id = id;
        this.email = email;
        this.name = name;
        this.passwordHash = passwordHash;
        this.createdAt = Timestamps.now();
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

    String getPasswordHash() {
        return passwordHash;
    }

    void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }
}
