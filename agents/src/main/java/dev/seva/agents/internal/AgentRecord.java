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

/** An agent: a node of the tenant's agent tree. */
@Entity(name = "Agent")
@Table(name = "agent")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
public class AgentRecord {

    @Id
    String id;
    @Column(name = "user_id")
    String userId;
    String name;
    String email;
    String phone;
    String pan;
    @Column(name = "parent_agent_id")
    String parentAgentId;
    @Column(name = "plan_id")
    String planId;
    String territories;
    String territory;
    @Column(name = "bank_account_name")
    String bankAccountName;
    @Column(name = "bank_account_sealed")
    String bankAccountSealed;
    @Column(name = "bank_account_last4")
    String bankAccountLast4;
    @Column(name = "bank_ifsc")
    String bankIfsc;
    String status;
    @Column(name = "referral_code")
    String referralCode;
    @Column(name = "created_at")
    OffsetDateTime createdAt;
    @Column(name = "updated_at")
    OffsetDateTime updatedAt;
    @Version
    long version;

    protected AgentRecord() {
    }

    AgentRecord(String id, String userId, String name, String email, String phone, String pan, String parentAgentId,
            String planId, String territories, String territory, String referralCode, OffsetDateTime now) {
        this.id = id;
        this.userId = userId;
        this.name = name;
        this.email = email;
        this.phone = phone;
        this.pan = pan;
        this.parentAgentId = parentAgentId;
        this.planId = planId;
        this.territories = territories;
        this.territory = territory;
        this.status = "ACTIVE";
        this.referralCode = referralCode;
        this.createdAt = now;
        this.updatedAt = now;
    }
}
