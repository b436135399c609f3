package dev.seva.tenant.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** A user's "valid after" instant: their tokens issued before it are refused ({@link TokenValidity}). Read-only here. */
@Entity(name = "TokenValidAfter")
@Table(name = "token_valid_after")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
public class TokenValidAfterRecord {

    @Id
    private String subject;
    @Column(name = "valid_after")
    private OffsetDateTime validAfter;

    protected TokenValidAfterRecord() {
    }

    String getSubject() {
        return subject;
    }

    OffsetDateTime getValidAfter() {
        return validAfter;
    }
}
