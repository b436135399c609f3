-- The redaction rescan (job documents.redaction.rescan; KycReader.REDACTION_VERSION): one row per tenant saying with
-- which version of the redaction rules its stored text, titles, file names and fields were last masked, and how far
-- the run in progress got (after_id: documents are visited in id order; each batch commits its changes with the new
-- position, so a run taken over after a crash goes on from there). run_id is the run's job payload: a run asked for
-- again supersedes the one in progress, which stops at its next batch. Only counts are kept, never the text.
CREATE TABLE document_redaction_rescan (
    tenant_id          varchar(36)   PRIMARY KEY REFERENCES tenant (id) DEFERRABLE INITIALLY DEFERRED,
    redaction_version  integer       NOT NULL,
    run_id             varchar(36)   NOT NULL,
    status             varchar(16)   NOT NULL CHECK (status IN ('RUNNING', 'DONE')),
    after_id           varchar(36),
    examined           integer       NOT NULL DEFAULT 0,
    changed            integer       NOT NULL DEFAULT 0,
    started_at         timestamptz   NOT NULL,
    finished_at        timestamptz
);
GRANT SELECT, INSERT, UPDATE ON document_redaction_rescan TO ${app_user};
ALTER TABLE document_redaction_rescan ENABLE ROW LEVEL SECURITY;
ALTER TABLE document_redaction_rescan FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON document_redaction_rescan
    USING (tenant_id = current_setting('seva.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('seva.tenant_id', true));
