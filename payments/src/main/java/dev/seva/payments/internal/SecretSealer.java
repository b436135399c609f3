package dev.seva.payments.internal;

import dev.seva.sdk.TenantId;

/** Seals the firm's gateway secrets for a text column, under the tenant's data key. */
interface SecretSealer {

    /** @return {@code plaintext} sealed for {@code tenant}, bound to {@code aad} */
    String seal(TenantId tenant, String plaintext, String aad);

    /** @return the plaintext of {@code sealed}; fails if it was sealed for another tenant or aad */
    String open(TenantId tenant, String sealed, String aad);
}
