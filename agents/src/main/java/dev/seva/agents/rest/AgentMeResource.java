package dev.seva.agents.rest;

import dev.seva.agents.internal.AgentInsights;
import dev.seva.agents.internal.Agents.AgentView;
import dev.seva.sdk.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The signed-in user's own agent record (what the agent portal starts from). */
@Path("agents/me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Agents")
@SecurityRequirement(name = "bearer")
public class AgentMeResource {

    @Inject
    AgentInsights insights;

    /** The caller's agent. */
    @GET
    @RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.MANAGER, Role.Names.STAFF, Role.Names.AUDITOR,
            Role.Names.AGENT})
    @Operation(summary = "The signed-in user's agent (404 when the user is no agent)")
    public AgentView me() {
        return insights.me();
    }
}
