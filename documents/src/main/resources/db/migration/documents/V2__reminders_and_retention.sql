-- Expiry reminders are now recorded by the daily scan BEFORE they are sent (one row per document, expiry date and
-- threshold: the unique key makes the scan idempotent across restarts and nodes) and sent by a durable job, so a row
-- has a status. recipients lists the addresses the message was handed to already (a retried job skips them).
ALTER TABLE document_reminder ADD COLUMN status varchar(16) NOT NULL DEFAULT 'SENT'
    CHECK (status IN ('PENDING', 'SENT', 'SKIPPED', 'FAILED'));
ALTER TABLE document_reminder ALTER COLUMN status DROP DEFAULT;
ALTER TABLE document_reminder ALTER COLUMN sent_at DROP NOT NULL;
ALTER TABLE document_reminder ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE document_reminder ADD COLUMN recipients varchar(4000);
ALTER TABLE document_reminder ADD COLUMN last_error varchar(500);
CREATE INDEX document_reminder_doc_idx ON document_reminder (tenant_id, document_id);

-- Retention per document type: a document cannot be deleted until created_at + retention_days (document.retain_until
-- is kept in step with the rule of the document's current type; without a rule the install-wide default applies).
CREATE TABLE document_retention (
    id                 varchar(36)   PRIMARY KEY,
    tenant_id          varchar(36)   NOT NULL REFERENCES tenant (id) DEFERRABLE INITIALLY DEFERRED,
    document_type      varchar(40)   NOT NULL,
    retention_days     integer       NOT NULL CHECK (retention_days BETWEEN 0 AND 36500),
    updated_by         varchar(36),
    updated_at         timestamptz   NOT NULL,
    UNIQUE (tenant_id, document_type)
);
GRANT SELECT, INSERT, UPDATE, DELETE ON document_retention TO ${app_user};
ALTER TABLE document_retention ENABLE ROW LEVEL SECURITY;
ALTER TABLE document_retention FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON document_retention
    USING (tenant_id = current_setting('seva.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('seva.tenant_id', true));
