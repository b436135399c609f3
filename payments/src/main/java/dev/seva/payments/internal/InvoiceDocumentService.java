package dev.seva.payments.internal;

import dev.seva.tenant.Tenants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Renders an invoice the caller may see as HTML or PDF. */
@ApplicationScoped
@Transactional
public class InvoiceDocumentService {

    @Inject
    InvoiceService invoices;

    @Inject
    SettingsService settings;

    @Inject
    Tenants tenants;

    /** @return the printable HTML page */
    public String html(String id) {
        return InvoiceDocuments.html(invoices.get(id), firm());
    }

    /** @return the PDF */
    public byte[] pdf(String id) {
        return InvoiceDocuments.pdf(invoices.get(id), firm());
    }

    /** @return the invoice number (or "draft") for a file name */
    public String fileName(String id) {
        String n = invoices.get(id).number();
        return (n == null ? "draft-" + id : n).replaceAll("[^A-Za-z0-9-]", "_") + ".pdf";
    }

    private InvoiceDocuments.Firm firm() {
        return new InvoiceDocuments.Firm(tenants.current().name(), settings.firmGstin().orElse(null));
    }
}
