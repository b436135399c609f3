package dev.seva.tenant.rest;

import dev.seva.sdk.Role;
import dev.seva.sdk.SevaException;
import dev.seva.tenant.internal.EntityService;
import dev.seva.tenant.internal.EntityService.EntityView;
import dev.seva.tenant.internal.EntityService.MemberView;
import dev.seva.tenant.internal.EntityService.NewEntity;
import dev.seva.tenant.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Business entities. Staff manage them; clients and agents read those they are members of (others are 404).
 */
@Path("entities")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
@Tag(name = "Entities")
@SecurityRequirement(name = "bearer")
public class EntityResource {

    @Inject
    EntityService entities;

    /** A new membership. */
    public record NewMember(String userId, String role) {
    }

    /** Creates an entity. */
    @POST
    @RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.MANAGER, Role.Names.STAFF})
    @Operation(summary = "Create a business entity; PAN, GSTIN (check character) and CIN are validated")
    public Response create(NewEntity body) {
        EntityView e = entities.create(body);
        return Response.status(Response.Status.CREATED).entity(e)
                .location(java.net.URI.create("/api/v1/entities/" + e.id())).build();
    }

    /** Lists the entities the caller may see. */
    @GET
    @RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.MANAGER, Role.Names.STAFF, Role.Names.AGENT,
            Role.Names.CLIENT, Role.Names.AUDITOR})
    @Operation(summary = "Staff: all of the tenant's entities; others: those they are a member of")
    public Page<EntityView> list(@QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        Paging.check(page, size);
        return entities.page(page, size);
    }

    /** Reads an entity. */
    @GET
    @Path("{id}")
    @RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.MANAGER, Role.Names.STAFF, Role.Names.AGENT,
            Role.Names.CLIENT, Role.Names.AUDITOR})
    @Operation(summary = "Read an entity (404 when not visible to the caller)")
    public EntityView get(@PathParam("id") String id) {
        return entities.get(id);
    }

    /** Changes an entity. */
    @PATCH
    @Path("{id}")
    @RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.MANAGER, Role.Names.STAFF})
    @Operation(summary = "Change an entity (merge patch; null clears an optional field)")
    public EntityView update(@PathParam("id") String id, JsonObject body) {
        if (body == null) {
            throw SevaException.invalidField("body", "is required");
        }
        return entities.update(id, body);
    }

    /** Adds a member. */
    @POST
    @Path("{id}/members")
    @RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.MANAGER, Role.Names.STAFF})
    @Operation(summary = "Add a user of this tenant to the entity as OWNER or MEMBER")
    public Response addMember(@PathParam("id") String id, NewMember body) {
        if (body == null) {
            throw SevaException.invalidField("body", "is required");
        }
        return Response.status(Response.Status.CREATED).entity(entities.addMember(id, body.userId(), body.role()))
                .build();
    }

    /** Lists the members. */
    @GET
    @Path("{id}/members")
    @RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.MANAGER, Role.Names.STAFF, Role.Names.AGENT,
            Role.Names.CLIENT, Role.Names.AUDITOR})
    @Operation(summary = "List the entity's members")
    public List<MemberView> members(@PathParam("id") String id) {
        return entities.members(id);
    }

    /** Removes a member. */
    @DELETE
    @Path("{id}/members/{userId}")
    @RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.MANAGER, Role.Names.STAFF})
    @Operation(summary = "Remove a user from the entity")
    public Response removeMember(@PathParam("id") String id, @PathParam("userId") String userId) {
        entities.removeMember(id, userId);
        return Response.noContent().build();
    }

}
