package dev.seva.documents.rest;

import dev.seva.documents.internal.DocumentReminders;
import dev.seva.sdk.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Expiry reminders of the tenant's documents: the daily scan, on demand. */
@Path("document-reminders")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Documents")
@SecurityRequirement(name = "bearer")
public class DocumentReminderResource {

    @Inject
    DocumentReminders reminders;

    /** Runs the scan now. */
    @POST
    @Path("scan")
    @RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.MANAGER})
    @Operation(summary = "Run this tenant's expiry reminder scan now (it also runs daily): 202 {jobId}; reminders"
            + " already recorded are never sent again")
    public Response scan() {
        return Response.accepted(Map.of("jobId", reminders.enqueueScan().toString())).build();
    }
}
