package dev.seva.payments.rest;

import dev.seva.payments.internal.SettingsService;
import dev.seva.sdk.Role;
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

/** The firm's Razorpay keys and GST state (TENANT_ADMIN). Secrets are write-only. */
@Path("tenant/payment-settings")
@RequestScoped
@RolesAllowed(Role.Names.TENANT_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Payments")
@SecurityRequirement(name = "bearer")
public class PaymentSettingsResource {

    @Inject
    SettingsService settings;

    /** Sets the keys and the firm's GST state. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the Razorpay key id, key secret and webhook secret (stored encrypted, never returned;"
            + " a secret already set may be left out to keep it) and the firm's GST state code (or GSTIN)")
    public SettingsService.SettingsView put(SettingsService.NewSettings body) {
        return settings.put(body);
    }

    /** Reads the settings without secrets. */
    @GET
    @Operation(summary = "keyId, keySecretSet, webhookSecretSet, stateCode, gstin; 404 before they are set")
    public SettingsService.SettingsView get() {
        return settings.get();
    }
}
