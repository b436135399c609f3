package dev.seva.tenant.rest;

import dev.seva.sdk.Role;
import dev.seva.sdk.SevaException;
import dev.seva.tenant.internal.JsonFields;
import dev.seva.tenant.internal.PlatformTenantService;
import dev.seva.tenant.internal.PlatformTenantService.NewTenant;
import dev.seva.tenant.internal.PlatformTenantService.TenantView;
import dev.seva.tenant.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
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

/** The platform's tenants (PLATFORM_ADMIN, on the bare host with no tenant). */
@Path("platform/tenants")
@RequestScoped
@RolesAllowed(Role.Names.PLATFORM_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
@Tag(name = "Platform")
@SecurityRequirement(name = "bearer")
public class PlatformTenantResource {

    @Inject
    PlatformTenantService tenants;

    /** Creates a tenant and its first TENANT_ADMIN; the same request again returns the same tenant. */
    @POST
    @Operation(summary = "Create a tenant (idempotent on the same body; 409 when the slug or a domain is taken)")
    public Response create(NewTenant body) {
        PlatformTenantService.Created created = tenants.create(body);
        created.event().ifPresent(e -> tenants.recordOnPlatform(java.util.List.of(e)));
        TenantView t = created.tenant();
        return Response.status(Response.Status.CREATED).entity(t)
                .location(java.net.URI.create("/api/v1/platform/tenants/" + t.slug())).build();
    }

    /** Lists tenants. */
    @GET
    @Operation(summary = "List tenants, newest first")
    public Page<TenantView> list(@QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        Paging.check(page, size);
        return tenants.page(page, size);
    }

    /** Suspends or reactivates a tenant, or changes its plan. */
    @PATCH
    @Path("{slug}")
    @Operation(summary = "Change a tenant's status (ACTIVE, SUSPENDED) or plan")
    public TenantView update(@PathParam("slug") String slug, JsonObject body) {
        if (body == null) {
            throw SevaException.invalidField("body", "is required");
        }
        PlatformTenantService.Updated updated = tenants.update(slug, JsonFields.text(body, "status"),
                JsonFields.text(body, "plan"));
        tenants.recordOnPlatform(updated.events());
        return updated.tenant();
    }
}
