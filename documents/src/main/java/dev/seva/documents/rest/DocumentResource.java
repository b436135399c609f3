package dev.seva.documents.rest;

import dev.seva.documents.internal.DocumentReminders;
import dev.seva.documents.internal.DocumentService;
import dev.seva.documents.internal.DocumentStorage;
import dev.seva.sdk.ErrorCode;
import dev.seva.sdk.FieldError;
import dev.seva.sdk.Role;
import dev.seva.sdk.SevaException;
import dev.seva.tenant.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Documents: read, search, versions, content, fields, review, delete. */
@Path("documents")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Documents")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.MANAGER, Role.Names.STAFF, Role.Names.CLIENT, Role.Names.AGENT,
        Role.Names.AUDITOR})
public class DocumentResource {

    @Inject
    DocumentService documents;

    @Inject
    DocumentStorage storage;

    @Inject
    DocumentUploads uploads;

    @Inject
    DocumentReminders reminders;

    /** Search. */
    @GET
    @Operation(summary = "Search documents: q is full-text over titles and extracted text (PostgreSQL websearch"
            + " syntax); filters entityId, documentType, status, expiringBefore (date), reviewState (PENDING_REVIEW,"
            + " APPROVED, REJECTED: the reviewer queue). Clients see only their entities' documents. Results leave"
            + " out review (GET /documents/{id} has it)")
    public Page<DocumentService.DocumentView> search(@QueryParam("q") String q, @QueryParam("entityId") String entityId,
            @QueryParam("documentType") String documentType, @QueryParam("status") String status,
            @QueryParam("expiringBefore") String expiringBefore, @QueryParam("reviewState") String reviewState,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        List<FieldError> errors = new ArrayList<>();
        if (page < 0) {
            errors.add(new FieldError("page", "must be 0 or more"));
        }
        if (size < 1 || size > 200) {
            errors.add(new FieldError("size", "must be between 1 and 200"));
        }
        if (!errors.isEmpty()) {
            throw new SevaException(ErrorCode.VALIDATION_FAILED, "Invalid paging parameters.", errors);
        }
        return documents.search(new DocumentService.Query(q, entityId, documentType, status, expiringBefore,
                reviewState, page, size));
    }

    /** One document. */
    @GET
    @Path("{id}")
    @Operation(summary = "A document: status (PROCESSING, READY, FAILED + failureReason), ocr {state, engine, pages,"
            + " confidence}, classification, fields (pan, gstin, cin, ifsc, aadhaarMasked, dates), reviewState and"
            + " review {version, decision, comment, createdAt}: the newest decision on the current version")
    public DocumentService.DocumentView get(@PathParam("id") String id) {
        return documents.get(id);
    }

