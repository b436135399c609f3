package dev.seva.payments.rest;

import dev.seva.payments.internal.Webhooks;
import dev.seva.sdk.ErrorCode;
import dev.seva.sdk.SevaException;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Razorpay's webhook: public (Razorpay signs, it does not sign in). The tenant comes from the host, the
 * {@code X-Seva-Tenant} header or {@code ?tenant=<slug>}. The body is read as raw bytes for the signature.
 */
@Path("webhooks/razorpay")
@RequestScoped
@PermitAll
@Tag(name = "Payments")
public class WebhookResource {

    /** Larger bodies are refused (Razorpay's events are a few KiB). */
    static final int MAX_BYTES = 256 * 1024;

    @Inject
    Webhooks webhooks;

    /** Receives one event. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Razorpay webhook: X-Razorpay-Signature over the raw body with the tenant's webhook secret"
            + " (400 WEBHOOK_SIGNATURE_INVALID, audited); stored and de-duplicated on x-razorpay-event-id, then"
            + " processed; answers 200 {status: accepted|duplicate}")
    public Response receive(InputStream body, @HeaderParam("X-Razorpay-Signature") String signature,
            @HeaderParam("x-razorpay-event-id") String eventId) throws IOException {
        byte[] raw = body == null ? new byte[0] : body.readNBytes(MAX_BYTES + 1);
        if (raw.length > MAX_BYTES) {
            throw new SevaException(ErrorCode.PAYLOAD_TOO_LARGE, "A webhook body is at most 256 KiB.");
        }
        boolean fresh = webhooks.receive(raw, signature, eventId);
        return Response.ok(java.util.Map.of("status", fresh ? "accepted" : "duplicate")).build();
    }
}
