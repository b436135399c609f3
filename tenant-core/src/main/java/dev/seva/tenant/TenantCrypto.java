package dev.seva.tenant;

import dev.seva.sdk.TenantId;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Encryption of tenant data at rest (envelope encryption). Each tenant has its own 256-bit data key, created on first
 * use, stored only wrapped by a master key of the {@link dev.seva.sdk.spi.KeyProvider}; deleting it makes everything
 * encrypted under it unreadable (crypto-shredding).
 *
 * <p>
 * Two forms, both AES-256-GCM with keys derived from the data key by HKDF-SHA256, both binding the tenant and the
 * caller's associated data (a ciphertext moved to another tenant or another record does not open):
 * <ul>
 * <li><b>small values</b> (secrets, fields): {@link #seal} / {@link #open}, one GCM message with a random nonce;</li>
 * <li><b>blobs</b>: {@link #encrypting} / {@link #decrypting}, Tink's streaming AEAD (AES-GCM-HKDF, 256 KiB
 * segments, each authenticated, the last one marked): memory stays constant whatever the size, and a flipped,
 * dropped, reordered or truncated segment makes reading fail with an {@link IOException} instead of returning
 * altered bytes.</li>
 * </ul>
 * Thread-safe. May be called with or without a transaction: the data key is loaded (or created) in a transaction of
 * its own and cached for a few minutes.
 */
public interface TenantCrypto {

    /**
     * @param tenant whose key to use
     * @param plaintext the value
     * @param associatedData what the value belongs to (for example the row id and column name), authenticated, not
     *        stored; the same bytes are needed to open
     * @return the sealed value (self-describing: format version, data key id, nonce, ciphertext, tag)
     */
    byte[] seal(TenantId tenant, byte[] plaintext, byte[] associatedData);

    /**
     * @return the plaintext
     * @throws dev.seva.sdk.SevaException {@code DATA_INTEGRITY_FAILED} when the value was altered, belongs to
     *         another tenant or record, or its key is gone
     */
    byte[] open(TenantId tenant, byte[] sealed, byte[] associatedData);

    /** {@link #seal} of a UTF-8 string, as base64 text for a text column. */
    String sealToText(TenantId tenant, String plaintext, String associatedData);

    /** {@link #open} of {@link #sealToText}'s result. */
    String openText(TenantId tenant, String sealed, String associatedData);

    /**
     * @param tenant whose key to use
     * @param sink where the ciphertext goes; closed when the returned stream is closed (which writes the last
     *        segment: always close it)
     * @param associatedData what the blob belongs to (for example the document version id)
     * @return a stream that encrypts what is written to it
     * @throws IOException when the sink fails
     */
    OutputStream encrypting(TenantId tenant, OutputStream sink, byte[] associatedData) throws IOException;

    /**
     * @param tenant whose key to use
     * @param source the ciphertext {@link #encrypting} wrote
     * @param associatedData the same associated data
     * @return the plaintext, segment by segment; a read throws {@link IOException} at the first segment that does
     *         not authenticate (and at the end, when the stream was truncated)
     * @throws IOException when the header is unreadable or names a key that does not exist
     */
    InputStream decrypting(TenantId tenant, InputStream source, byte[] associatedData) throws IOException;
}
