package dev.seva.tenant.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** One link of a tenant's audit hash chain. Written once, never updated (the runtime role cannot). */
@Entity(name = "AuditEvent")
@Table(name = "audit_event")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
public class AuditEventRecord {

    @Id
    private String id;
    private long seq;
    @Column(name = "occurred_at")
    private OffsetDateTime occurredAt;
    private String actor;
    private String action;
    @Column(name = "target_type")
    private String targetType;
    @Column(name = "target_id")
    private String targetId;
    private String ip;
    @Column(name = "request_id")
    private String requestId;
    private String details;
    @Column(name = "prev_hash")
    private String prevHash;
    private String hash;

    protected AuditEventRecord() {
    }

    AuditEventRecord(String id, long seq, AuditChain.Link link, String prevHash, String hash) {
        this.id = id;
        this.seq = seq;
        this.occurredAt = link.occurredAt();
        this.actor = link.actor();
        this.action = link.action();
        this.targetType = link.targetType();
        this.targetId = link.targetId();
        this.ip = link.ip();
        this.requestId = link.requestId();
        this.details = link.details();
        this.prevHash = prevHash;
        this.hash = hash;
    }

    AuditChain.Link link() {
        return new AuditChain.Link(occurredAt, actor, action, targetType, targetId, ip, requestId, details);
    }

    public String getId() {
        return id;
    }

    public long getSeq() {
        return seq;
    }

    public String getPrevHash() {
        return prevHash;
    }

    public String getHash() {
        return hash;
    }
}
