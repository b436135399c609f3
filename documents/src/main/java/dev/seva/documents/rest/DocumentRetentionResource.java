package dev.seva.documents.rest;

import dev.seva.documents.internal.DocumentService;
import dev.seva.sdk.Role;
import dev.seva.sdk.SevaException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Retention periods per document type: a document cannot be deleted (409 DOCUMENT_RETAINED) until its upload date
 * plus its type's period; without a rule the install-wide default ({@code seva.documents.retention-days}) applies.
 */
@Path("document-retention")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Documents")
@SecurityRequirement(name = "bearer")
public class DocumentRetentionResource {

    @Inject
    DocumentService documents;

    /** The rules. */
    @GET
    @RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.MANAGER, Role.Names.STAFF, Role.Names.AUDITOR})
    @Operation(summary = "The retention periods: {defaultDays, rules: [{documentType, days, updatedAt}]}")
    public DocumentService.Retention list() {
        return documents.retention();
    }

    /** Sets a type's period. */
    @PUT
    @Path("{documentType}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.MANAGER})
    @Operation(summary = "Set the retention period of a document type ({\"days\": 0..36500}; 0 = none for this"
            + " type); applies to every document of the type at once")
    public DocumentService.RetentionRule set(@PathParam("documentType") String documentType, JsonObject body) {
        if (body == null) {
            throw SevaException.invalidField("body", "is required");
        }
        JsonValue days = body.get("days");
        if (days == null || days.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) days)
                .isIntegral()) {
            throw SevaException.invalidField("days", "must be a whole number of days");
        }
        long d = ((JsonNumber) days).longValue();
        if (d < 0 || d > 36500) {
            throw SevaException.invalidField("days", "must be between 0 and 36500");
        }
        return documents.setRetention(documentType, (int) d);
    }

    /** Removes a type's rule. */
    @DELETE
    @Path("{documentType}")
    @RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.MANAGER})
    @Operation(summary = "Remove a document type's retention rule (its documents fall back to the default); 404 when"
            + " there is none")
    public Response remove(@PathParam("documentType") String documentType) {
        documents.removeRetention(documentType);
        return Response.noContent().build();
    }
}
