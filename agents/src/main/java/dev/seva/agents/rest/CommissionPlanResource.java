package dev.seva.agents.rest;

import dev.seva.agents.internal.Plans;
import dev.seva.sdk.Role;
import jakarta.annotation.security.RolesAllowed;
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
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Commission plans: versions, never edited; a plan under an existing name is its next version. */
@Path("commission-plans")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Agents")
@SecurityRequirement(name = "bearer")
public class CommissionPlanResource {

    @Inject
    Plans plans;

    /** Creates a plan version. */
    @POST
    @RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.MANAGER})
    @Operation(summary = "Create a plan version {name, effectiveFrom, rules[{kind: PERCENT|FLAT|SLAB, serviceCategory?,"
            + " ratePercent?, amountPaise?, slabs?[{fromPaise, toPaise?, ratePercent}], slabMode? WHOLE|MARGINAL,"
            + " capPaise?}], overrides[{level, ratePercent}], holdDays}")
    public Response create(Plans.NewPlan body) {
        Plans.PlanView v = plans.create(body);
        return Response.status(Response.Status.CREATED).entity(v)
                .location(URI.create("/api/v1/commission-plans/" + v.id())).build();
    }

    /** Lists plan versions. */
    @GET
    @RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.MANAGER, Role.Names.STAFF, Role.Names.AUDITOR,
            Role.Names.AGENT})
    @Operation(summary = "Every plan version, newest effective first")
    public List<Plans.PlanView> list() {
        return plans.list();
    }

    /** Reads a plan version. */
    @GET
    @Path("{id}")
    @RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.MANAGER, Role.Names.STAFF, Role.Names.AUDITOR,
            Role.Names.AGENT})
    @Operation(summary = "A plan version (404 when unknown)")
    public Plans.PlanView get(@PathParam("id") String id) {
        return plans.get(id);
    }
}
