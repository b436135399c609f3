package dev.seva.payments.rest;

import dev.seva.payments.internal.Reconciliation;
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

/** Reconciliation checks that fail (TENANT_ADMIN): what would otherwise fail silently in the background. */
@Path("payments/reconciliation/failures")
@RequestScoped
@RolesAllowed(Role.Names.TENANT_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Payments")
@SecurityRequirement(name = "bearer")
public class ReconciliationResource {

    @Inject
    Reconciliation reconciliation;

    /** Lists the failing checks. */
    @GET
    @Operation(summary = "Reconciliation checks whose last attempt failed (status PENDING: will retry; FAILED: given"
            + " up), most recent first, at most 50: order, invoice, attempts, next attempt and the last error")
    public List<Reconciliation.FailureView> list() {
        return reconciliation.failures();
    }
}
