package dev.seva.tenant.rest;

import dev.seva.sdk.Role;
import dev.seva.tenant.internal.MasterKeyRotation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Master key operations (PLATFORM_ADMIN, on the bare host). */
@Path("platform/keys")
@RequestScoped
@RolesAllowed(Role.Names.PLATFORM_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Platform")
@SecurityRequirement(name = "bearer")
public class PlatformKeyResource {

    @Inject
    MasterKeyRotation rotation;

    /** Makes a new master key current and re-wraps every tenant's data keys with it. */
    @POST
    @Path("rotate")
    @Operation(summary = "Rotate the master key: re-wrap every tenant's data keys (data is not re-encrypted)")
    public MasterKeyRotation.Rotated rotate() {
        return rotation.rotate();
    }
}
