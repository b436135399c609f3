package dev.seva.payments.internal;

import java.math.BigDecimal;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** One line of an invoice with its tax, as computed when the invoice was created. */
@Entity(name = "InvoiceLine")
@Table(name = "invoice_line")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
public class InvoiceLineRecord {

    @Id
    private String id;
    @Column(name = "invoice_id")
    private String invoiceId;
    @Column(name = "line_no")
    private int lineNo;
    private String description;
    private String sac;
    @Column(name = "service_category")
    private String serviceCategory;
    @Column(name = "amount_paise")
    private long amountPaise;
    @Column(name = "gst_rate_percent")
    private BigDecimal gstRatePercent;
    @Column(name = "cgst_paise")
    private long cgstPaise;
    @Column(name = "sgst_paise")
    private long sgstPaise;
    @Column(name = "igst_paise")
    private long igstPaise;

    protected InvoiceLineRecord() {
    }

    InvoiceLineRecord(String id, String invoiceId, int lineNo, String description, String sac,
            String serviceCategory, long amountPaise, BigDecimal gstRatePercent, long cgst, long sgst, long igst) {
        this.id = id;
        this.invoiceId = invoiceId;
        this.lineNo = lineNo;
        this.description = description;
        this.sac = sac;
        this.serviceCategory = serviceCategory;
        this.amountPaise = amountPaise;
        this.gstRatePercent = gstRatePercent;
        this.cgstPaise = cgst;
        this.sgstPaise = sgst;
        this.igstPaise = igst;
    }

    int getLineNo() {
        return lineNo;
    }

    String getDescription() {
        return description;
    }

    String getSac() {
        return sac;
    }

    String getServiceCategory() {
        return serviceCategory;
    }

    long getAmountPaise() {
        return amountPaise;
    }

    BigDecimal getGstRatePercent() {
        return gstRatePercent;
    }

    long getCgstPaise() {
        return cgstPaise;
    }

    long getSgstPaise() {
        return sgstPaise;
    }

    long getIgstPaise() {
        return igstPaise;
    }
}
