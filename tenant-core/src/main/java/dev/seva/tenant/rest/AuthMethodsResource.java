package dev.seva.tenant.rest;

import dev.seva.tenant.internal.OidcSettingsService;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** How one signs in to the resolved tenant (the sign-in page asks before anyone is signed in). */
@Path("auth/methods")
@RequestScoped
@PermitAll
@Tag(name = "Auth")
public class AuthMethodsResource {

    @Inject
    OidcSettingsService settings;

    /** @return the methods */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign-in methods of the tenant (no auth): {password: true, oidc: {enabled, label}};"
            + " the OIDC button links to /login/oidc")
    public OidcSettingsService.Methods methods() {
        return settings.methods();
    }
}
