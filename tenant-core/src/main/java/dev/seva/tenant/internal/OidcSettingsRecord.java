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

/** A tenant's OpenID Connect provider (at most one row per tenant); the client secret is sealed. */
@Entity(name = "OidcSettings")
@Table(name = "tenant_oidc_settings")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
public class OidcSettingsRecord {

    @Id
    private String id;
    private boolean enabled;
    private String issuer;
    @Column(name = "client_id")
    private String clientId;
    @Column(name = "client_secret_sealed")
    private String clientSecretSealed;
    private String label;
    @Column(name = "allow_sign_up")
    private boolean allowSignUp;
    @Column(name = "link_staff_by_email")
    private boolean linkStaffByEmail;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;
    @Version
    private long version;

    protected OidcSettingsRecord() {
    }

    OidcSettingsRecord(String id) {
        this.id = id;
        this.updatedAt = Timestamps.now();
    }

    void apply(boolean enabled, String issuer, String clientId, String label, boolean allowSignUp,
            boolean linkStaffByEmail) {
        this.enabled = enabled;
        this.issuer = issuer;
        this.clientId = clientId;
        this.label = label;
        this.allowSignUp = allowSignUp;
        this.linkStaffByEmail = linkStaffByEmail;
        this.updatedAt = Timestamps.now();
    }

    void sealedSecret(String sealed) {
        this.clientSecretSealed = sealed;
        this.updatedAt = Timestamps.now();
    }

    String getId() {
        return id;
    }

    boolean isEnabled() {
        return enabled;
    }

    String getIssuer() {
        return issuer;
    }

    String getClientId() {
        return clientId;
    }

    String getClientSecretSealed() {
        return clientSecretSealed;
    }

    String getLabel() {
        return label;
    }

    boolean isAllowSignUp() {
        return allowSignUp;
    }

    boolean isLinkStaffByEmail() {
        return linkStaffByEmail;
    }

    long getVersion() {
        return version;
    }
}
