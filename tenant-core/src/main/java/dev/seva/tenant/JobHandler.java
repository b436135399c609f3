package dev.seva.tenant;

import java.time.Duration;

/**
 * Runs the jobs of one kind. Declare it as an {@code @ApplicationScoped} CDI bean; the worker finds it by
 * {@link #kind()}.
 *
 * <p>
 * {@link #run} is called on a worker thread, inside a tenant scope of the job's tenant ({@link TenantScopes}) and
 * outside any transaction: it calls transactional services, which commit their own work. A job may run more than
 * once (a node dies after the work committed but before the job was marked done, or an attempt failed): handlers
 * are idempotent, for example by checking the state they move forward.
 */
public interface JobHandler {

    /** @return the kind of jobs this handler runs, such as {@code documents.process} */
    String kind();

    /**
     * Does the work.
     *
     * @param job the job
     * @throws Exception to have the job retried after a back-off, until {@link #maxAttempts()}; then it is FAILED
     *         with the exception's message
     */
    void run(Job job) throws Exception;

    /**
     * Which worker threads run a job. Each lane has its own threads on every node, so hours of one tenant's OCR never
     * hold up another's webhooks and reminders; within a lane, tenants take turns and each has a cap of running jobs.
     */
    enum Lane {
        /** work of seconds at most: webhooks, reminders, reconciliation (the default) */
        SHORT,
        /** work that may take minutes: OCR and text extraction of documents */
        LONG
    }

    /** @return the lane of this kind of job; default {@link Lane#SHORT} */
    default Lane lane() {
        return Lane.SHORT;
    }

    /** @return attempts before the job is FAILED; default 5 */
    default int maxAttempts() {
        return 5;
    }

    /**
     * @return how long one attempt may go without its node renewing the lease before another node may take the job
     *         over (its node is presumed dead); the worker renews it every third of it while the attempt runs, so it
     *         bounds how long a crashed node's job waits, not how long a job may take; default 10 minutes
     */
    default Duration lease() {
        return Duration.ofMinutes(10);
    }

    /**
     * @param failedAttempts attempts made so far
     * @return how long to wait before the next attempt; default exponential from 5 s, at most 1 hour
     */
    default Duration backoff(int failedAttempts) {
        long seconds = 5L << Math.min(Math.max(failedAttempts - 1, 0), 10);
        return Duration.ofSeconds(Math.min(seconds, 3600));
    }
}
