package dev.seva.tenant;

import dev.seva.sdk.TenantId;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The durable job queue: a table in PostgreSQL (tenant-owned, under row-level security), claimed by workers with
 * {@code FOR UPDATE SKIP LOCKED}, run by Jakarta Concurrency managed executors on every node, retried with back-off,
 * and taken over after a crash when its lease runs out. Enqueue inside the transaction that makes the work necessary:
 * the job exists if and only if that transaction commits.
 */
public interface Jobs {

    /**
     * Enqueues a job to run as soon as a worker is free (workers are woken when the transaction commits).
     *
     * @param tenant the tenant the job works for
     * @param kind the {@link JobHandler#kind()} that runs it
     * @param payload what the handler needs (small, no secrets), may be null
     * @return the job's id
     * @throws jakarta.persistence.TransactionRequiredException outside a transaction
     */
    UUID enqueue(TenantId tenant, String kind, String payload);

    /** Same as {@link #enqueue} for a job that must not start before {@code runAt}. */
    UUID enqueueAt(TenantId tenant, String kind, String payload, OffsetDateTime runAt);

    /**
     * @param tenant the job's tenant
     * @param id the job's id
     * @return the job's state, if it exists in that tenant
     */
    Optional<JobState> find(TenantId tenant, UUID id);

    /**
     * The jobs of one kind whose last attempt failed (retrying, or given up), most recently failed first: what an
     * administrator needs to see of work that keeps failing in the background.
     *
     * @param tenant the jobs' tenant
     * @param kind the job kind
     * @param limit at most this many (1 to 200)
     * @return the failures, with their payloads
     */
    List<FailedJob> failures(TenantId tenant, String kind, int limit);

    /**
     * A job whose last attempt failed.
     *
     * @param id its id
     * @param payload its payload (no secrets)
     * @param status PENDING (will retry) or FAILED (given up)
     * @param attempts attempts started so far
     * @param runAt when it runs next (PENDING)
     * @param failedAt when the last attempt failed
     * @param lastError the message of that failure
     */
    record FailedJob(UUID id, String payload, String status, int attempts, OffsetDateTime runAt,
            OffsetDateTime failedAt, String lastError) {
    }

    /**
     * A job's state.
     *
     * @param id its id
     * @param kind its kind
     * @param status PENDING, RUNNING, DONE or FAILED
     * @param attempts attempts started so far
     * @param runAt when it runs (next)
     * @param lastError the message of the last failure, if any
     */
    record JobState(UUID id, String kind, String status, int attempts, OffsetDateTime runAt, String lastError) {
    }
}
