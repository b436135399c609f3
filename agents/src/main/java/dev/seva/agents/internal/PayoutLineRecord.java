package dev.seva.agents.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** One agent's line of a payout run: PAID (with its bank details, the number sealed) or SKIPPED with a reason. */
@Entity(name = "PayoutLine")
@Table(name = "payout_line")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
public class PayoutLineRecord {

    @Id
    String id;
    @Column(name = "run_id")
    String runId;
    @Column(name = "agent_id")
    String agentId;
    @Column(name = "agent_name")
    String agentName;
    String status;
    String reason;
    @Column(name = "gross_paise")
    long grossPaise;
    @Column(name = "tds_paise")
    long tdsPaise;
    @Column(name = "net_paise")
    long netPaise;
    String reference;
    @Column(name = "account_name")
    String accountName;
    @Column(name = "account_sealed")
    String accountSealed;
    String ifsc;

    protected PayoutLineRecord() {
    }

    PayoutLineRecord(String id, String runId, String agentId, String agentName, String status, String reason,
            long grossPaise, long tdsPaise, long netPaise, String reference, String accountName,
            String accountSealed, String ifsc) {
        this.id = id;
        this.runId = runId;
        this.agentId = agentId;
        this.agentName = agentName;
        this.status = status;
        this.reason = reason;
        this.grossPaise = grossPaise;
        this.tdsPaise = tdsPaise;
        this.netPaise = netPaise;
        this.reference = reference;
        this.accountName = accountName;
        this.accountSealed = accountSealed;
        this.ifsc = ifsc;
    }
}
