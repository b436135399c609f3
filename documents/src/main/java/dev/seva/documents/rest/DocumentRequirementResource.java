package dev.seva.documents.rest;

import dev.seva.documents.internal.DocumentService;
import dev.seva.sdk.Role;
import dev.seva.sdk.SevaException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The documents each entity type needs: the rows of every entity's checklist. */
@Path("document-requirements")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Documents")
@SecurityRequirement(name = "bearer")
public class DocumentRequirementResource {

    @Inject
    DocumentService documents;

    /** A new requirement. */
    public record NewRequirement(String entityType, String documentType, Boolean required, String description) {
    }

    /** Creates a requirement. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.MANAGER, Role.Names.STAFF})
    @Operation(summary = "Require (or recommend, required=false) a document type for an entity type; 409"
            + " DOCUMENT_REQUIREMENT_EXISTS")
    public Response create(NewRequirement body) {
        if (body == null) {
            throw SevaException.invalidField("body", "is required");
        }
        return Response.status(Response.Status.CREATED).entity(documents.createRequirement(body.entityType(),
                body.documentType(), body.required(), body.description())).build();
    }

    /** Lists requirements. */
    @GET
    @RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.MANAGER, Role.Names.STAFF, Role.Names.CLIENT,
            Role.Names.AGENT, Role.Names.AUDITOR})
    @Operation(summary = "The requirements, optionally of one entityType")
    public List<DocumentService.RequirementView> list(@QueryParam("entityType") String entityType) {
        return documents.requirements(entityType);
    }
}
