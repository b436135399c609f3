-- Fair claiming (issue 11 item 9): workers claim per lane (short and long jobs have their own threads, so the lane is
-- given by the kinds the worker asks for), tenants take turns, and a tenant has at most p_max_per_tenant jobs of the
-- lane running at once across all nodes. The claim picks, slot by slot, the tenant with the fewest jobs of the lane
-- running plus claimed so far, ties to the oldest due job: one tenant's backlog waits behind every other tenant's
-- next job instead of in front of it. Claims are serialised by a transaction-level advisory lock so that the cap
-- holds when nodes claim at the same moment (a claim is one short statement).
DROP FUNCTION seva_claim_jobs(integer, integer, varchar[]);

CREATE INDEX job_running ON job (kind, tenant_id) WHERE status = 'RUNNING';

CREATE FUNCTION seva_claim_jobs(p_max integer, p_lease_seconds integer, p_kinds varchar[], p_max_per_tenant integer)
    RETURNS TABLE (job_id varchar, job_tenant varchar, job_kind varchar)
    LANGUAGE sql SECURITY DEFINER SET search_path = ${flyway:defaultSchema}, pg_temp
AS $$
    SELECT pg_advisory_xact_lock(hashtext('seva_claim_jobs'));
    -- a new snapshot for this statement (a volatile SQL function takes one per statement): it sees every claim
    -- committed before the lock was granted
    WITH running AS (
        SELECT r.tenant_id, count(*) AS n FROM job r
         WHERE r.status = 'RUNNING' AND r.locked_until >= now() AND r.kind = ANY (p_kinds)
         GROUP BY r.tenant_id
    ), due AS (
        SELECT d.id, d.tenant_id, d.run_at,
               row_number() OVER (PARTITION BY d.tenant_id ORDER BY d.run_at, d.id) AS rn
          FROM job d
         WHERE d.kind = ANY (p_kinds)
           AND ((d.status = 'PENDING' AND d.run_at <= now()) OR (d.status = 'RUNNING' AND d.locked_until < now()))
    ), picked AS (
        SELECT due.id FROM due LEFT JOIN running ON running.tenant_id = due.tenant_id
         WHERE coalesce(running.n, 0) + due.rn <= p_max_per_tenant
         ORDER BY coalesce(running.n, 0) + due.rn, due.run_at, due.id
         LIMIT p_max
    ), locked AS (
        SELECT l.id FROM job l
         WHERE l.id IN (SELECT picked.id FROM picked)
           AND ((l.status = 'PENDING' AND l.run_at <= now()) OR (l.status = 'RUNNING' AND l.locked_until < now()))
           FOR UPDATE SKIP LOCKED
    )
    UPDATE job j
       SET status = 'RUNNING',
           attempts = j.attempts + 1,
           locked_until = now() + make_interval(secs => p_lease_seconds),
           updated_at = now()
     WHERE j.id IN (SELECT locked.id FROM locked)
    RETURNING j.id, j.tenant_id, j.kind;
$$;
REVOKE ALL ON FUNCTION seva_claim_jobs(integer, integer, varchar[], integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION seva_claim_jobs(integer, integer, varchar[], integer) TO ${app_user};
