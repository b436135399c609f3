package dev.seva.payments.internal;

import dev.seva.tenant.Job;
import dev.seva.tenant.JobHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Runs the {@value #KIND} job that {@link WebhookIntake} enqueues with each new webhook event: its payload is the
 * stored event's id. Processing is idempotent (an event already PROCESSED or IGNORED is skipped), so a job run twice
 * after a crash changes nothing; a failure is recorded on the event and retried with the job's back-off.
 */
@ApplicationScoped
public class WebhookJob implements JobHandler {

    /** The job kind. */
    public static final String KIND = "payments.webhook";

    @Inject
    WebhookProcessor processor;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(Job job) {
        processor.processOrRecord(job.tenant(), job.payload());
    }

    /** A refund's webhook may come before its payment's: eight attempts over about ten minutes. */
    @Override
    public int maxAttempts() {
        return 8;
    }
}
