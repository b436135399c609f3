package dev.seva.agents.rest;

import dev.seva.agents.internal.AgentInsights;
import dev.seva.sdk.Role;
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
 * The staff leaderboard of agents for a month. A root resource of its own (a longer literal path than
 * {@link AgentResource}'s {@code agents/{id}}), so that {@code leaderboard} is never taken for an agent id.
 */
@Path("agents/leaderboard")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Agents")
@SecurityRequirement(name = "bearer")
public class AgentLeaderboardResource {

    @Inject
    AgentInsights insights;

    /** The month's leaderboard. */
    @GET
    @RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.MANAGER, Role.Names.STAFF, Role.Names.AUDITOR})
    @Operation(summary = "Staff: every agent's month=YYYY-MM (India; default this month) {rank, agentId, agentName,"
            + " referralCode, parentAgentId, conversions, capturedPaise (payments captured from the agent's attributed"
            + " clients), commissionPaise (accruals + overrides + adjustments - clawbacks)}, best commission first;"
            + " conversionsAre says what conversions counts")
    public AgentInsights.Leaderboard leaderboard(@QueryParam("month") String month,
            @QueryParam("limit") @DefaultValue("500") int limit) {
        return insights.leaderboard(month, limit);
    }
}
