-- A firm's white-label branding: one row per tenant. Tenant-owned: tenant_id, forced RLS, discriminator.
CREATE TABLE tenant_branding (
    id              varchar(36)   PRIMARY KEY,
    tenant_id       varchar(36)   NOT NULL UNIQUE REFERENCES tenant (id) DEFERRABLE INITIALLY DEFERRED,
    display_name    varchar(100)  NOT NULL,
    primary_color   varchar(7)    NOT NULL,
    accent_color    varchar(7)    NOT NULL,
    support_email   varchar(254),
    footer_text     varchar(500),
    logo            bytea,
    logo_media_type varchar(32),
    logo_sha256     varchar(64),
    updated_at      timestamptz   NOT NULL,
    version         bigint        NOT NULL DEFAULT 0
);
GRANT SELECT, INSERT, UPDATE, DELETE ON tenant_branding TO ${app_user};
ALTER TABLE tenant_branding ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant_branding FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenant_branding
    USING (tenant_id = current_setting('seva.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('seva.tenant_id', true));
