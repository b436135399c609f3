package dev.seva.payments.internal;

import dev.seva.payments.InvoiceStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * An invoice: its parties' GST states, its amounts in paise and its status. Paid and refunded amounts only grow, and
 * the status is derived from them ({@link #settle()}), so applying payment facts in any order never moves it back.
 */
@Entity(name = "Invoice")
@Table(name = "invoice")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
public class InvoiceRecord {

    @Id
    private String id;
    private String number;
    @Column(name = "financial_year")
    private String financialYear;
    @Column(name = "entity_id")
    private String entityId;
    @Column(name = "entity_name")
    private String entityName;
    @Column(name = "entity_gstin")
    private String entityGstin;
    @Column(name = "firm_state")
    private String firmState;
    @Column(name = "place_of_supply")
    private String placeOfSupply;
    private String status;
    @Column(name = "service_category")
    private String serviceCategory;
    @Column(name = "taxable_paise")
    private long taxablePaise;
    @Column(name = "cgst_paise")
    private long cgstPaise;
    @Column(name = "sgst_paise")
    private long sgstPaise;
    @Column(name = "igst_paise")
    private long igstPaise;
    @Column(name = "total_paise")
    private long totalPaise;
    @Column(name = "paid_paise")
    private long paidPaise;
    @Column(name = "refunded_paise")
    private long refundedPaise;
    @Column(name = "razorpay_order_id")
    private String razorpayOrderId;
    @Column(name = "order_amount_paise")
    private Long orderAmountPaise;
    @Column(name = "order_created_at")
    private OffsetDateTime orderCreatedAt;
    @Column(name = "issued_at")
    private OffsetDateTime issuedAt;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;
    @Version
    private long version;

    protected InvoiceRecord() {
    }

    InvoiceRecord(String id, String entityId, String entityName, String entityGstin, String firmState,
            String placeOfSupply, String serviceCategory, long taxable, long cgst, long sgst, long igst) {
        this.id = id;
        this.entityId = entityId;
        this.entityName = entityName;
        this.entityGstin = entityGstin;
        this.firmState = firmState;
        this.placeOfSupply = placeOfSupply;
        this.serviceCategory = serviceCategory;
        this.taxablePaise = taxable;
        this.cgstPaise = cgst;
        this.sgstPaise = sgst;
        this.igstPaise = igst;
        this.totalPaise = Math.addExact(Math.addExact(taxable, cgst), Math.addExact(sgst, igst));
        this.status = InvoiceStatus.DRAFT.name();
        this.createdAt = Now.utc();
        this.updatedAt = createdAt;
    }

    void issue(String number, String financialYear) {
        this.number = number;
        this.financialYear = financialYear;
        this.status = InvoiceStatus.ISSUED.name();
        this.issuedAt = Now.utc();
        this.updatedAt = issuedAt;
    }

    void voided() {
        this.status = InvoiceStatus.VOID.name();
        this.updatedAt = Now.utc();
    }

    void orderCreated(String orderId, long amount) {
        this.razorpayOrderId = orderId;
        this.orderAmountPaise = amount;
        this.orderCreatedAt = Now.utc();
        this.updatedAt = orderCreatedAt;
    }

    void addPaid(long paise) {
        this.paidPaise = Math.addExact(paidPaise, paise);
        settle();
    }

    void addRefunded(long paise) {
        this.refundedPaise = Math.addExact(refundedPaise, paise);
        settle();
    }

    /** Derives the status from the amounts; never moves backwards. */
    private void settle() {
        InvoiceStatus next = status();
        if (paidPaise > 0 && refundedPaise >= paidPaise) {
            next = InvoiceStatus.REFUNDED;
        } else if (paidPaise > 0 && refundedPaise > 0) {
            next = InvoiceStatus.PARTIALLY_REFUNDED;
        } else if (paidPaise >= totalPaise) {
            next = InvoiceStatus.PAID;
        }
        if (next.ordinal() > status().ordinal()) {
            this.status = next.name();
        }
        this.updatedAt = Now.utc();
    }

    /** @return what is still due, never negative */
    long duePaise() {
        return Math.max(0, totalPaise - paidPaise);
    }

    InvoiceStatus status() {
        return InvoiceStatus.valueOf(status);
    }

    String getId() {
        return id;
    }

    String getNumber() {
        return number;
    }

    String getFinancialYear() {
        return financialYear;
    }

    String getEntityId() {
        return entityId;
    }

    String getEntityName() {
        return entityName;
    }

    String getEntityGstin() {
        return entityGstin;
    }

    String getFirmState() {
        return firmState;
    }

    String getPlaceOfSupply() {
        return placeOfSupply;
    }

    String getServiceCategory() {
        return serviceCategory;
    }

    long getTaxablePaise() {
        return taxablePaise;
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

    long getTotalPaise() {
        return totalPaise;
    }

    long getPaidPaise() {
        return paidPaise;
    }

    long getRefundedPaise() {
        return refundedPaise;
    }

    String getRazorpayOrderId() {
        return razorpayOrderId;
    }

    Long getOrderAmountPaise() {
        return orderAmountPaise;
    }

    OffsetDateTime getOrderCreatedAt() {
        return orderCreatedAt;
    }

    OffsetDateTime getIssuedAt() {
        return issuedAt;
    }

    OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }
}
