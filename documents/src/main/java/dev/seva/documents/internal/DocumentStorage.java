package dev.seva.documents.internal;

import dev.seva.documents.KycReader;
import dev.seva.sdk.ErrorCode;
import dev.seva.sdk.SevaException;
import dev.seva.sdk.TenantId;
import dev.seva.sdk.spi.BlobStore;
import dev.seva.tenant.Plan;
import dev.seva.tenant.TenantCrypto;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Moves file bytes between requests and the {@link BlobStore}, always through {@link TenantCrypto}'s streaming AEAD
 * with the version id as associated data. Memory stays constant whatever the file's size: the upload is read in 64 KiB
 * chunks, hashed (SHA-256), counted against the plan's limit and encrypted on the way to the store.
 *
 * <p>
 * Order of an upload: bytes → encrypted pending blob → committed (fsync + atomic rename) → type detected by Tika from
 * the stored bytes (decrypted) → refused types deleted at once → the caller commits the database row. A crash between
 * the blob's commit and the row's leaves an orphan blob that {@link OrphanSweeper} deletes.
 *
 * <p>
 * <b>Integrity on reads.</b> Every 256 KiB segment is authenticated before a byte of it is released, so a reader
 * never gets altered bytes. Files up to {@code seva.documents.verify-before-send-bytes} (default 8 MiB) are decrypted
 * completely before the answer starts, so tampering is answered with a clean {@code 409 DOCUMENT_INTEGRITY_FAILED};
 * the checked copy waits in an encrypted temporary file ({@link SendBuffer}), not in the heap.
 * Larger files are checked on their first segment before the answer starts and streamed after; tampering further in
 * aborts the transfer (the announced {@code Content-Length} is not reached, so clients see a failed download, never
 * wrong content), and is logged.
 */
@ApplicationScoped
public class DocumentStorage {

    private static final Logger LOG = Logger.getLogger(DocumentStorage.class.getName());
    private static final int CHUNK = 64 * 1024;

    @Inject
    BlobStore blobs;

    @Inject
    TenantCrypto crypto;

    @Inject
    Config config;

    /** @return the largest file the plan accepts, in bytes */
    public long limitFor(Plan plan) {
        long def = switch (plan) {
            case FREE -> 10L << 20;
            case STARTER -> 25L << 20;
            case PROFESSIONAL -> 100L << 20;
            case ENTERPRISE -> 2L << 30;
        };
        return config.getOptionalValue("seva.documents.max-bytes." + plan.name().toLowerCase(Locale.ROOT), Long.class)
                .orElse(def);
    }

