package dev.seva.tenant.rest;

import dev.seva.sdk.Role;
import dev.seva.sdk.SevaException;
import dev.seva.sdk.SevaPrincipal;
import dev.seva.tenant.internal.CurrentUser;
import dev.seva.tenant.internal.PlatformAdminTotp;
import dev.seva.tenant.internal.TotpService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The signed-in user's (or platform admin's) TOTP second factor (RFC 6238, SHA-1, 6 digits, 30 s). */
@Path("me/totp")
@RequestScoped
@RolesAllowed({Role.Names.PLATFORM_ADMIN, Role.Names.TENANT_ADMIN, Role.Names.MANAGER, Role.Names.STAFF,
        Role.Names.AGENT, Role.Names.CLIENT, Role.Names.AUDITOR})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Auth")
@SecurityRequirement(name = "bearer")
public class TotpResource {

    @Inject
    TotpService totp;

    @Inject
    PlatformAdminTotp platformTotp;

    @Inject
    CurrentUser currentUser;

    /** A code to confirm enrolment with. */
    public record Code(String code) {
    }

    /** Recovery codes, shown once. */
    public record RecoveryCodes(List<String> recoveryCodes) {
    }

    /** Starts enrolment. */
    @POST
    @Operation(summary = "Start TOTP enrolment: a new secret and its otpauth URI (409 when already on)")
    public TotpService.Enrolment enrol() {
        SevaPrincipal p = currentUser.require();
        return p.tenant().isEmpty() ? platformTotp.enrol(p) : totp.enrol();
    }

    /** Confirms enrolment. */
    @POST
    @Path("confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Confirm enrolment with a current code; answers the one-time recovery codes")
    public RecoveryCodes confirm(Code body) {
        if (body == null || body.code() == null || body.code().isBlank()) {
            throw SevaException.invalidField("code", "is required");
        }
        SevaPrincipal p = currentUser.require();
        return new RecoveryCodes(p.tenant().isEmpty()
                ? platformTotp.confirm(p, body.code())
                : totp.confirm(body
                        .code()));
    }
}
