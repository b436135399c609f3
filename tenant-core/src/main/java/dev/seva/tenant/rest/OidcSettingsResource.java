package dev.seva.tenant.rest;

import dev.seva.sdk.Role;
import dev.seva.tenant.internal.OidcSettingsService;
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

/** The tenant admin's OpenID Connect provider. */
@Path("tenant/oidc-settings")
@RequestScoped
@RolesAllowed(Role.Names.TENANT_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Auth")
@SecurityRequirement(name = "bearer")
public class OidcSettingsResource {

    @Inject
    OidcSettingsService settings;

    /** @return the settings, without the secret */
    @GET
    @Operation(summary = "The tenant's OIDC provider: {enabled, issuer, clientId, clientSecretSet, label, allowSignUp,"
            + " linkStaffByEmail}")
    public OidcSettingsService.OidcSettingsView get() {
        return settings.get();
    }

    /** Replaces the settings. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the OIDC provider: {enabled, issuer (https), clientId, clientSecret (write-only, stored"
            + " encrypted; omit to keep), label, allowSignUp (a first sign-in by an unknown verified e-mail creates a"
            + " CLIENT user), linkStaffByEmail (a first sign-in links by verified e-mail staff too, not only CLIENT"
            + " users; never a TENANT_ADMIN)}; an issuer that is not https or resolves to a private, link-local or"
            + " loopback address: 400 OIDC_ISSUER_NOT_ALLOWED")
    public OidcSettingsService.OidcSettingsView put(OidcSettingsService.NewOidcSettings body) {
        return settings.update(body);
    }
}
