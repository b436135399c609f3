package dev.seva.agents.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** The referring agent of a business entity; fixed once recorded. */
@Entity(name = "AgentClient")
@Table(name = "agent_client")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
public class AgentClientRecord {

    @Id
    @Column(name = "entity_id")
    String entityId;
    @Column(name = "agent_id")
    String agentId;
    @Column(name = "created_at")
    OffsetDateTime createdAt;

    protected AgentClientRecord() {
    }

    AgentClientRecord(String entityId, String agentId, OffsetDateTime now) {
        this.entityId = entityId;
        this.agentId = agentId;
        this.createdAt = now;
    }
}
