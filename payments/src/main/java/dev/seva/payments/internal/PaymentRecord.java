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
 * One gateway payment of an invoice, unique per tenant on the gateway's payment id. {@code eventEmitted} turns true
 * once, in the transaction that fires {@link dev.seva.sdk.events.PaymentCaptured}.
 */
@Entity(name = "Payment")
@Table(name = "payment")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
public class PaymentRecord {

    /**
     * A payment's status, forward only: FAILED may become CAPTURED (a late authorisation), never the reverse.
     * UNAPPLIED: captured on a voided invoice, kept apart and owed back to the client.
     */
    enum Status {
        FAILED, CAPTURED, UNAPPLIED
    }

    @Id
    private String id;
    @Column(name = "invoice_id")
    private String invoiceId;
    @Column(name = "razorpay_order_id")
    private String razorpayOrderId;
    @Column(name = "razorpay_payment_id")
    private String razorpayPaymentId;
    @Column(name = "amount_paise")
    private long amountPaise;
    private String status;
    private String source;
    @Column(name = "captured_at")
    private OffsetDateTime capturedAt;
    @Column(name = "event_emitted")
    private boolean eventEmitted;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;
    @Version
    private long version;

    protected PaymentRecord() {
    }

    PaymentRecord(String id, String invoiceId, String orderId, String paymentId, long amountPaise, Status status,
            String source) {
        this.id = id;
        this.invoiceId = invoiceId;
        this.razorpayOrderId = orderId;
        this.razorpayPaymentId = paymentId;
        this.amountPaise = amountPaise;
        this.status = status.name();
        this.source = source;
        this.createdAt = Now.utc();
        this.updatedAt = createdAt;
    }

    void captured(long amount, OffsetDateTime at, String source) {
        this.status = Status.CAPTURED.name();
        this.amountPaise = amount;
        this.capturedAt = at;
        this.source = source;
        this.updatedAt = Now.utc();
    }

    /** Captured on a voided invoice: recorded, applied to nothing. */
    void unapplied(long amount, OffsetDateTime at, String source) {
        this.status = Status.UNAPPLIED.name();
        this.amountPaise = amount;
        this.capturedAt = at;
        this.source = source;
        this.updatedAt = Now.utc();
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

    String getRazorpayOrderId() {
        return razorpayOrderId;
    }

    String getRazorpayPaymentId() {
        return razorpayPaymentId;
    }

    long getAmountPaise() {
        return amountPaise;
    }

    String getSource() {
        return source;
    }

    OffsetDateTime getCapturedAt() {
        return capturedAt;
    }

    boolean isEventEmitted() {
        return eventEmitted;
    }

    OffsetDateTime getCreatedAt() {
        return createdAt;
    }
}
