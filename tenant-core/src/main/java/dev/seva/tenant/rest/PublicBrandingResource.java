package dev.seva.tenant.rest;

import dev.seva.sdk.SevaException;
import dev.seva.sdk.TenantContext;
import dev.seva.tenant.internal.BrandingService;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The resolved tenant's branding, public (the sign-in page needs it before anyone signs in). */
@Path("branding")
@RequestScoped
@PermitAll
@Tag(name = "Branding")
public class PublicBrandingResource {

    @Inject
    BrandingService branding;

    @Inject
    TenantContext tenant;

    /** @return the branding */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The tenant's display name, colours, logo URL, support e-mail and footer (no auth)")
    public BrandingService.BrandingView get() {
        tenant.require();
        return branding.get();
    }

    /** @return the logo's bytes, served so that a browser can never run them */
    @GET
    @Path("logo")
    @Produces({"image/png", "image/jpeg", "image/svg+xml"})
    @Operation(summary = "The tenant's logo (no auth); 404 when it has none")
    public Response logo() {
        tenant.require();
        BrandingService.Logo logo = branding.logo().orElseThrow(() -> SevaException.notFound("Logo"));
        return Response.ok(logo.bytes(), logo.mediaType()).header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
                .header("Cache-Control", "public, max-age=300").header("ETag", "\"" + logo.sha256() + "\"")
                .build();
    }
}
