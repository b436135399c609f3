package dev.seva.tenant.internal;

import dev.seva.sdk.TenantContext;
import dev.seva.sdk.TenantId;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * The request's tenant, set once by {@link TenantFilter} (or by a scope opened for work off the request thread),
 * plus what the audit trail records of the request: its id and the client's address.
 */
@RequestScoped
public class RequestTenantContext implements TenantContext {

    private TenantSummary tenant;
    private String requestId;
    private String clientIp;

    @Override
    public Optional<TenantId> current() {
        return Optional.ofNullable(tenant).map(TenantSummary::id);
    }

    @Override
    public Optional<String> slug() {
        return Optional.ofNullable(tenant).map(TenantSummary::slug);
    }

    /** @return the resolved tenant, if any */
    public Optional<TenantSummary> tenant() {
        return Optional.ofNullable(tenant);
    }

    void set(TenantSummary tenant, String requestId, String clientIp) {
        this.tenant = tenant;
        this.requestId = requestId;
        this.clientIp = clientIp;
    }

    /** @return the request id (from {@code X-Request-Id} or generated), null off a request */
    public String requestId() {
        return requestId;
    }

    /** @return the client's IP address, null off a request */
    public String clientIp() {
        return clientIp;
    }
}
