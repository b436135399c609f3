package dev.seva.tenant.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** An API key: its public id, the hash of its secret, its scopes. */
@Entity(name = "ApiKey")
@Table(name = "api_key")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
public class ApiKeyRecord {

    @Id
    private String id;
    @Column(name = "key_id")
    private String keyId;
    @Column(name = "secret_sha256")
    private String secretSha256;
    private String name;
    private String scopes;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "last_used_at")
    private OffsetDateTime lastUsedAt;
    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    protected ApiKeyRecord() {
    }

    ApiKeyRecord(String id, String keyId, String secretSha256, String name, String scopes, String createdBy) {
        this.id = id;
        this.keyId = keyId;
        this.secretSha256 = secretSha256;
        this.name = name;
        this.scopes = scopes;
        this.createdBy = createdBy;
        this.createdAt = Timestamps.now();
    }

    String getId() {
        return id;
    }

    String getKeyId() {
        return keyId;
    }

    String getSecretSha256() {
        return secretSha256;
    }

    String getName() {
        return name;
    }

    String getScopes() {
        return scopes;
    }

    String getCreatedBy() {
        return createdBy;
    }

    OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    OffsetDateTime getLastUsedAt() {
        return lastUsedAt;
    }

    OffsetDateTime getRevokedAt() {
        return revokedAt;
    }

    void used(OffsetDateTime at) {
        this.lastUsedAt = at;
    }

    void revoke() {
        this.revokedAt = Timestamps.now();
    }
}
