package dev.seva.sdk.spi;

import java.security.GeneralSecurityException;

/**
 * The master keys of envelope encryption. Seva encrypts each tenant's data under the tenant's own data key; this SPI
 * wraps (encrypts) and unwraps those data keys with a master key that never leaves the provider: a key file by
 * default, a KMS or HSM in a deployment that has one.
 *
 * <p>
 * Master keys have ids. Data keys are wrapped with the {@linkplain #currentKeyId() current} key and remember the id
 * they were wrapped with, so a provider keeps retired keys able to unwrap until every data key has been re-wrapped
 * (rotation re-wraps data keys; it never re-encrypts data).
 *
 * <p>
 * An implementation is an {@code @ApplicationScoped} CDI bean; to replace the default, declare it
 * {@code @Alternative @Priority(...)}. Implementations are thread-safe.
 */
public interface KeyProvider {

    /** @return the id of the master key new wraps use */
    String currentKeyId();

    /**
     * @param dataKey the data key to protect
     * @param context bound to the result (a wrap is only unwrapped with the same context), such as the tenant id
     * @return the wrapped key, under {@link #currentKeyId()}
     * @throws GeneralSecurityException when the provider cannot wrap
     */
    byte[] wrap(byte[] dataKey, byte[] context) throws GeneralSecurityException;

    /**
     * @param keyId the master key the data key was wrapped with
     * @param wrapped the wrapped key
     * @param context the context given to {@link #wrap}
     * @return the data key
     * @throws GeneralSecurityException when the key is unknown, or the wrap was altered or made for another context
     */
    byte[] unwrap(String keyId, byte[] wrapped, byte[] context) throws GeneralSecurityException;

    /**
     * Makes a new master key current. Keys wrapped before stay unwrappable until the operator retires the old key.
     *
     * @return the new key's id
     * @throws UnsupportedOperationException when this provider's keys are rotated outside Seva (in the KMS)
     * @throws GeneralSecurityException when the new key cannot be made
     */
    default String rotate() throws GeneralSecurityException {
        throw new UnsupportedOperationException("Rotate this provider's keys where they are kept");
    }
}
