-- TOTP second factor (RFC 6238) per user. Tenant-owned: tenant_id, forced RLS, discriminator in UserTotpRecord.
-- The shared secret is kept in this RLS-protected row (it must be readable to verify codes); recovery codes are
-- stored as SHA-256 hashes of high-entropy random codes.
CREATE TABLE user_totp (
    user_id         varchar(36)   PRIMARY KEY,
    tenant_id       varchar(36)   NOT NULL,
    secret          varchar(64)   NOT NULL,
    confirmed_at    timestamptz,
    last_step       bigint        NOT NULL DEFAULT 0,
    recovery_hashes varchar(1000),
    created_at      timestamptz   NOT NULL,
    FOREIGN KEY (tenant_id, user_id) REFERENCES app_user (tenant_id, id) ON DELETE CASCADE
);
GRANT SELECT, INSERT, UPDATE, DELETE ON user_totp TO ${app_user};
ALTER TABLE user_totp ENABLE ROW LEVEL SECURITY;
ALTER TABLE user_totp FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON user_totp
    USING (tenant_id = current_setting('seva.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('seva.tenant_id', true));
