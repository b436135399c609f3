package dev.seva.payments.rest;

import dev.seva.payments.internal.InvoiceService;
import dev.seva.payments.internal.PaymentFlows;
import dev.seva.sdk.Role;
import dev.seva.sdk.SevaException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Verification of Razorpay Checkout's answer. */
@Path("payments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Payments")
@SecurityRequirement(name = "bearer")
public class PaymentResource {

    @Inject
    PaymentFlows flows;

    /** Checkout's handler fields. */
    public record Verification(String razorpayOrderId, String razorpayPaymentId, String razorpaySignature) {
    }

    /** Verifies and records the payment. */
    @POST
    @Path("verify")
    @RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.MANAGER, Role.Names.STAFF, Role.Names.CLIENT})
    @Operation(summary = "Check HMAC-SHA256(keySecret, order_id|payment_id) and mark the invoice paid: 200 with the"
            + " invoice; 400 PAYMENT_SIGNATURE_INVALID; 404 for an order of an invoice the caller cannot see")
    public InvoiceService.InvoiceView verify(Verification body) {
        if (body == null) {
            throw SevaException.invalidField("body", "is required");
        }
        return flows.verify(body.razorpayOrderId(), body.razorpayPaymentId(), body.razorpaySignature());
    }
}
