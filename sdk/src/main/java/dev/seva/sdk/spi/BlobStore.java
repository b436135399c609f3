package dev.seva.sdk.spi;

import dev.seva.sdk.TenantId;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Where the vault keeps its blobs (already encrypted by the caller: a store never sees plaintext). A blob is named
 * by its tenant and a key chosen by the caller (the document version's id) and is written once, never changed.
 *
 * <p>
 * <b>Atomic writes.</b> {@link #create} returns a {@link PendingBlob}: its bytes go to a temporary place, and only
 * {@link PendingBlob#commit()} makes them durable (flushed to stable storage) and visible under the key, all at once.
 * Closing a pending blob without committing discards it. The caller commits its database row <i>after</i> the blob
 * is committed; a crash in between leaves a committed blob without a row, which the vault's orphan sweep removes
 * ({@link #keysOlderThan}); a crash while writing leaves an incomplete write, which {@link #purgeIncomplete} removes.
 *
 * <p>
 * The default is a filesystem store (CDI bean in seva-documents); a partner app replaces it (S3-compatible, ...) with
 * an {@code @Alternative @Priority} bean. Threading: implementations are thread-safe; one pending blob is written by
 * one thread. Errors: {@link IOException}; {@link java.nio.file.NoSuchFileException} for a key that does not exist.
 */
public interface BlobStore {

    /**
     * @param tenant the owner
     * @param key the blob's key, {@code [A-Za-z0-9-]{1,64}}
     * @return a pending blob to write into
     * @throws IOException when the store cannot accept writes
     */
    PendingBlob create(TenantId tenant, String key) throws IOException;

    /**
     * @return the committed blob's bytes, streamed; the caller closes the stream
     * @throws java.nio.file.NoSuchFileException when there is no such blob
     */
    InputStream open(TenantId tenant, String key) throws IOException;

    /** @return whether a committed blob exists under the key */
    boolean exists(TenantId tenant, String key) throws IOException;

    /** Deletes the blob if it exists (crypto-shredding aside, the only way bytes leave the store). */
    void delete(TenantId tenant, String key) throws IOException;

    /** @return the tenants that have blobs (for the orphan sweep) */
    Set<TenantId> tenants() throws IOException;

    /**
     * @return keys of the tenant's committed blobs that were committed before {@code before} (candidates for the
     *         orphan sweep, which deletes those that no database row names)
     */
    List<String> keysOlderThan(TenantId tenant, Instant before) throws IOException;

    /**
     * Removes incomplete writes (a crash mid-upload) started before {@code before}.
     *
     * @return how many were removed
     */
    int purgeIncomplete(Instant before) throws IOException;

    /** A blob being written: write to {@link #output()}, then {@link #commit()}; {@link #close()} alone discards. */
    interface PendingBlob extends Closeable {

        /** @return where the bytes go; do not close it before {@link #commit()} (commit closes it) */
        OutputStream output();

        /**
         * Makes the blob durable and visible under its key, atomically.
         *
         * @throws IOException when that fails; the blob is then discarded
         */
        void commit() throws IOException;

        /** Discards the blob unless it was committed. */
        @Override
        void close() throws IOException;
    }
}
