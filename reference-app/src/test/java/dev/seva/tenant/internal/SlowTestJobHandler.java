package dev.seva.tenant.internal;

import dev.seva.tenant.Job;
import dev.seva.tenant.JobHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A long-lane job handler deployed only with {@link JobsArquillianIT}, standing in for OCR: sleeps the payload's
 * milliseconds and records when it started and finished (System.nanoTime()).
 */
@ApplicationScoped
public class SlowTestJobHandler implements JobHandler {

    static final String KIND = "test.jobs.long";
    static final Map<String, Long> STARTED = new ConcurrentHashMap<>();
    static final Map<String, Long> FINISHED = new ConcurrentHashMap<>();

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Lane lane() {
        return Lane.LONG;
    }

    @Override
    public void run(Job job) throws InterruptedException {
        STARTED.put(job.id().toString(), System.nanoTime());
        Thread.sleep(Long.parseLong(job.payload()));
        FINISHED.put(job.id().toString(), System.nanoTime());
    }
}
