package dev.seva.tenant.internal;

import dev.seva.sdk.TenantId;
import dev.seva.sdk.spi.KeyProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.util.List;

/**
 * Rotates the master key: a new key becomes current, then every tenant's data keys are re-wrapped with it, one
 * tenant per transaction, and the platform admins' TOTP secrets (which the master key wraps directly). Encrypted data is never rewritten. Idempotent: run again after a failure, it re-wraps what
 * is left. The old key file stays until the operator deletes it.
 */
@ApplicationScoped
public class MasterKeyRotation {

    /** The outcome. */
    public record Rotated(String masterKeyId, int tenants, int dataKeysRewrapped) {
    }

    @Inject
    KeyProvider keyProvider;

    @Inject
    PlatformTenantService tenants;

    @Inject
    DataKeyStore store;

    @Inject
    PlatformAdminTotp platformTotp;

    /** @return the new key id and what was re-wrapped */
    public Rotated rotate() {
        String id;
        try {
            id = keyProvider.rotate();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The key provider could not make a new master key", e);
        }
        List<TenantId> all = tenants.allIds();
        int keys = 0;
        for (TenantId t : all) {
            keys += store.rewrap(t);
        }
        int secrets = platformTotp.rewrap();
        tenants.recordPlatformEvent("MASTER_KEY_ROTATED", "master-key", id,
                all.size() + " tenants, " + keys + " data keys and " + secrets
                        + " platform admins' TOTP secrets re-wrapped");
        return new Rotated(id, all.size(), keys);
    }
}
