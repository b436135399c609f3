package dev.seva.agents.rest;

import dev.seva.agents.internal.AgentInsights;
import dev.seva.sdk.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An agent's referral link as a QR code; the ledger's visibility. */
@Path("agents/{id}/referral-qr")
@RequestScoped
@Tag(name = "Agents")
@SecurityRequirement(name = "bearer")
public class AgentReferralQrResource {

    @Inject
    AgentInsights insights;

    @Context
    UriInfo uri;

    /** The QR code. */
    @GET
    @Produces("image/svg+xml")
    @RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.MANAGER, Role.Names.STAFF, Role.Names.AUDITOR,
            Role.Names.AGENT})
    @Operation(summary = "The agent's referral link <origin>/refer/?code=<referralCode> as an SVG QR code (the link"
            + " itself in the X-Referral-Link header); 404 when not visible")
    public Response qr(@PathParam("id") String id) {
        URI base = uri.getBaseUri();
        String origin = base.getScheme() + "://" + base.getRawAuthority();
        AgentInsights.ReferralQr qr = insights.referralQr(id, origin);
        return Response.ok(qr.svg(), "image/svg+xml").header("X-Referral-Link", qr.link())
                .header("Cache-Control", "private, max-age=300").build();
    }
}
