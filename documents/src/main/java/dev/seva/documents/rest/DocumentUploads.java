package dev.seva.documents.rest;

import dev.seva.documents.internal.DocumentService;
import dev.seva.documents.internal.DocumentStorage;
import dev.seva.documents.internal.StoredFile;
import dev.seva.sdk.ErrorCode;
import dev.seva.sdk.SevaException;
import dev.seva.tenant.TenantInfo;
import dev.seva.tenant.Tenants;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;

/**
 * One upload, outside any transaction (a large file may take minutes): check the caller may upload there, stream the
 * multipart body into the blob store, then record it in one short transaction. If the record fails, the blob goes.
 */
@RequestScoped
class DocumentUploads {

    /** Multipart overhead tolerated above the file limit before refusing from {@code Content-Length} alone. */
    private static final long OVERHEAD = 64 * 1024;

    @Inject
    DocumentService documents;

    @Inject
    DocumentStorage storage;

    @Inject
    Tenants tenants;

    DocumentService.DocumentView newDocument(String entityId, InputStream body, String contentType, long length)
            throws IOException {
        documents.requireEntity(entityId);
        var parsed = read(body, contentType, length);
        DocumentService.Validated v;
        try {
            v = DocumentService.validate(new DocumentService.NewDocument(parsed.fields().get("title"),
                    parsed.fields().get("documentType"), parsed.fields().get("expiresOn")));
            return documents.create(entityId, v, parsed.file());
        } catch (RuntimeException e) {
            storage.discard(tenants.current().id(), parsed.file().versionId());
            throw e;
        }
    }

    DocumentService.VersionView newVersion(String documentId, InputStream body, String contentType, long length)
            throws IOException {
        documents.requireForNewVersion(documentId);
        var parsed = read(body, contentType, length);
        try {
            return documents.addVersion(documentId, parsed.file());
        } catch (RuntimeException e) {
            storage.discard(tenants.current().id(), parsed.file().versionId());
            throw e;
        }
    }

    private MultipartUpload.Parsed<StoredFile> read(InputStream body,
            String contentType, long length) throws IOException {
        TenantInfo tenant = tenants.current();
        long limit = storage.limitFor(tenant.plan());
        if (length > limit + OVERHEAD) {
            throw new SevaException(ErrorCode.DOCUMENT_TOO_LARGE, "The file is larger than the "
                    + DocumentStorage.human(limit) + " your firm's plan allows (limit: " + limit + " bytes).");
        }
        return MultipartUpload.read(body, contentType, length, limit + OVERHEAD, "file",
                (in, name) -> storage.store(tenant.id(), in, name, limit),
                f -> storage.discard(tenant.id(), f.versionId()));
    }
}
