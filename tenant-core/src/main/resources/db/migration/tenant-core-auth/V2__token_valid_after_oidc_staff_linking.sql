-- Issue 11: changes to an account take effect at once, and OIDC links staff by e-mail only when the tenant says so.

-- Per user: tokens issued (iat) before valid_after are refused. Written when a user is disabled or deleted, loses a
-- role or gets a new password; platform admins' rows are kept under the platform's reserved tenant id
-- (00000000-0000-0000-0000-000000000000). Rows older than a token's lifetime matter no more and are deleted.
-- No foreign key to app_user: a deleted user's row must outlive the user.
CREATE TABLE token_valid_after (
    tenant_id    varchar(36)  NOT NULL,
    subject      varchar(64)  NOT NULL,
    valid_after  timestamptz  NOT NULL,
    PRIMARY KEY (tenant_id, subject)
);
CREATE INDEX token_valid_after_time ON token_valid_after (tenant_id, valid_after);
GRANT SELECT, INSERT, UPDATE, DELETE ON token_valid_after TO ${app_user};
ALTER TABLE token_valid_after ENABLE ROW LEVEL SECURITY;
ALTER TABLE token_valid_after FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON token_valid_after
    USING (tenant_id = current_setting('seva.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('seva.tenant_id', true));

-- A first OIDC sign-in links by verified e-mail only CLIENT users, unless the tenant admin turns this on for staff
-- (never for a TENANT_ADMIN).
ALTER TABLE tenant_oidc_settings ADD COLUMN link_staff_by_email boolean NOT NULL DEFAULT false;
