package dev.seva.agents.rest;

import dev.seva.agents.internal.AgentInsights;
import dev.seva.sdk.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An agent's earnings by month, for the portal's chart; the ledger's visibility. */
@Path("agents/{id}/earnings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Agents")
@SecurityRequirement(name = "bearer")
public class AgentEarningsResource {

    @Inject
    AgentInsights insights;

    /** The agent's earnings of the last months. */
    @GET
    @RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.MANAGER, Role.Names.STAFF, Role.Names.AUDITOR,
            Role.Names.AGENT})
    @Operation(summary = "The agent's last months=N (1 to 60, default 12; India) oldest first: {month, accruedPaise,"
            + " overridesPaise, adjustmentsPaise, clawedBackPaise, tdsPaise, paidPaise, netPaise}; 404 when not"
            + " visible (an agent sees itself and its downline)")
    public AgentInsights.Earnings earnings(@PathParam("id") String id,
            @QueryParam("months") @DefaultValue("12") int months) {
        return insights.earnings(id, months);
    }
}
