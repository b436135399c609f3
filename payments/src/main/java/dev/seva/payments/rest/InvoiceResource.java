package dev.seva.payments.rest;

import dev.seva.payments.internal.InvoiceDocumentService;
import dev.seva.payments.internal.InvoiceService;
import dev.seva.payments.internal.InvoiceService.InvoiceView;
import dev.seva.payments.internal.PaymentFlows;
import dev.seva.payments.internal.PaymentSteps;
import dev.seva.sdk.Role;
import dev.seva.sdk.SevaException;
import dev.seva.tenant.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Invoices. Staff create, issue and void them; managers and admins refund; clients read and pay those of their own
 * entities (another entity's invoice is 404).
 */
@Path("invoices")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Payments")
@SecurityRequirement(name = "bearer")
public class InvoiceResource {

    @Inject
    InvoiceService invoices;

    @Inject
    InvoiceDocumentService documents;

    @Inject
    PaymentFlows flows;

    /** A refund request. */
    public record NewRefund(Long amountPaise, String reason) {
    }

    /** Creates an invoice. */
    @POST
    @RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.MANAGER, Role.Names.STAFF})
    @Operation(summary = "Create an invoice for an entity: GST split from the firm's state and the place of supply"
            + " (CGST+SGST inside the state, IGST outside), rounded per line half-even; ISSUED with a number"
            + " <SLUG>/<FY>/<0001> unless draft is true")
    public Response create(InvoiceService.NewInvoice body) {
        InvoiceView v = invoices.create(body);
        return Response.status(Response.Status.CREATED).entity(v)
                .location(java.net.URI.create("/api/v1/invoices/" + v.id())).build();
    }

    /** Lists invoices. */
    @GET
    @RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.MANAGER, Role.Names.STAFF, Role.Names.AUDITOR,
            Role.Names.CLIENT, Role.Names.AGENT})
    @Operation(summary = "Invoices the caller may see, newest first; filters entityId and status")
    public Page<InvoiceView> list(@QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size, @QueryParam("entityId") String entityId,
            @QueryParam("status") String status) {
        return invoices.page(page, size, entityId, status);
    }

    /** Reads an invoice. */
    @GET
    @Path("{id}")
    @RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.MANAGER, Role.Names.STAFF, Role.Names.AUDITOR,
            Role.Names.CLIENT, Role.Names.AGENT})
    @Operation(summary = "An invoice with its lines, payments and refunds (404 when not visible)")
    public InvoiceView get(@PathParam("id") String id) {
        return invoices.get(id);
    }

    /** The printable page. */
    @GET
    @Path("{id}/html")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.MANAGER, Role.Names.STAFF, Role.Names.AUDITOR,
            Role.Names.CLIENT, Role.Names.AGENT})
    @Operation(summary = "The invoice as a printable HTML page with the firm's name and GSTIN")
    public String html(@PathParam("id") String id) {
        return documents.html(id);
    }

    /** The PDF. */
    @GET
    @Path("{id}/pdf")
    @Produces("application/pdf")
    @RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.MANAGER, Role.Names.STAFF, Role.Names.AUDITOR,
            Role.Names.CLIENT, Role.Names.AGENT})
    @Operation(summary = "The invoice as a PDF (PDFBox)")
    public Response pdf(@PathParam("id") String id) {
        byte[] pdf = documents.pdf(id);
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "inline; filename=\"" + documents.fileName(id) + "\"").build();
    }

    /** Issues a draft. */
    @POST
    @Path("{id}/issue")
    @RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.MANAGER, Role.Names.STAFF})
    @Operation(summary = "Issue a draft: it gets its number and becomes payable")
    public InvoiceView issue(@PathParam("id") String id) {
        return invoices.issue(id);
    }

    /** Voids an unpaid invoice. */
    @POST
    @Path("{id}/void")
    @RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.MANAGER})
    @Operation(summary = "Void a draft or an unpaid issued invoice (422 INVOICE_STATE otherwise)")
    public InvoiceView voidInvoice(@PathParam("id") String id) {
        return invoices.voidInvoice(id);
    }

    /** Starts a payment. */
    @POST
    @Path("{id}/checkout")
    @RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.MANAGER, Role.Names.STAFF, Role.Names.CLIENT})
    @Operation(summary = "Create (or reuse) the Razorpay order for what is due: {razorpayOrderId, keyId,"
            + " amountPaise, currency, name, description, checkoutScript} for Razorpay Checkout (checkoutScript: the"
            + " script's URL, seva.payments.razorpay.checkout-script); 422 INVOICE_STATE, 422"
            + " PAYMENTS_NOT_CONFIGURED, 502/503 when Razorpay fails")
    public PaymentSteps.CheckoutView checkout(@PathParam("id") String id) {
        return flows.checkout(id);
    }

    /** Refunds. */
    @POST
    @Path("{id}/refunds")
    @RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.MANAGER})
    @Operation(summary = "Refund part or all of what was paid through Razorpay (or a payment captured after the"
            + " invoice was voided); 422 REFUND_EXCEEDS_PAID beyond paid minus refunded (pending refunds included)."
            + " 201 with the gateway's answer; 202 with status PENDING and no razorpayRefundId when the gateway did"
            + " not answer: the amount stays reserved until reconciliation learns whether the refund was made")
    public Response refund(@PathParam("id") String id, NewRefund body) {
        if (body == null) {
            throw SevaException.invalidField("body", "is required");
        }
        InvoiceService.RefundView r = flows.refund(id, body.amountPaise(), body.reason());
        boolean unknown = "PENDING".equals(r.status()) && r.razorpayRefundId() == null;
        return Response.status(unknown ? Response.Status.ACCEPTED : Response.Status.CREATED).entity(r).build();
    }
}
