package dev.seva.agents.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** A commission ledger entry, read only here: entries are inserted by {@link CommissionLedger} with native SQL. */
@Entity(name = "CommissionEntry")
@Table(name = "commission_entry")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
public class EntryRecord {

    @Id
    String id;
    @Column(name = "agent_id")
    String agentId;
    String kind;
    @Column(name = "amount_paise")
    long amountPaise;
    @Column(name = "source_id")
    String sourceId;
    @Column(name = "payment_id")
    String paymentId;
    @Column(name = "refund_id")
    String refundId;
    @Column(name = "invoice_id")
    String invoiceId;
    @Column(name = "entity_id")
    String entityId;
    @Column(name = "plan_id")
    String planId;
    @Column(name = "earner_agent_id")
    String earnerAgentId;
    int level;
    @Column(name = "basis_paise")
    long basisPaise;
    @Column(name = "rate_percent")
    BigDecimal ratePercent;
    @Column(name = "hold_until")
    LocalDate holdUntil;
    @Column(name = "occurred_at")
    OffsetDateTime occurredAt;
    @Column(name = "created_at")
    OffsetDateTime createdAt;
    String note;

    protected EntryRecord() {
    }
}
