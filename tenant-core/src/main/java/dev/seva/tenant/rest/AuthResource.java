package dev.seva.tenant.rest;

import dev.seva.tenant.internal.AuthService;
import dev.seva.tenant.internal.TokenIssuer;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The token endpoint: e-mail and password for an access token. Public; kept apart from token-reading classes. */
@Path("auth")
@RequestScoped
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Auth")
public class AuthResource {

    @Inject
    AuthService auth;

    /** Credentials. */
    public record Credentials(String email, String password, String totp) {
    }

    /** An access token. */
    public record AccessToken(String accessToken, String tokenType, long expiresIn) {
    }

    /** Signs in; with no tenant named, signs in platform admins. */
    @POST
    @Path("token")
    @Operation(summary = "Exchange e-mail, password and (when enabled) a TOTP or recovery code for a bearer token;"
            + " 401 INVALID_CREDENTIALS or TOTP_REQUIRED otherwise")
    public AccessToken token(Credentials body) {
        if (body == null) {
            throw dev.seva.sdk.SevaException.invalidField("body", "is required");
        }
        TokenIssuer.Issued t = auth.signIn(body.email(), body.password(), body.totp());
        return new AccessToken(t.token(), "Bearer", t.expiresIn());
    }
}
