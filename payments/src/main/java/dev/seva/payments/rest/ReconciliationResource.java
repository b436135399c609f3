package dev.seva.payments.rest;

import dev.seva.payments.internal.Reconciliation;
import dev.seva.payments.internal.UnappliedPayments;
import dev.seva.sdk.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What reconciliation found for the firm to act on: checks that keep failing (TENANT_ADMIN), and money taken on
 * voided invoices that is owed back (TENANT_ADMIN, MANAGER: those who refund).
 */
@Path("payments/reconciliation")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Payments")
@SecurityRequirement(name = "bearer")
public class ReconciliationResource {

    @Inject
    Reconciliation reconciliation;

    @Inject
    UnappliedPayments unapplied;

    /** Lists the failing checks. */
    @GET
    @Path("failures")
    @RolesAllowed(Role.Names.TENANT_ADMIN)
    @Operation(summary = "Reconciliation checks whose last attempt failed (status PENDING: will retry; FAILED: given"
            + " up), most recent first, at most 50: order, invoice, attempts, next attempt and the last error")
    public List<Reconciliation.FailureView> list() {
        return reconciliation.failures();
    }

    /** Lists the unapplied payments. */
    @GET
    @Path("unapplied")
    @RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.MANAGER})
    @Operation(summary = "Payments captured on voided invoices (a checkout opened before the void): applied to"
            + " nothing, no commission; refund them through POST /invoices/{id}/refunds. Newest first, at most 200,"
            + " each with refundedPaise, refundPendingPaise and refundDuePaise")
    public List<UnappliedPayments.UnappliedView> unapplied() {
        return unapplied.list();
    }
}
