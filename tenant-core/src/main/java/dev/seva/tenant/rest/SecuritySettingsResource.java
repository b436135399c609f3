package dev.seva.tenant.rest;

import dev.seva.sdk.Role;
import dev.seva.tenant.internal.SecuritySettingsService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tenant admin's sign-in policy. */
@Path("tenant/security-settings")
@RequestScoped
@RolesAllowed(Role.Names.TENANT_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Auth")
@SecurityRequirement(name = "bearer")
public class SecuritySettingsResource {

    @Inject
    SecuritySettingsService settings;

    /** @return the policy */
    @GET
    @Operation(summary = "The tenant's sign-in policy: {totpRequiredForStaff}")
    public SecuritySettingsService.SecuritySettings get() {
        return settings.get();
    }

    /** Replaces the policy. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the sign-in policy. totpRequiredForStaff: staff (TENANT_ADMIN, MANAGER, STAFF, AUDITOR)"
            + " without a second factor may then only enrol one: every other call answers 403 TOTP_ENROLMENT_REQUIRED")
    public SecuritySettingsService.SecuritySettings put(SecuritySettingsService.SecuritySettings body) {
        return settings.update(body);
    }
}
