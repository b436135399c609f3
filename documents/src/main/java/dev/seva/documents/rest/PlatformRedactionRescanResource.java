package dev.seva.documents.rest;

import dev.seva.documents.KycReader;
import dev.seva.documents.internal.RedactionRescans;
import dev.seva.sdk.ErrorCode;
import dev.seva.sdk.Role;
import dev.seva.sdk.SevaException;
import dev.seva.sdk.TenantId;
import dev.seva.tenant.TenantInfo;
import dev.seva.tenant.Tenants;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The redaction rescan of stored document text, asked for by a platform admin (on the bare host). */
@Path("platform/documents/redaction-rescan")
@RequestScoped
@RolesAllowed(Role.Names.PLATFORM_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Platform")
@SecurityRequirement(name = "bearer")
public class PlatformRedactionRescanResource {

    @Inject
    RedactionRescans rescans;

    @Inject
    Tenants tenants;

    /** Starts the rescan of one tenant or of all. */
    @POST
    @Operation(summary = "Mask every tenant's (or one tenant's, ?tenant=<slug>) stored document text, titles, file"
            + " names and fields again with the current Aadhaar redaction: one durable job per tenant, each audited in"
            + " its tenant with counts. onlyOutdated=true: only tenants not yet rescanned under the current rules, as"
            + " at start. 202 {redactionVersion} (every tenant's jobs are enqueued in the background), {redactionVersion,"
            + " enqueued} for one tenant")
    public Response rescan(@QueryParam("tenant") String slug, @QueryParam("onlyOutdated") String onlyOutdated) {
        if (onlyOutdated != null && !onlyOutdated.equals("true") && !onlyOutdated.equals("false")) {
            throw SevaException.invalidField("onlyOutdated", "must be true or false");
        }
        boolean outdated = "true".equals(onlyOutdated);
        if (slug == null) {
            rescans.recordRequest(null, outdated, null);
            rescans.requestAllLater(outdated);
            return Response.accepted(Map.of("redactionVersion", KycReader.REDACTION_VERSION)).build();
        }
        TenantId only = tenants.findBySlug(slug).map(TenantInfo::id)
                .orElseThrow(() -> new SevaException(ErrorCode.TENANT_NOT_FOUND, "No such tenant."));
        int started = rescans.request(only, outdated);
        rescans.recordRequest(slug, outdated, started);
        return Response.accepted(Map.of("redactionVersion", KycReader.REDACTION_VERSION, "enqueued", started))
                .build();
    }
}
