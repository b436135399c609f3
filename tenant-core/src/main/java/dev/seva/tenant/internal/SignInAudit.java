package dev.seva.tenant.internal;

import dev.seva.sdk.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** Audit events of the browser sign-in's steps that are not an authentication themselves. */
@ApplicationScoped
@Transactional
public class SignInAudit {

    @Inject
    AuditLog audit;

    /** A sign-in session brought to another tenant's or host's sign-in path: recorded on the host it came to. */
    public void foreignSession(Optional<TenantId> tenant, String host, String path) {
        audit.recordAs(tenant.orElse(TenantId.PLATFORM), "anonymous", "LOGIN_FAILED", "session", path,
                "a sign-in started on another host was brought to " + host + path + "; session dropped");
    }
}
