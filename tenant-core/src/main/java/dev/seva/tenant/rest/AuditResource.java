package dev.seva.tenant.rest;

import dev.seva.sdk.Role;
import dev.seva.sdk.TenantContext;
import dev.seva.sdk.TenantId;
import dev.seva.tenant.internal.AuditLog;
import dev.seva.tenant.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The audit trail of the request's tenant (AUDITOR, TENANT_ADMIN), or of the platform itself for a platform admin
 * on the bare host.
 */
@Path("audit-events")
@RequestScoped
@RolesAllowed({Role.Names.AUDITOR, Role.Names.TENANT_ADMIN, Role.Names.PLATFORM_ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
@SecurityRequirement(name = "bearer")
public class AuditResource {

    @Inject
    AuditLog audit;

    @Inject
    TenantContext tenant;

    /** Lists events, newest first. */
    @GET
    @Operation(summary = "List audit events, newest first")
    public Page<AuditLog.EventView> list(@QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        Paging.check(page, size);
        return audit.page(chain(), page, size);
    }

    /** Checks the hash chain. */
    @GET
    @Path("verify")
    @Operation(summary = "Recompute the hash chain; valid=false names the first broken event")
    public AuditLog.Verification verify() {
        return audit.verify(chain());
    }

    private TenantId chain() {
        // the tenant-claim filter already ensured a platform admin is here only without a tenant, and vice versa
        return tenant.current().orElse(TenantId.PLATFORM);
    }
}
