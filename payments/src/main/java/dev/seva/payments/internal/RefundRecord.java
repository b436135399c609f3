package dev.seva.payments.internal;

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
 * A refund of (part of) a payment. REQUESTED while the gateway call is under way (its amount is reserved), then
 * PENDING or PROCESSED from the gateway's answer, PROCESSED from the {@code refund.processed} webhook, or FAILED.
 * {@code eventEmitted} turns true once, with {@link dev.seva.sdk.events.PaymentRefunded}.
 */
@Entity(name = "Refund")
@Table(name = "refund")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
public class RefundRecord {

    /** Forward only: REQUESTED → PENDING → PROCESSED; FAILED only before PROCESSED. */
    enum Status {
        REQUESTED, PENDING, PROCESSED, FAILED
    }

    @Id
    private String id;
    @Column(name = "invoice_id")
    private String invoiceId;
    @Column(name = "razorpay_payment_id")
    private String razorpayPaymentId;
    @Column(name = "razorpay_refund_id")
    private String razorpayRefundId;
    @Column(name = "amount_paise")
    private long amountPaise;
    private String status;
    private String reason;
    @Column(name = "event_emitted")
    private boolean eventEmitted;
    @Column(name = "processed_at")
    private OffsetDateTime processedAt;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;
    @Version
    private long version;

    protected RefundRecord() {
    }

    RefundRecord(String id, String invoiceId, String paymentId, long amountPaise, String reason, Status status) {
        this.id = id;
        this.invoiceId = invoiceId;
        this.razorpayPaymentId = paymentId;
        this.amountPaise = amountPaise;
        this.reason = reason;
        this.status = status.name();
        this.createdAt = Now.utc();
        this.updatedAt = createdAt;
    }

    void gatewayId(String refundId) {
        if (refundId != null) {
            this.razorpayRefundId = refundId;
        }
    }

    void pending() {
        if (status() == Status.REQUESTED || status() == Status.FAILED) {
            this.status = Status.PENDING.name();
            this.updatedAt = Now.utc();
        }
    }

    void processed(long amount) {
        this.amountPaise = amount;
        this.status = Status.PROCESSED.name();
        this.processedAt = Now.utc();
        this.updatedAt = processedAt;
    }

    void failed() {
        if (status() != Status.PROCESSED) {
            this.status = Status.FAILED.name();
            this.updatedAt = Now.utc();
        }
    }

    void emitted() {
        this.eventEmitted = true;
    }

    Status status() {
        return Status.valueOf(status);
    }

    String getId() {
        return id;
    }

    String getInvoiceId() {
        return invoiceId;
    }

    String getRazorpayPaymentId() {
        return razorpayPaymentId;
    }

    String getRazorpayRefundId() {
        return razorpayRefundId;
    }

    long getAmountPaise() {
        return amountPaise;
    }

    String getReason() {
        return reason;
    }

    boolean isEventEmitted() {
        return eventEmitted;
    }

    OffsetDateTime getProcessedAt() {
        return processedAt;
    }

    OffsetDateTime getCreatedAt() {
        return createdAt;
    }
}
