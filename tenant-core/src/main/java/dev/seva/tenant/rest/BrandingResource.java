package dev.seva.tenant.rest;

import dev.seva.sdk.Role;
import dev.seva.tenant.internal.BrandingService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tenant admin's branding settings. */
@Path("tenant/branding")
@RequestScoped
@RolesAllowed(Role.Names.TENANT_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Branding")
@SecurityRequirement(name = "bearer")
public class BrandingResource {

    @Inject
    BrandingService branding;

    /** Replaces display name, colours, support e-mail and footer. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set display name, colours (#rrggbb), support e-mail and footer text")
    public BrandingService.BrandingView update(BrandingService.NewBranding body) {
        return branding.update(body);
    }

    /** Replaces the logo with the request body (PNG, JPEG or SVG; judged by content; at most 256 KiB). */
    @PUT
    @Path("logo")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Upload the logo as the raw body: PNG, JPEG or a safe SVG, judged by its bytes;"
            + " 413 over 256 KiB, 415 other types, 422 UNSAFE_SVG")
    public BrandingService.BrandingView logo(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(BrandingService.MAX_LOGO_BYTES + 1);
        if (bytes.length > BrandingService.MAX_LOGO_BYTES) {
            throw new dev.seva.sdk.SevaException(dev.seva.sdk.ErrorCode.PAYLOAD_TOO_LARGE,
                    "The logo must be at most 256 KiB.");
        }
        return branding.setLogo(bytes);
    }

    /** Removes the logo. */
    @DELETE
    @Path("logo")
    @Operation(summary = "Remove the logo")
    public Response deleteLogo() {
        branding.deleteLogo();
        return Response.noContent().build();
    }
}
