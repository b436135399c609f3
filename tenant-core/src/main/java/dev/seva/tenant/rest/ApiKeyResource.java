package dev.seva.tenant.rest;

import dev.seva.sdk.Role;
import dev.seva.tenant.internal.ApiKeyService;
import dev.seva.tenant.internal.ApiKeyService.ApiKeyView;
import dev.seva.tenant.internal.ApiKeyService.CreatedKey;
import dev.seva.tenant.internal.ApiKeyService.NewKey;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import dev.seva.tenant.Page;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tenant's API keys for partner systems (TENANT_ADMIN). */
@Path("api-keys")
@RequestScoped
@RolesAllowed(Role.Names.TENANT_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "API keys")
@SecurityRequirement(name = "bearer")
public class ApiKeyResource {

    @Inject
    ApiKeyService keys;

    /** Creates a key; the answer is the only time the key is shown. */
    @POST
    @Operation(summary = "Create a scoped API key (shown once, stored hashed); use it as 'Authorization: ApiKey <key>'")
    public Response create(NewKey body) {
        CreatedKey k = keys.create(body);
        return Response.status(Response.Status.CREATED).entity(k)
                .location(java.net.URI.create("/api/v1/api-keys/" + k.id())).build();
    }

    /** Lists keys without their secrets. */
    @GET
    @Operation(summary = "List API keys (never their secrets), with last use and revocation")
    public Page<ApiKeyView> list(@QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        Paging.check(page, size);
        return keys.page(page, size);
    }

    /** Revokes a key. */
    @DELETE
    @Path("{id}")
    @Operation(summary = "Revoke an API key; it stops working at once")
    public Response revoke(@PathParam("id") String id) {
        keys.revoke(id);
        return Response.noContent().build();
    }
}
