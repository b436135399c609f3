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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The durable job queue in the container: jobs run in their tenant's scope, failures are retried and then FAILED
 * with the reason, a job whose worker died is taken over when its lease ends, one tenant cannot see another's jobs,
 * and one tenant's flood of slow jobs delays no other tenant's jobs by more than a moment (lanes, turns, caps).
 */
@ExtendWith(ArquillianExtension.class)
class JobsArquillianIT {

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/seva.war"))
                .addClasses(JobsArquillianIT.class, TestJobHandler.class, SlowTestJobHandler.class);
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

    private List<UUID> enqueue(TenantId t, String kind, String payload, int n) throws Exception {
        List<UUID> ids = new ArrayList<>();
        tx.begin();
        try {
            for (int i = 0; i < n; i++) {
                ids.add(jobs.enqueue(t, kind, payload));
            }
        } finally {
            tx.commit();
        }
        return ids;
    }

    /** @return how long the job took from now until DONE, in milliseconds */
    private long millisUntilDone(TenantId t, UUID id) throws Exception {
        long t0 = System.nanoTime();
        await(t, id, "DONE");
        return (System.nanoTime() - t0) / 1_000_000;
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

    @Test
    void oneTenantsLongJobsDelayNeitherAnotherTenantsShortJobsNorItsLongOnes() throws Exception {
        TenantId a = tenant("joblong");
        TenantId b = tenant("jobshort");
        TenantId c = tenant("jobocr");
        // tenant A scans a pile of documents: four long jobs of 2 s
        List<UUID> pile = enqueue(a, SlowTestJobHandler.KIND, "2000", 4);
        Thread.sleep(300);
        // B's webhook is not held up by A's OCR: the short lane has threads of its own
        UUID webhook = enqueue(b, "webhook");
        long shortWait = millisUntilDone(b, webhook);
        assertTrue(shortWait < 1_500, "B's short job waited " + shortWait + " ms behind A's long ones");
        // C's one document is not held up either: A runs one long job at a time (its cap), the other thread is C's
        UUID scan = enqueue(c, SlowTestJobHandler.KIND, "100", 1).get(0);
        long longWait = millisUntilDone(c, scan);
        assertTrue(longWait < 1_800, "C's long job waited " + longWait + " ms behind A's");
        for (UUID id : pile) {
            await(a, id, "DONE");
        }
        List<long[]> spans = pile.stream().map(id -> new long[]{SlowTestJobHandler.STARTED.get(id.toString()),
                SlowTestJobHandler.FINISHED.get(id.toString())}).sorted(Comparator.comparingLong(x -> x[0]))
                .toList();
        for (int i = 1; i < spans.size(); i++) {
            assertTrue(spans.get(i)[0] >= spans.get(i - 1)[1], "A's long jobs never ran two at a time (cap 1)");
        }
    }

    @Test
    void tenantsTakeTurnsInALane() throws Exception {
        TenantId a = tenant("jobflood");
        TenantId b = tenant("jobturn");
        // A floods the short lane with slow jobs: 8 x 1.5 s on 2 threads would be 6 s in order of arrival
        List<UUID> flood = enqueue(a, TestJobHandler.KIND, "sleep:1500", 8);
        Thread.sleep(300);
        UUID mine = enqueue(b, "turn");
        long waited = millisUntilDone(b, mine);
        assertTrue(waited < 2_500, "B's job got the next free thread, not the end of A's queue: " + waited + " ms");
        long unfinished = flood.stream().filter(id -> !TestJobHandler.FINISHED.containsKey(id.toString())).count();
        assertTrue(unfinished >= 3, "B ran before most of A's earlier jobs: " + unfinished + " of A's left");
        for (UUID id : flood) {
            await(a, id, "DONE");
        }
    }
}
