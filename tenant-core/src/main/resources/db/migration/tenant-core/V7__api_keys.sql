-- API keys for server-to-server partner calls. The key is shown once; only the SHA-256 of its secret part is kept
-- (the secret is 256 random bits, so a fast hash is enough and lets every call be checked cheaply). Looked up by the
-- public key id under the tenant's RLS setting: a key cannot even be found from another tenant's host.
CREATE TABLE api_key (
    id            varchar(36)   PRIMARY KEY,
    tenant_id     varchar(36)   NOT NULL REFERENCES tenant (id) DEFERRABLE INITIALLY DEFERRED,
    key_id        varchar(32)   NOT NULL UNIQUE,
    secret_sha256 varchar(64)   NOT NULL,
    name          varchar(100)  NOT NULL,
    scopes        varchar(500)  NOT NULL,
    created_by    varchar(36)   NOT NULL,
    created_at    timestamptz   NOT NULL,
    last_used_at  timestamptz,
    revoked_at    timestamptz
);
CREATE INDEX api_key_tenant ON api_key (tenant_id, created_at);
GRANT SELECT, INSERT, UPDATE ON api_key TO ${app_user};
ALTER TABLE api_key ENABLE ROW LEVEL SECURITY;
ALTER TABLE api_key FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON api_key
    USING (tenant_id = current_setting('seva.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('seva.tenant_id', true));
