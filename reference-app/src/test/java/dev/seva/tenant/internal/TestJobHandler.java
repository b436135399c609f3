package dev.seva.tenant.internal;

import dev.seva.sdk.TenantContext;
import dev.seva.tenant.Job;
import dev.seva.tenant.JobHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A job handler deployed only with {@link JobsArquillianIT}, of the short lane: records the tenant it ran in and when
 * it finished, sleeps as the payload says ({@code sleep:millis}), and fails as it says ({@code fail:N} fails the first
 * N attempts, {@code fail:always} every one).
 */
@ApplicationScoped
public class TestJobHandler implements JobHandler {

    static final String KIND = "test.jobs";
    /** job id → the tenant the handler saw as current */
    static final Map<String, String> RAN_IN = new ConcurrentHashMap<>();

    @Inject
    TenantContext tenant;

    @Override
    public String kind() {
        return KIND;
    }

    /** job id → when the handler finished it (System.nanoTime()) */
    static final Map<String, Long> FINISHED = new ConcurrentHashMap<>();

    @Override
    public void run(Job job) throws InterruptedException {
        String p = job.payload() == null ? "" : job.payload();
        if (p.startsWith("sleep:")) {
            Thread.sleep(Long.parseLong(p.substring(6)));
        }
        if (p.equals("fail:always") || (p.startsWith("fail:") && !p.equals("fail:always")
                && job.attempt() <= Integer.parseInt(p.substring(5)))) {
            throw new IllegalStateException("planned failure " + job.attempt());
        }
        RAN_IN.put(job.id().toString(), tenant.require().value());
        FINISHED.put(job.id().toString(), System.nanoTime());
    }

    @Override
    public int maxAttempts() {
        return 3;
    }

    @Override
    public Duration backoff(int failedAttempts) {
        return Duration.ofMillis(200);
    }
}
