package dev.seva.agents.rest;

import dev.seva.agents.internal.Leads;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An agent's public referral link: no sign-in, the tenant from the host. */
@Path("referrals")
@RequestScoped
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Leads")
public class ReferralResource {

    @Inject
    Leads leads;

    /** The referral code's agent and firm. */
    @GET
    @Path("{code}")
    @PermitAll
    @Operation(summary = "Public (no auth): {agentName, firmName} of a referral code; 404 for an unknown or inactive"
            + " agent")
    public Leads.ReferralView get(@PathParam("code") String code) {
        return leads.referral(code);
    }

    /** Takes a lead from the public form. */
    @POST
    @Path("{code}/leads")
    @PermitAll
    @Operation(summary = "Public (no auth): leave contact details {name, phone?, email?, companyName?, message?,"
            + " website (leave empty)} for the code's agent; one of phone/email required. Always 202 {received: true}"
            + " for valid input, whether or not the contact is known; 429 RATE_LIMITED (Retry-After) per address")
    public Response capture(@PathParam("code") String code, Leads.PublicLead body) {
        leads.capture(code, body);
        return Response.accepted(Map.of("received", true)).build();
    }
}
