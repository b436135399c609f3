package dev.seva.agents.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** A lead: inserted by {@link Leads} with native SQL (de-duplicated by unique indexes), changed through JPA. */
@Entity(name = "Lead")
@Table(name = "agent_lead")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
public class LeadRecord {

    @Id
    String id;
    String name;
    String phone;
    @Column(name = "phone_key")
    String phoneKey;
    String email;
    @Column(name = "email_key")
    String emailKey;
    @Column(name = "company_name")
    String companyName;
    String city;
    String state;
    String pincode;
    @Column(name = "service_category")
    String serviceCategory;
    String source;
    String stage;
    @Column(name = "agent_id")
    String agentId;
    @Column(name = "referred_by_agent_id")
    String referredByAgentId;
    @Column(name = "entity_id")
    String entityId;
    @Column(name = "lost_reason")
    String lostReason;
    @Column(name = "created_at")
    OffsetDateTime createdAt;
    @Column(name = "updated_at")
    OffsetDateTime updatedAt;
    @Version
    long version;

    protected LeadRecord() {
    }
}
