package dev.seva.tenant.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seva.sdk.TenantId;
import dev.seva.tenant.Jobs;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.io.File;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The durable job queue in the container: jobs run in their tenant's scope, failures are retried and then FAILED
 * with the reason, a job whose worker died is taken over when its lease ends, and one tenant cannot see another's
 * jobs.
 */
@ExtendWith(ArquillianExtension.class)
class JobsArquillianIT {

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/seva.war"))
                .addClasses(JobsArquillianIT.class, TestJobHandler.class);
    }

    @Inject
    Jobs jobs;

    @Inject
    TenantEntityManagers ems;

    @Inject
    UserTransaction tx;

    private TenantId tenant(String prefix) throws Exception {
        TenantId id = TenantId.random();
        tx.begin();
        ems.platform().persist(new TenantRecord(id.value(),
                prefix + "-" + UUID.randomUUID().toString().substring(0, 8), "Jobs " + prefix, "STARTER"));
        tx.commit();
        return id;
    }

    private UUID enqueue(TenantId t, String payload) throws Exception {
        tx.begin();
        try {
            return jobs.enqueue(t, TestJobHandler.KIND, payload);
        } finally {
            tx.commit();
        }
    }

    private Jobs.JobState await(TenantId t, UUID id, String status) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Jobs.JobState s = null;
        while (System.nanoTime() < until) {
            s = jobs.find(t, id).orElseThrow();
            if (s.status().equals(status)) {
                return s;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + id + " did not reach " + status + ": " + s);
    }

    @Test
    void aJobRunsOnceInItsTenantsScope() throws Exception {
        TenantId a = tenant("joba");
        UUID id = enqueue(a, "hello");
        Jobs.JobState s = await(a, id, "DONE");
        assertEquals(1, s.attempts());
        assertEquals(a.value(), TestJobHandler.RAN_IN.get(id.toString()));
    }

    @Test
    void failuresAreRetriedThenFailedWithTheReason() throws Exception {
        TenantId a = tenant("jobr");
        UUID flaky = enqueue(a, "fail:2");
        UUID broken = enqueue(a, "fail:always");
        assertEquals(3, await(a, flaky, "DONE").attempts());
        Jobs.JobState s = await(a, broken, "FAILED");
        assertEquals(3, s.attempts());
        assertTrue(s.lastError().contains("planned failure 3"), s.lastError());
    }

    @Test
    void aJobWhoseWorkerDiedIsTakenOverWhenItsLeaseEnds() throws Exception {
        TenantId a = tenant("jobc");
        UUID id = UUID.randomUUID();
        tx.begin();
        try {
            // what a node that died mid-job leaves behind: RUNNING, one attempt started, lease already over
            ems.forTenant(a).createNativeQuery("INSERT INTO job (id, tenant_id, kind, payload, status, attempts,"
                    + " run_at, locked_until, created_at, updated_at) VALUES (?1, ?2, ?3, 'crashed', 'RUNNING', 1,"
                    + " now(), now() - interval '1 second', now(), now())").setParameter(1, id.toString())
                    .setParameter(2, a.value()).setParameter(3, TestJobHandler.KIND).executeUpdate();
        } finally {
            tx.commit();
        }
        assertEquals(2, await(a, id, "DONE").attempts());
    }

    @Test
    void anotherTenantDoesNotSeeTheJob() throws Exception {
        TenantId a = tenant("jobx");
        TenantId b = tenant("joby");
        UUID id = enqueue(a, "private");
        await(a, id, "DONE");
        assertTrue(jobs.find(b, id).isEmpty());
        assertTrue(OffsetDateTime.now().isAfter(jobs.find(a, id).orElseThrow().runAt().minusSeconds(1)));
    }
}
