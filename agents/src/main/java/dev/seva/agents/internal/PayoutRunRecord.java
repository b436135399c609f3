package dev.seva.agents.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** A payout run: one per (tenant, period end); inserted with native SQL by the payout runs, never changed. */
@Entity(name = "PayoutRun")
@Table(name = "payout_run")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
public class PayoutRunRecord {

    @Id
    String id;
    @Column(name = "period_end")
    LocalDate periodEnd;
    @Column(name = "created_at")
    OffsetDateTime createdAt;
    @Column(name = "created_by")
    String createdBy;

    protected PayoutRunRecord() {
    }
}
