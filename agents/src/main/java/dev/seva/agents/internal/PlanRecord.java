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

/** A commission plan version; rules and overrides as JSON. Never updated (the role may not). */
@Entity(name = "CommissionPlan")
@Table(name = "commission_plan")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
public class PlanRecord {

    @Id
    String id;
    String name;
    @Column(name = "plan_version")
    int planVersion;
    @Column(name = "effective_from")
    LocalDate effectiveFrom;
    String rules;
    String overrides;
    @Column(name = "hold_days")
    int holdDays;
    @Column(name = "created_at")
    OffsetDateTime createdAt;

    protected PlanRecord() {
    }

    PlanRecord(String id, String name, int planVersion, LocalDate effectiveFrom, String rules, String overrides,
            int holdDays, OffsetDateTime now) {
        this.id = id;
        this.name = name;
        this.planVersion = planVersion;
        this.effectiveFrom = effectiveFrom;
        this.rules = rules;
        this.overrides = overrides;
        this.holdDays = holdDays;
        this.createdAt = now;
    }
}
