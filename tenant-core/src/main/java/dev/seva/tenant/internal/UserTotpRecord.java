package dev.seva.tenant.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** A user's TOTP second factor: the shared secret, whether it is confirmed, replay guard and recovery codes. */
@Entity(name = "UserTotp")
@Table(name = "user_totp")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
public class UserTotpRecord {

    @Id
    @Column(name = "user_id")
    private String userId;
    private String secret;
    @Column(name = "confirmed_at")
    private OffsetDateTime confirmedAt;
    @Column(name = "last_step")
    private long lastStep;
    @Column(name = "recovery_hashes")
    private String recoveryHashes;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    protected UserTotpRecord() {
    }

    UserTotpRecord(String userId, String secret) {
        this.userId = userId;
        this.secret = secret;
        this.createdAt = Timestamps.now();
    }

    String getUserId() {
        return userId;
    }

    String getSecret() {
        return secret;
    }

    void setSecret(String secret) {
        this.secret = secret;
    }

    boolean isConfirmed() {
        return confirmedAt != null;
    }

    void confirm(List<String> recoveryHashes) {
        this.confirmedAt = Timestamps.now();
        this.recoveryHashes = String.join(",", recoveryHashes);
    }

    long getLastStep() {
        return lastStep;
    }

    void setLastStep(long lastStep) {
        this.lastStep = lastStep;
    }

    /** Removes a recovery code's hash; @return whether it was there */
    boolean consumeRecovery(String hash) {
        List<String> hashes = recoveryHashes == null || recoveryHashes.isEmpty()
                ? new ArrayList<>()
                : new ArrayList<>(Arrays.asList(recoveryHashes.split(",")));
        boolean removed = hashes.remove(hash);
        recoveryHashes = String.join(",", hashes);
        return removed;
    }
}
