package dev.seva.agents.rest;

import dev.seva.agents.internal.Payouts;
import dev.seva.sdk.Role;
import dev.seva.tenant.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
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

/** Payout runs of agents' commissions, with TDS under section 194H, and their bank transfer files. */
@Path("payout-runs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Agents")
@SecurityRequirement(name = "bearer")
public class PayoutRunResource {

    @Inject
    Payouts payouts;

    /** Makes (or answers) the run of a period end. */
    @POST
    @RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.MANAGER})
    @Operation(summary = "Run payouts {periodEnd: YYYY-MM-DD, not in the future}: every agent's balance of entries past"
            + " their hold as of periodEnd is paid (TDS entry under 194H, PAYOUT entry with a reference); negative"
            + " balances are carried forward and agents without a bank account skipped, both listed. 201 for a new"
            + " run; the same periodEnd again answers the same run (200) and writes nothing; an earlier periodEnd"
            + " than the latest run is 422 PAYOUT_PERIOD_INVALID")
    public Response run(Payouts.NewRun body) {
        Payouts.Outcome o = payouts.run(body);
        return Response.status(o.created() ? Response.Status.CREATED : Response.Status.OK).entity(o.run())
                .location(URI.create("/api/v1/payout-runs/" + o.run().id())).build();
    }

    /** Lists runs. */
    @GET
    @RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.MANAGER, Role.Names.AUDITOR})
    @Operation(summary = "Payout runs, newest period first, with their totals")
    public Page<Payouts.RunSummary> list(@QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        return payouts.page(page, size);
    }

    /** Reads a run. */
    @GET
    @Path("{id}")
    @RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.MANAGER, Role.Names.AUDITOR})
    @Operation(summary = "A run {id, periodEnd, createdAt, payouts[{agentId, agentName, grossPaise, tdsPaise,"
            + " netPaise, reference, status}], skipped[{agentId, agentName, reason, balancePaise}]}")
    public Payouts.RunView get(@PathParam("id") String id) {
        return payouts.get(id);
    }

    /** The run's bank bulk-transfer file. */
    @GET
    @Path("{id}/bank-file")
    @Produces({"text/csv", MediaType.APPLICATION_JSON})
    @RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.MANAGER})
    @Operation(summary = "The bank bulk-transfer CSV of the run: Beneficiary Name, Account Number, IFSC, Amount"
            + " (rupees, two decimals), Reference; one row per agent paid")
    public Response bankFile(@PathParam("id") String id) {
        Payouts.BankFile f = payouts.bankFile(id);
        return Response.ok(f.csv(), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + f.fileName() + "\"")
                .header("Cache-Control", "no-store").build();
    }
}
