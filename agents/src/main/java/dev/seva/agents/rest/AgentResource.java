package dev.seva.agents.rest;

import dev.seva.agents.internal.Agents;
import dev.seva.agents.internal.Agents.AgentView;
import dev.seva.agents.internal.Statements;
import dev.seva.sdk.Role;
import dev.seva.tenant.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Agents, their referred entities, commission ledger and statements. Staff manage agents; an AGENT user reads their
 * own agent and its downline (any other agent is 404).
 */
@Path("agents")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Agents")
@SecurityRequirement(name = "bearer")
public class AgentResource {

    @Inject
    Agents agents;

    @Inject
    Statements statements;

    /** Creates an agent. */
    @POST
    @RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.MANAGER, Role.Names.STAFF})
    @Operation(summary = "Create an agent {userId?, name, email, phone, pan?, parentAgentId?, planId?, territories[]"
            + " (labels), territory? {states[], cities[], pincodes[], serviceCategories[]} (lead assignment)};"
            + " answers it with its unique referralCode")
    public Response create(Agents.NewAgent body) {
        AgentView v = agents.create(body);
        return Response.status(Response.Status.CREATED).entity(v).location(URI.create("/api/v1/agents/" + v.id()))
                .build();
    }

    /** Lists agents. */
    @GET
    @RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.MANAGER, Role.Names.STAFF, Role.Names.AUDITOR,
            Role.Names.AGENT})
    @Operation(summary = "Agents the caller may see (staff: all; an agent: itself and its downline), newest first")
    public Page<AgentView> list(@QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        return agents.page(page, size);
    }

    /** Reads an agent. */
    @GET
    @Path("{id}")
    @RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.MANAGER, Role.Names.STAFF, Role.Names.AUDITOR,
            Role.Names.AGENT})
    @Operation(summary = "An agent (404 when not visible)")
    public AgentView get(@PathParam("id") String id) {
        return agents.get(id);
    }

    /** Moves an agent in the tree, changes its plan or status. */
    @PATCH
    @Path("{id}")
    @RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.MANAGER})
    @Operation(summary = "Change {parentAgentId? (\"\" for none), planId?, status?, territory?}; 422"
            + " AGENT_HIERARCHY_CYCLE when the"
            + " new parent is in the agent's downline; entries already written keep their agents")
    public AgentView change(@PathParam("id") String id, Agents.AgentChange body) {
        return agents.change(id, body);
    }

    /** Sets the agent's bank account. */
    @PUT
    @Path("{id}/bank-account")
    @RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.MANAGER, Role.Names.AGENT})
    @Operation(summary = "Set the payout account {accountName, accountNumber (9-18 digits), ifsc}; admins, managers or"
            + " the agent themself. Stored encrypted; the agent shows bankAccount {accountName, accountNumberMasked,"
            + " ifsc}")
    public AgentView bankAccount(@PathParam("id") String id, Agents.NewBankAccount body) {
        return agents.setBankAccount(id, body);
    }

    /** Records the agent as an entity's referring agent. */
    @POST
    @Path("{id}/clients")
    @RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.MANAGER, Role.Names.STAFF})
    @Operation(summary = "Record the agent as the referring agent of a business entity {entityId}; the same agent"
            + " again is a no-op, another agent 409 AGENT_ATTRIBUTION_FIXED (attribution is fixed once recorded)")
    public Response attribute(@PathParam("id") String id, Agents.NewClient body) {
        return Response.status(Response.Status.CREATED).entity(agents.attribute(id, body)).build();
    }

    /** The agent's ledger. */
    @GET
    @Path("{id}/ledger")
    @RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.MANAGER, Role.Names.STAFF, Role.Names.AUDITOR,
            Role.Names.AGENT})
    @Operation(summary = "Ledger entries {kind: ACCRUAL|OVERRIDE|CLAWBACK|TDS|PAYOUT|ADJUSTMENT, amountPaise (signed),"
            + " paymentId?, ...} that occurred between from and to (dates YYYY-MM-DD in India, inclusive)")
    public Page<Statements.EntryView> ledger(@PathParam("id") String id, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("100") int size) {
        return statements.ledger(id, from, to, page, size);
    }

    /** The agent's statement of a month. */
    @GET
    @Path("{id}/statement")
    @RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.MANAGER, Role.Names.STAFF, Role.Names.AUDITOR,
            Role.Names.AGENT})
    @Produces({MediaType.APPLICATION_JSON, "text/csv", "application/pdf"})
    @Operation(summary = "The statement of month=YYYY-MM (India): opening, accrued, overrides, adjustments, clawedBack,"
            + " tds, paid, closing; opening + movements = closing. format=csv or pdf downloads it with every entry of"
            + " the month and the running balance (default json)")
    public Response statement(@PathParam("id") String id, @QueryParam("month") String month,
            @QueryParam("format") String format) {
        if (format == null || format.isBlank() || format.equals("json")) {
            return Response.ok(statements.statement(id, month), MediaType.APPLICATION_JSON).build();
        }
        Statements.Download d = statements.download(id, month, format);
        return Response.ok(d.bytes(), d.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + d.fileName() + "\"")
                .header("Cache-Control", "no-store").build();
    }
}
