package dev.seva.agents.rest;

import dev.seva.agents.internal.Leads;
import dev.seva.agents.internal.Leads.LeadView;
import dev.seva.sdk.Role;
import dev.seva.tenant.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Leads of staff and agents. An AGENT user captures leads for themself and sees those of their agent and its
 * downline; staff see and assign all; clients have no access.
 */
@Path("leads")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Leads")
@SecurityRequirement(name = "bearer")
public class LeadResource {

    @Inject
    Leads leads;

    /** Captures a lead. */
    @POST
    @RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.MANAGER, Role.Names.STAFF, Role.Names.AGENT})
    @Operation(summary = "Capture a lead {name, phone?, email?, companyName?, city?, state?, pincode?,"
            + " serviceCategory?, referralCode?, source? (AGENT|REFERRAL_LINK|STAFF), note?}; one of phone/email"
            + " required. An agent's lead is their own; staff's goes to the referral code's agent, else by territory"
            + " to the matching ACTIVE agent with the fewest open leads. 409 LEAD_DUPLICATE when the normalised"
            + " phone (+91/0 stripped) or lower-cased e-mail is known in the firm, with existingLeadId when the caller"
            + " may see that lead (staff; an agent: its own and its downline's)")
    public Response create(Leads.NewLead body) {
        LeadView v = leads.create(body);
        return Response.status(Response.Status.CREATED).entity(v).location(URI.create("/api/v1/leads/" + v.id()))
                .build();
    }

    /** Lists leads. */
    @GET
    @RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.MANAGER, Role.Names.STAFF, Role.Names.AUDITOR,
            Role.Names.AGENT})
    @Operation(summary = "Leads the caller may see (an agent: its own and its downline's), newest first; filters"
            + " stage, agentId, q (name, e-mail, phone, company)")
    public Page<LeadView> list(@QueryParam("stage") String stage, @QueryParam("agentId") String agentId,
            @QueryParam("q") String q, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        return leads.page(stage, agentId, q, page, size);
    }

    /** Reads a lead. */
    @GET
    @Path("{id}")
    @RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.MANAGER, Role.Names.STAFF, Role.Names.AUDITOR,
            Role.Names.AGENT})
    @Operation(summary = "A lead (404 when not visible)")
    public LeadView get(@PathParam("id") String id) {
        return leads.get(id);
    }

    /** Changes a lead. */
    @PATCH
    @Path("{id}")
    @RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.MANAGER, Role.Names.STAFF, Role.Names.AGENT})
    @Operation(summary = "Change {stage?, agentId? (staff; \"\" unassigns), note?, lostReason?}: stages only move"
            + " forward NEW → CONTACTED → QUALIFIED, LOST from any open stage, CONVERTED only by convert (409"
            + " LEAD_STAGE_INVALID); every change goes to the lead's history")
    public LeadView change(@PathParam("id") String id, Leads.LeadChange body) {
        return leads.change(id, body);
    }

    /** The lead's history. */
    @GET
    @Path("{id}/history")
    @RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.MANAGER, Role.Names.STAFF, Role.Names.AUDITOR,
            Role.Names.AGENT})
    @Operation(summary = "Every change of the lead, oldest first: {kind: CREATED|ASSIGNED|STAGE|NOTE|REFERRAL,"
            + " fromValue, toValue, note, actor, createdAt}")
    public Page<Leads.LeadEventView> history(@PathParam("id") String id) {
        return leads.history(id);
    }

    /** Converts a lead. */
    @POST
    @Path("{id}/convert")
    @RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.MANAGER, Role.Names.STAFF})
    @Operation(summary = "Convert {entity: {legalName, type, pan?, gstin?, state?} | entityId, createClientUser?,"
            + " memberRole? (OWNER|MEMBER)}: creates or links the entity; a new entity gets the client user found or"
            + " created by the lead's e-mail as OWNER (or memberRole) unless createClientUser is false; an existing"
            + " entity gets it only with memberRole (createClientUser true without it: 400); records the referring"
            + " agent (409 AGENT_ATTRIBUTION_FIXED when another agent holds it), stage CONVERTED; one transaction."
            + " Answers {lead, entityId, userId}")
    public Leads.Converted convert(@PathParam("id") String id, Leads.Conversion body) {
        return leads.convert(id, body);
    }
}
