package dev.seva.documents.rest;

import dev.seva.documents.DocumentType;
import dev.seva.sdk.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The types a document may have, with their names for people: what the portal's upload, search and checklist forms
 * offer and how it names a document's type, so that a new {@link DocumentType} reaches every page without a change
 * to the pages. The same for every tenant.
 */
@Path("document-types")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Documents")
@SecurityRequirement(name = "bearer")
public class DocumentTypeResource {

    /** A document type: the code the API takes and returns, and its name. */
    public record DocumentTypeView(String code, String name) {
    }

    private static final List<DocumentTypeView> ALL = Arrays.stream(DocumentType.values())
            .map(t -> new DocumentTypeView(t.name(), name(t))).toList();

    /** @return every document type, in the enum's order */
    @GET
    @RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.MANAGER, Role.Names.STAFF, Role.Names.AGENT,
            Role.Names.CLIENT, Role.Names.AUDITOR})
    @Operation(summary = "Every document type: its code (a document's `documentType` and `classification`) and "
            + "its name, in the order forms offer them")
    public List<DocumentTypeView> list() {
        return ALL;
    }

    /** A switch without a default: a new constant does not compile until it has a name. */
    static String name(DocumentType type) {
        return switch (type) {
            case PAN_CARD -> "PAN card";
            case AADHAAR -> "Aadhaar";
            case GST_CERTIFICATE -> "GST registration certificate";
            case INCORPORATION_CERTIFICATE -> "Certificate of incorporation";
            case CANCELLED_CHEQUE -> "Cancelled cheque";
            case BANK_STATEMENT -> "Bank statement";
            case INVOICE -> "Invoice";
            case OTHER -> "Other";
        };
    }
}
