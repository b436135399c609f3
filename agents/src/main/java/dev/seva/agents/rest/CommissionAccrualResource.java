package dev.seva.agents.rest;

import dev.seva.agents.internal.CommissionBackfill;
import dev.seva.sdk.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The batch accrual path: backfills and imports of captured payments. */
@Path("commission-accruals")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Agents")
@SecurityRequirement(name = "bearer")
public class CommissionAccrualResource {

    @Inject
    CommissionBackfill backfill;

    /** Accrues what the tenant's captured payments should have accrued and have not. */
    @POST
    @Path("backfill")
    @RolesAllowed(Role.Names.TENANT_ADMIN)
    @Operation(summary = "Tenant admin: accrue the commissions (ACCRUAL and OVERRIDE entries, the same maths and"
            + " entries as the PaymentCaptured path) of every captured payment of an attributed client, captured"
            + " between from and to (dates YYYY-MM-DD in India, optional), that has none yet; idempotent; runs in"
            + " chunks of 200 earners, each its own transaction; answers {payments, entriesWritten, withoutPlan,"
            + " millis}. Refunds are not backfilled.")
    public CommissionBackfill.Result backfill(CommissionBackfill.Request body) {
        return backfill.run(body);
    }
}
