package dev.seva.payments.rest;

import dev.seva.payments.internal.WebhookIntake;
import dev.seva.sdk.Role;
import dev.seva.tenant.Page;
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

/** The webhook log (TENANT_ADMIN). */
@Path("webhooks/razorpay/events")
@RequestScoped
@RolesAllowed(Role.Names.TENANT_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Payments")
@SecurityRequirement(name = "bearer")
public class WebhookEventsResource {

    @Inject
    WebhookIntake intake;

    /** Lists the received events. */
    @GET
    @Operation(summary = "Received webhook events, newest first, with processing status, attempts, duplicates and the"
            + " last error; filter status=RECEIVED|PROCESSED|IGNORED|FAILED")
    public Page<WebhookIntake.WebhookEventView> list(@QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size, @QueryParam("status") String status) {
        return intake.page(page, size, status);
    }
}
