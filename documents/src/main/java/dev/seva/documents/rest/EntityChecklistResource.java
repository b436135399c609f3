package dev.seva.documents.rest;

import dev.seva.documents.internal.DocumentService;
import dev.seva.sdk.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An entity's checklist: what its type requires and which document satisfies it (own root path, see upload). */
@Path("entities/{entityId}/checklist")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Documents")
@SecurityRequirement(name = "bearer")
public class EntityChecklistResource {

    @Inject
    DocumentService documents;

    /** The entity's checklist. */
    @GET
    @RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.MANAGER, Role.Names.STAFF, Role.Names.CLIENT,
            Role.Names.AGENT, Role.Names.AUDITOR})
    @Operation(summary = "Each requirement of the entity's type with its status and satisfiedBy (document id), or"
            + " MISSING")
    public DocumentService.Checklist checklist(@PathParam("entityId") String entityId) {
        return documents.checklist(entityId);
    }
}
