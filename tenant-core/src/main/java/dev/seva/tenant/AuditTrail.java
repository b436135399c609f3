package dev.seva.tenant;

import dev.seva.sdk.TenantId;

/**
 * The append-only, hash-chained audit log. Every state change is recorded in the same transaction as the change,
 * in the chain of the tenant it concerns; the request's actor, IP address and request id are added when there is a
 * request. Inject it; call it inside a transaction.
 */
public interface AuditTrail {

    /**
     * Appends one event to {@code tenant}'s chain.
     *
     * @param tenant the tenant the event belongs to ({@link TenantId#PLATFORM} for platform events)
     * @param action what happened, upper snake case ({@code ENTITY_CREATED})
     * @param targetType the kind of thing acted on ({@code entity}), may be null
     * @param targetId its id, may be null
     * @param details a short, secret-free description, may be null
     */
    void record(TenantId tenant, String action, String targetType, String targetId, String details);

    /**
     * Same as {@link #record(TenantId, String, String, String, String)} with an explicit actor, for events that happen
     * before anyone is signed in (a failed login).
     */
    void recordAs(TenantId tenant, String actor, String action, String targetType, String targetId, String details);

    /**
     * For failures anyone can cause without signing in (a forged webhook, a wrong password): recorded like
     * {@link #record} when it is the first of its action from the request's client address within the aggregation
     * window ({@code seva.audit.repeat-window-seconds}); later ones in that window are only counted, and written
     * together as one {@code <action>_REPEATED} event ({@code details} starting {@code count=N}) when it ends.
     */
    void recordRepeated(TenantId tenant, String action, String targetType, String targetId, String details);

    /** {@link #recordRepeated} with an explicit actor (a failed sign-in's e-mail). */
    void recordRepeatedAs(TenantId tenant, String actor, String action, String targetType, String targetId,
            String details);
}
