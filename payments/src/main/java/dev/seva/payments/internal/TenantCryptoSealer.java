package dev.seva.payments.internal;

import dev.seva.sdk.TenantId;
import dev.seva.tenant.TenantCrypto;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** {@link SecretSealer} on tenant-core's envelope encryption (AES-256-GCM under the tenant's data key). */
@ApplicationScoped
public class TenantCryptoSealer implements SecretSealer {

    @Inject
    TenantCrypto crypto;

    @Override
    public String seal(TenantId tenant, String plaintext, String aad) {
        return crypto.sealToText(tenant, plaintext, aad);
    }

    @Override
    public String open(TenantId tenant, String sealed, String aad) {
        return crypto.openText(tenant, sealed, aad);
    }
}
