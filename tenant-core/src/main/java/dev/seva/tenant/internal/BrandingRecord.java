package dev.seva.tenant.internal;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** A tenant's branding (at most one row per tenant). */
@Entity(name = "Branding")
@Table(name = "tenant_branding")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
public class BrandingRecord {

    @Id
    private String id;
    @Column(name = "display_name")
    private String displayName;
    @Column(name = "primary_color")
    private String primaryColor;
    @Column(name = "accent_color")
    private String accentColor;
    @Column(name = "support_email")
    private String supportEmail;
    @Column(name = "footer_text")
    private String footerText;
    @Lob
    @Basic(fetch = FetchType.LAZY)
    private byte[] logo;
    @Column(name = "logo_media_type")
    private String logoMediaType;
    @Column(name = "logo_sha256")
    private String logoSha256;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;
    @Version
    private long version;

    protected BrandingRecord() {
    }

    BrandingRecord(String id) {
        this.id = id;
    }

    void apply(String displayName, String primaryColor, String accentColor, String supportEmail, String footerText) {
        this.displayName = displayName;
        this.primaryColor = primaryColor;
        this.accentColor = accentColor;
        this.supportEmail = supportEmail;
        this.footerText = footerText;
        this.updatedAt = Timestamps.now();
    }

    void logo(byte[] bytes, String mediaType, String sha256) {
        this.logo = bytes;
        this.logoMediaType = mediaType;
        this.logoSha256 = sha256;
        this.updatedAt = Timestamps.now();
    }

    String getDisplayName() {
        return displayName;
    }

    String getPrimaryColor() {
        return primaryColor;
    }

    String getAccentColor() {
        return accentColor;
    }

    String getSupportEmail() {
        return supportEmail;
    }

    String getFooterText() {
        return footerText;
    }

    byte[] getLogo() {
        return logo;
    }

    String getLogoMediaType() {
        return logoMediaType;
    }

    String getLogoSha256() {
        return logoSha256;
    }
}
