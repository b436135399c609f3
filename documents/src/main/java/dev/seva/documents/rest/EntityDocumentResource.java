package dev.seva.documents.rest;

import dev.seva.sdk.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Uploads to an entity. Its own root path (not {@code entities/{id}} with sub-paths): JAX-RS picks one root resource
 * class per request, and a broader {@code entities/{id}} class here would hide tenant-core's entity endpoints.
 */
@Path("entities/{entityId}/documents")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Documents")
@SecurityRequirement(name = "bearer")
public class EntityDocumentResource {

    @Inject
    DocumentUploads uploads;

    /** Uploads a document, streamed. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.MANAGER, Role.Names.STAFF, Role.Names.CLIENT,
            Role.Names.AGENT})
    @Operation(summary = "Upload a document (multipart: file, title?, documentType?, expiresOn?), streamed and"
            + " encrypted; 413 DOCUMENT_TOO_LARGE over the plan's limit, 415 DOCUMENT_TYPE_NOT_ALLOWED for a type"
            + " (detected from the bytes) outside PDF, PNG, JPEG, TIFF, WebP, DOCX, XLSX, ODT, text, CSV; 400"
            + " DOCUMENT_EMPTY. Processing (text, OCR, classification) follows: poll GET /documents/{id} for status")
    public Response upload(@PathParam("entityId") String entityId, @Context HttpHeaders headers, InputStream body)
            throws IOException {
        var d = uploads.newDocument(entityId, body, headers.getHeaderString(HttpHeaders.CONTENT_TYPE),
                headers.getLength());
        return Response.status(Response.Status.CREATED).entity(d).location(URI.create("/api/v1/documents/" + d.id()))
                .build();
    }
}
