package dev.seva.tenant.rest;

import dev.seva.sdk.Role;
import dev.seva.sdk.SevaException;
import dev.seva.tenant.internal.UserService;
import dev.seva.tenant.internal.UserService.NewUser;
import dev.seva.tenant.internal.UserService.UserView;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tenant's users (TENANT_ADMIN). */
@Path("users")
@RequestScoped
@RolesAllowed(Role.Names.TENANT_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
@Tag(name = "Users")
@SecurityRequirement(name = "bearer")
public class UserResource {

    @Inject
    UserService users;

    /** Creates a user. */
    @POST
    @Operation(summary = "Create a user (409 EMAIL_TAKEN when the e-mail is used in this tenant)")
    public Response create(NewUser body) {
        UserView u = users.create(body);
        return Response.status(Response.Status.CREATED).entity(u)
                .location(java.net.URI.create("/api/v1/users/" + u.id())).build();
    }

    /** Lists users. */
    @GET
    @Operation(summary = "List the tenant's users")
    public Page<UserView> list(@QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        Paging.check(page, size);
        return users.page(page, size);
    }

    /** Reads a user. */
    @GET
    @Path("{id}")
    @Operation(summary = "Read a user")
    public UserView get(@PathParam("id") String id) {
        return users.get(id);
    }

    /** Changes a user's name, roles, password or status. */
    @PATCH
    @Path("{id}")
    @Operation(summary = "Change name, roles, password or status (ACTIVE, DISABLED)")
    public UserView update(@PathParam("id") String id, JsonObject body) {
        if (body == null) {
            throw SevaException.invalidField("body", "is required");
        }
        return users.update(id, body);
    }

    /** Deletes a user. */
    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a user and their memberships")
    public Response delete(@PathParam("id") String id) {
        users.delete(id);
        return Response.noContent().build();
    }
}
