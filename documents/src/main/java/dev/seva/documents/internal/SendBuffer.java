package dev.seva.documents.internal;

import dev.seva.sdk.ErrorCode;
import dev.seva.sdk.SevaException;
import dev.seva.sdk.TenantId;
import dev.seva.tenant.TenantCrypto;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;

/**
 * A checked copy of a stored file for an answer that must not start before the whole file has been verified
 * ({@link DocumentStorage}'s verify-before-send): the plaintext is read through the blob's authenticated decryption
 * into a private temporary file, encrypted again on the way under the tenant's key with associated data of its own,
 * so that a download holds a few 64 KiB buffers of memory whatever the file's size (not the whole file, as a
 * byte array did), and no plaintext reaches the disk. The file is unlinked as soon as it is reopened for sending;
 * closing releases it.
 */
final class SendBuffer implements DocumentStorage.Verified {

    private static final int CHUNK = 64 * 1024;

    private final InputStream copy;

    private SendBuffer(InputStream copy) {
        this.copy = copy;
    }

    /**
     * Reads {@code plain} to its end (every segment authenticated) into a new buffer.
     *
     * @throws IOException when {@code plain} fails its integrity check
     * @throws SevaException {@code SERVICE_UNAVAILABLE} when the temporary file cannot be written
     */
    static SendBuffer fill(TenantCrypto crypto, TenantId tenant, InputStream plain) throws IOException {
        Path tmp;
        try {
            tmp = Files.createTempFile("seva-send-", ".bin", PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------")));
        } catch (IOException e) {
            throw unavailable();
        }
        byte[] aad = ("send-buffer:" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        try {
            try (OutputStream enc = crypto.encrypting(tenant, Files.newOutputStream(tmp), aad)) {
                byte[] buf = new byte[CHUNK];
                int n;
                while ((n = plain.read(buf)) > 0) {
                    write(enc, buf, n);
                }
            }
            InputStream copy = crypto.decrypting(tenant, Files.newInputStream(tmp), aad);
            Files.delete(tmp); // readable through copy until it is closed, gone from the disk already
            return new SendBuffer(copy);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    private static void write(OutputStream out, byte[] buf, int n) {
        try {
            out.write(buf, 0, n);
        } catch (IOException e) {
            throw unavailable();
        }
    }

    private static SevaException unavailable() {
        return new SevaException(ErrorCode.SERVICE_UNAVAILABLE,
                "The download could not be prepared (temporary storage). Try again later.");
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        copy.transferTo(out);
    }

    @Override
    public void close() throws IOException {
        copy.close();
    }
}
