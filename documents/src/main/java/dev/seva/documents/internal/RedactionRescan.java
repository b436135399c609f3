package dev.seva.documents.internal;

import dev.seva.tenant.Job;
import dev.seva.tenant.JobHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The redaction rescan job ({@value #KIND}, one per tenant and run; payload: the run id of the tenant's marker): masks
 * the tenant's stored text again, batch after batch ({@code seva.documents.redaction-rescan.batch-size} documents per
 * transaction), under its RLS. A retry or a node taking the job over goes on from the last committed batch.
 */
@ApplicationScoped
public class RedactionRescan implements JobHandler {

    /** The job kind. */
    public static final String KIND = "documents.redaction.rescan";

    @Inject
    RedactionRescanBatch batches;

    @Inject
    @ConfigProperty(name = "seva.documents.redaction-rescan.batch-size", defaultValue = "50")
    int batchSize;

    /** @return the long lane: a tenant's whole vault is read again, batch by batch */
    @Override
    public Lane lane() {
        return Lane.LONG;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(Job job) {
        while (batches.next(job.payload(), Math.max(batchSize, 1))) {
            // each batch commits on its own
        }
    }
}
