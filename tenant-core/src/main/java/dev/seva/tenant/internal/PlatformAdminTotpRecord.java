package dev.seva.tenant.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A platform admin's TOTP second factor (platform data): the secret wrapped by a master key, whether it is confirmed,
 * replay guard and recovery codes.
 */
@Entity(name = "PlatformAdminTotp")
@Table(name = "platform_admin_totp")
public class PlatformAdminTotpRecord {

    @Id
    @Column(name = "admin_id")
    private String adminId;
    @Column(name = "secret_wrapped")
    private byte[] secretWrapped;
    @Column(name = "master_key_id")
    private String masterKeyId;
    @Column(name = "confirmed_at")
    private OffsetDateTime confirmedAt;
    @Column(name = "last_step")
    private long lastStep;
    @Column(name = "recovery_hashes")
    private String recoveryHashes;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    protected PlatformAdminTotpRecord() {
    }

    PlatformAdminTotpRecord(String adminId) {
        this.adminId = adminId;
        this.createdAt = Timestamps.now();
    }

    String getAdminId() {
        return adminId;
    }

    byte[] getSecretWrapped() {
        return secretWrapped;
    }

    String getMasterKeyId() {
        return masterKeyId;
    }

    /** A new (unconfirmed) secret: enrolment starts again. */
    void newSecret(byte[] wrapped, String masterKeyId) {
        this.secretWrapped = wrapped;
        this.masterKeyId = masterKeyId;
        this.confirmedAt = null;
        this.lastStep = 0;
        this.recoveryHashes = null;
    }

    /** The same secret wrapped by another master key. */
    void rewrapped(byte[] wrapped, String masterKeyId) {
        this.secretWrapped = wrapped;
        this.masterKeyId = masterKeyId;
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
