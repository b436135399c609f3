package dev.seva.agents.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** One change of a lead; insert-only. */
@Entity(name = "LeadEvent")
@Table(name = "agent_lead_event")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
public class LeadEventRecord {

    @Id
    String id;
    @Column(name = "lead_id")
    String leadId;
    String kind;
    @Column(name = "from_value")
    String fromValue;
    @Column(name = "to_value")
    String toValue;
    String note;
    String actor;
    @Column(name = "created_at")
    OffsetDateTime createdAt;

    protected LeadEventRecord() {
    }

    LeadEventRecord(String id, String leadId, String kind, String fromValue, String toValue, String note,
            String actor, OffsetDateTime createdAt) {
        this.id = id;
        this.leadId = leadId;
        this.kind = kind;
        this.fromValue = fromValue;
        this.toValue = toValue;
        this.note = note;
        this.actor = actor;
        this.createdAt = createdAt;
    }
}