    static byte[] aad(String versionId) {
        return ("document-version:" + versionId).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Streams one file into the store.
     *
     * @param tenant the owner
     * @param in the file's bytes (not closed here)
     * @param originalName the client's name for it, may be null
     * @param limit the most bytes accepted
     * @return the stored, checked file
     * @throws SevaException {@code DOCUMENT_EMPTY}, {@code DOCUMENT_TOO_LARGE}, {@code DOCUMENT_TYPE_NOT_ALLOWED}
     */
    public StoredFile store(TenantId tenant, InputStream in, String originalName, long limit) throws IOException {
        String versionId = UUID.randomUUID().toString();
        MessageDigest sha = sha256();
        long size = 0;
        try (BlobStore.PendingBlob pending = blobs.create(tenant, versionId)) {
            OutputStream enc = crypto.encrypting(tenant, new NonClosing(pending.output()), aad(versionId));
            byte[] buf = new byte[CHUNK];
            int n;
            while ((n = in.read(buf)) > 0) {
                size += n;
                if (size > limit) {
                    throw new SevaException(ErrorCode.DOCUMENT_TOO_LARGE, "The file is larger than the "
                            + human(limit) + " your firm's plan allows (limit: " + limit + " bytes).");
                }
                sha.update(buf, 0, n);
                enc.write(buf, 0, n);
            }
            if (size == 0) {
                throw new SevaException(ErrorCode.DOCUMENT_EMPTY, "The file is empty.");
            }
            enc.close();
            pending.commit();
        }
        String type;
        try (InputStream plain = crypto.decrypting(tenant, blobs.open(tenant, versionId), aad(versionId))) {
            type = TikaContentInspector.detect(plain);
        } catch (IOException | RuntimeException e) {
            blobs.delete(tenant, versionId);
            throw e;
        }
        if (!TikaContentInspector.allowed(type)) {
            blobs.delete(tenant, versionId);
            throw new SevaException(ErrorCode.DOCUMENT_TYPE_NOT_ALLOWED, "The file is " + type
                    + " (detected from its content, whatever its name); accepted are "
                    + String.join(", ", new java.util.TreeSet<>(TikaContentInspector.ALLOWED.values())) + ".");
        }
        return new StoredFile(versionId, type, size, HexFormat.of().formatHex(sha.digest()), safeName(originalName));
    }

    /** Deletes a stored file whose database row was never committed. */
    public void discard(TenantId tenant, String versionId) {
        try {
            blobs.delete(tenant, versionId);
        } catch (IOException e) {
            LOG.warning("Could not delete blob " + versionId + " (the orphan sweep will): " + e.getMessage());
        }
    }

    /** A verified reader of a stored file: either the whole plaintext, or a stream whose first segment checked. */
    public interface Verified extends AutoCloseable {
        /** Copies the plaintext to {@code out}. */
        void writeTo(OutputStream out) throws IOException;

        @Override
        void close() throws IOException;
    }

    /**
     * @return the plaintext, verified as described in the class comment
     * @throws SevaException {@code DOCUMENT_INTEGRITY_FAILED} when the stored bytes are missing or altered
     */
    public Verified open(TenantId tenant, String versionId, long size) {
        long verifyAll = config.getOptionalValue("seva.documents.verify-before-send-bytes", Long.class)
                .orElse(8L << 20);
        InputStream plain = null;
        try {
            plain = crypto.decrypting(tenant, blobs.open(tenant, versionId), aad(versionId));
            if (size <= verifyAll) {
                SendBuffer checked = SendBuffer.fill(crypto, tenant, plain);
                plain.close();
                return checked;
            }
            java.io.PushbackInputStream p = new java.io.PushbackInputStream(plain, CHUNK);
            byte[] first = p.readNBytes(CHUNK);
            p.unread(first);
            return new Verified() {
                @Override
                public void writeTo(OutputStream out) throws IOException {
                    try {
                        p.transferTo(out);
                    } catch (IOException e) {
                        LOG.severe("Document version " + versionId + " failed its integrity check while it was"
                                + " being sent; the transfer was aborted");
                        throw e;
                    }
                }

                @Override
                public void close() throws IOException {
                    p.close();
                }
            };
        } catch (NoSuchFileException e) {
            closeQuietly(plain);
            LOG.severe("Document version " + versionId + " has no stored file");
            throw new SevaException(ErrorCode.DOCUMENT_INTEGRITY_FAILED, "The stored file is missing.");
        } catch (IOException | RuntimeException e) {
            if (e instanceof SevaException s && s.code() != ErrorCode.DATA_INTEGRITY_FAILED) {
                closeQuietly(plain);
                throw s;
            }
            closeQuietly(plain);
            LOG.severe("Document version " + versionId + " failed its integrity check: " + e.getClass()
                    .getSimpleName());
            throw new SevaException(ErrorCode.DOCUMENT_INTEGRITY_FAILED,
                    "The stored file failed its integrity check and is not served. The firm has been told.");
        }
    }

    /**
     * Decrypts a stored file into a private temporary file (for the processing pipeline: PDFBox and the image
     * readers need random access). The caller deletes it.
     *
     * @throws IOException when the stored bytes are missing or altered
     */
    public Path decryptToTemp(TenantId tenant, String versionId) throws IOException {
        Path tmp = Files.createTempFile("seva-doc-", ".bin", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------")));
        try (InputStream plain = crypto.decrypting(tenant, blobs.open(tenant, versionId), aad(versionId));
                OutputStream out = Files.newOutputStream(tmp)) {
            plain.transferTo(out);
            return tmp;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException e) {
                // closing after a failure
            }
        }
    }

    private static String safeName(String name) {
        if (name == null) {
            return null;
        }
        String base = name.replace('\\', '/');
        // shown back and sent as the download's name: an Aadhaar number in it is kept masked, as in the title
        base = KycReader.redact(base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip());
        return base.isEmpty() ? null : base.length() > 255 ? base.substring(base.length() - 255) : base;
    }

    /** @return a size for people: "10 MB" */
    public static String human(long bytes) {
        if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) {
            return (bytes >> 30) + " GB";
        }
        if (bytes >= 1L << 20) {
            return (bytes >> 20) + " MB";
        }
        return bytes + " bytes";
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keeps the encrypting stream from closing the pending blob's stream (commit does that, after fsync). */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