    /** The original bytes. */
    @GET
    @Path("{id}/content")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "The original file of the newest (or the given) version, with its media type; audited;"
            + " 409 DOCUMENT_INTEGRITY_FAILED when the stored file was altered")
    public Response content(@PathParam("id") String id, @QueryParam("version") Integer version) {
        DocumentService.ContentRef ref = documents.content(id, version);
        DocumentStorage.Verified v = storage.open(ref.tenant(), ref.versionId(), ref.size());
        StreamingOutput out = os -> {
            try (v) {
                v.writeTo(os);
            }
        };
        String name = ref.fileName() == null ? "document" : ref.fileName();
        return Response.ok(out, ref.mediaType()).header(HttpHeaders.CONTENT_LENGTH, ref.size())
                .header("Content-Disposition", "attachment; filename*=UTF-8''" + URLEncoder.encode(name,
                        StandardCharsets.UTF_8).replace("+", "%20"))
                .header("X-Content-Type-Options", "nosniff").header("Cache-Control", "private, no-store").build();
    }

    /** The text. */
    @GET
    @Path("{id}/text")
    @Produces({MediaType.TEXT_PLAIN + ";charset=utf-8", MediaType.APPLICATION_JSON})
    @Operation(summary = "The newest version's extracted or OCR text (Aadhaar numbers masked); audited")
    public String text(@PathParam("id") String id) {
        return documents.text(id);
    }

    /** Adds a version. */
    @POST
    @Path("{id}/versions")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.MANAGER, Role.Names.STAFF, Role.Names.CLIENT,
            Role.Names.AGENT})
    @Operation(summary = "Upload a new version (multipart: file); older versions stay readable; status and review"
            + " start again")
    public Response addVersion(@PathParam("id") String id, @Context HttpHeaders headers, InputStream body)
            throws IOException {
        var v = uploads.newVersion(id, body, headers.getHeaderString(HttpHeaders.CONTENT_TYPE), headers.getLength());
        return Response.status(Response.Status.CREATED).entity(v).build();
    }

    /** The versions. */
    @GET
    @Path("{id}/versions")
    @Operation(summary = "The document's versions, newest first")
    public List<DocumentService.VersionView> versions(@PathParam("id") String id) {
        return documents.versions(id);
    }

    /** The expiry reminders. */
    @GET
    @Path("{id}/reminders")
    @RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.MANAGER, Role.Names.STAFF, Role.Names.AUDITOR})
    @Operation(summary = "The document's expiry reminders (30/7/1 days before expiresOn), newest first: status"
            + " PENDING, SENT, SKIPPED (no mail server, no recipient, document changed; reason) or FAILED; staff only")
    public List<DocumentReminders.ReminderView> reminders(@PathParam("id") String id) {
        return reminders.list(id);
    }

    /** Corrects fields. */
    @PATCH
    @Path("{id}/fields")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.MANAGER, Role.Names.STAFF})
    @Operation(summary = "Staff correct extracted fields of the newest version ({\"pan\": \"...\", \"aadhaar\":"
            + " \"full number, stored masked\", \"expiresOn\": \"2030-03-31\", field: null removes})")
    public DocumentService.DocumentView correctFields(@PathParam("id") String id, JsonObject body) {
        if (body == null) {
            throw SevaException.invalidField("body", "is required");
        }
        Map<String, String> changes = new LinkedHashMap<>();
        for (var e : body.entrySet()) {
            JsonValue v = e.getValue();
            if (v.getValueType() == JsonValue.ValueType.NULL) {
                changes.put(e.getKey(), null);
            } else if (v.getValueType() == JsonValue.ValueType.STRING) {
                changes.put(e.getKey(), body.getString(e.getKey()));
            } else {
                throw SevaException.invalidField(e.getKey(), "must be a string or null");
            }
        }
        return documents.correctFields(id, changes);
    }

    /** Changes title, type, expiry or legal hold. */
    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.MANAGER, Role.Names.STAFF})
    @Operation(summary = "Staff change title, documentType, expiresOn; managers set legalHold")
    public DocumentService.DocumentView update(@PathParam("id") String id, JsonObject body) {
        if (body == null) {
            throw SevaException.invalidField("body", "is required");
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        for (var e : body.entrySet()) {
            JsonValue v = e.getValue();
            changes.put(e.getKey(), switch (v.getValueType()) {
                case NULL -> null;
                case STRING -> body.getString(e.getKey());
                case TRUE -> Boolean.TRUE;
                case FALSE -> Boolean.FALSE;
                default -> throw SevaException.invalidField(e.getKey(), "has the wrong type");
            });
        }
        return documents.update(id, changes);
    }

    /** A review decision. */
    public record ReviewRequest(String decision, String comment) {
    }

    /** Reviews the newest version. */
    @POST
    @Path("{id}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.MANAGER, Role.Names.STAFF})
    @Operation(summary = "APPROVE or REJECT (comment required) the newest version; reviewState follows the newest"
            + " version")
    public DocumentService.DocumentView review(@PathParam("id") String id, ReviewRequest body) {
        if (body == null) {
            throw SevaException.invalidField("body", "is required");
        }
        return documents.review(id, body.decision(), body.comment());
    }

    /** Soft delete. */
    @DELETE
    @Path("{id}")
    @RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.MANAGER, Role.Names.STAFF})
    @Operation(summary = "Soft delete; 409 DOCUMENT_LEGAL_HOLD or DOCUMENT_RETAINED")
    public Response delete(@PathParam("id") String id) {
        documents.delete(id);
        return Response.noContent().build();
    }
}
