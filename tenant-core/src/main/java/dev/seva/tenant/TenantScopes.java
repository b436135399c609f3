package dev.seva.tenant;

import dev.seva.sdk.TenantId;
import java.util.function.Supplier;

/**
 * Opens a tenant scope for work that runs off the request thread (background jobs, scheduled reminders, webhook
 * processing): the work sees {@code tenant} as the current tenant, through a request scope of its own, exactly as a
 * request of that tenant would. It starts no transaction; the work calls transactional services.
 *
 * <p>
 * Never called from a request thread (the request has its tenant already): that is refused with an
 * {@link IllegalStateException}. A suspended or unknown tenant is refused with a
 * {@link dev.seva.sdk.SevaException}.
 */
public interface TenantScopes {

    /**
     * @param tenant the tenant the work is for, carried explicitly by the job
     * @param work the work
     * @param <T> its result type
     * @return what the work returned
     */
    <T> T call(TenantId tenant, Supplier<T> work);

    /** Same as {@link #call(TenantId, Supplier)} for work without a result. */
    default void run(TenantId tenant, Runnable work) {
        call(tenant, () -> {
            work.run();
            return null;
        });
    }
}
