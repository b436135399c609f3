-- The durable job queue (Jobs facade). Tenant-owned like every table: tenant_id, forced RLS, discriminator in
-- JobRecord. The one cross-tenant operation, claiming due jobs, is seva_claim_jobs(): a SECURITY DEFINER function that
-- runs as the owner (who gets a policy of its own on this table) and answers only job ids and their tenants; the
-- worker then reads and updates each job under its tenant's RLS setting.
CREATE TABLE job (
    id            varchar(36)   PRIMARY KEY,
    tenant_id     varchar(36)   NOT NULL REFERENCES tenant (id) DEFERRABLE INITIALLY DEFERRED,
    kind          varchar(100)  NOT NULL,
    payload       text,
    status        varchar(16)   NOT NULL CHECK (status IN ('PENDING', 'RUNNING', 'DONE', 'FAILED')),
    attempts      integer       NOT NULL DEFAULT 0,
    run_at        timestamptz   NOT NULL,
    locked_until  timestamptz,
    last_error    varchar(1000),
    created_at    timestamptz   NOT NULL,
    updated_at    timestamptz   NOT NULL
);
CREATE INDEX job_due ON job (run_at) WHERE status IN ('PENDING', 'RUNNING');
CREATE INDEX job_tenant_status ON job (tenant_id, status, kind);
GRANT SELECT, INSERT, UPDATE ON job TO ${app_user};
ALTER TABLE job ENABLE ROW LEVEL SECURITY;
ALTER TABLE job FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON job
    USING (tenant_id = current_setting('seva.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('seva.tenant_id', true));
DO $$
BEGIN
    EXECUTE format('CREATE POLICY job_claim_by_owner ON job TO %I USING (true) WITH CHECK (true)', current_user);
END
$$;

-- Leases up to p_max due jobs of the kinds the calling node can run (pending and due, or running with an expired
-- lease: a worker died) and answers their ids, tenants and kinds. attempts counts started attempts, so a job that
-- kills its worker every time still ends.
CREATE FUNCTION seva_claim_jobs(p_max integer, p_lease_seconds integer, p_kinds varchar[])
    RETURNS TABLE (job_id varchar, job_tenant varchar, job_kind varchar)
    LANGUAGE sql SECURITY DEFINER SET search_path = ${flyway:defaultSchema}, pg_temp
AS $$
    UPDATE job j
       SET status = 'RUNNING',
           attempts = j.attempts + 1,
           locked_until = now() + make_interval(secs => p_lease_seconds),
           updated_at = now()
     WHERE j.id IN (SELECT d.id FROM job d
                     WHERE d.kind = ANY (p_kinds)
                       AND ((d.status = 'PENDING' AND d.run_at <= now())
                         OR (d.status = 'RUNNING' AND d.locked_until < now()))
                     ORDER BY d.run_at
                     LIMIT p_max
                     FOR UPDATE SKIP LOCKED)
    RETURNING j.id, j.tenant_id, j.kind;
$$;
REVOKE ALL ON FUNCTION seva_claim_jobs(integer, integer, varchar[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION seva_claim_jobs(integer, integer, varchar[]) TO ${app_user};
