package dev.seva.payments.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** A firm's Razorpay account: the key id in clear, the secrets sealed under the tenant's data key. */
@Entity(name = "PaymentSettings")
@Table(name = "payment_settings")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
public class PaymentSettingsRecord {

    @Id
    private String id;
    @Column(name = "key_id")
    private String keyId;
    @Column(name = "key_secret_sealed")
    private String keySecretSealed;
    @Column(name = "webhook_secret_sealed")
    private String webhookSecretSealed;
    @Column(name = "state_code")
    private String stateCode;
    private String gstin;
    @Column(name = "invoice_prefix")
    private String invoicePrefix;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;
    @Version
    private long version;

    protected PaymentSettingsRecord() {
    }

    PaymentSettingsRecord(String id) {
        this.id = id;
    }

    void set(String keyId, String keySecretSealed, String webhookSecretSealed, String stateCode, String gstin,
            String invoicePrefix) {
        this.invoicePrefix = invoicePrefix;
        this.gstin = gstin;
        this.keyId = keyId;
        this.keySecretSealed = keySecretSealed;
        this.webhookSecretSealed = webhookSecretSealed;
        this.stateCode = stateCode;
        this.updatedAt = Now.utc();
    }

    String getId() {
        return id;
    }

    String getKeyId() {
        return keyId;
    }

    String getKeySecretSealed() {
        return keySecretSealed;
    }

    String getWebhookSecretSealed() {
        return webhookSecretSealed;
    }

    String getStateCode() {
        return stateCode;
    }

    String getGstin() {
        return gstin;
    }

    String getInvoicePrefix() {
        return invoicePrefix;
    }

    OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }
}
