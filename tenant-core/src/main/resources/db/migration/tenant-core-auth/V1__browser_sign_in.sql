-- Browser sign-in (issue 3): signed-out tokens, the tenant's sign-in policy, its OIDC provider and the provider
-- identities linked to its users. Every table is tenant-owned: tenant_id, forced RLS, discriminator in its entity.

-- Access tokens signed out before they expired (logout). Kept until shortly after they expire. Platform admins'
-- tokens are kept under the platform's reserved tenant id (00000000-0000-0000-0000-000000000000).
CREATE TABLE revoked_token (
    jti         varchar(64)   PRIMARY KEY,
    tenant_id   varchar(36)   NOT NULL,
    expires_at  timestamptz   NOT NULL,
    revoked_at  timestamptz   NOT NULL
);
CREATE INDEX revoked_token_expiry ON revoked_token (tenant_id, expires_at);

-- One row per tenant: its sign-in policy.
CREATE TABLE tenant_security_settings (
    id                       varchar(36)  PRIMARY KEY,
    tenant_id                varchar(36)  NOT NULL UNIQUE REFERENCES tenant (id) DEFERRABLE INITIALLY DEFERRED,
    totp_required_for_staff  boolean      NOT NULL DEFAULT false,
    updated_at               timestamptz  NOT NULL,
    version                  bigint       NOT NULL DEFAULT 0
);

-- One row per tenant: its OpenID Connect provider. The client secret is sealed under the tenant's data key.
CREATE TABLE tenant_oidc_settings (
    id                    varchar(36)    PRIMARY KEY,
    tenant_id             varchar(36)    NOT NULL UNIQUE REFERENCES tenant (id) DEFERRABLE INITIALLY DEFERRED,
    enabled               boolean        NOT NULL DEFAULT false,
    issuer                varchar(500),
    client_id             varchar(255),
    client_secret_sealed  varchar(4000),
    label                 varchar(60),
    allow_sign_up         boolean        NOT NULL DEFAULT false,
    updated_at            timestamptz    NOT NULL,
    version               bigint         NOT NULL DEFAULT 0
);

-- A provider identity (issuer + subject) linked to a user at its first OIDC sign-in.
CREATE TABLE user_identity (
    id          varchar(36)   PRIMARY KEY,
    tenant_id   varchar(36)   NOT NULL,
    issuer      varchar(500)  NOT NULL,
    subject     varchar(255)  NOT NULL,
    user_id     varchar(36)   NOT NULL,
    created_at  timestamptz   NOT NULL,
    UNIQUE (tenant_id, issuer, subject),
    FOREIGN KEY (tenant_id, user_id) REFERENCES app_user (tenant_id, id) ON DELETE CASCADE
);

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['revoked_token', 'tenant_security_settings', 'tenant_oidc_settings', 'user_identity']
    LOOP
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO ${app_user}', t);
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I '
            || 'USING (tenant_id = current_setting(''seva.tenant_id'', true)) '
            || 'WITH CHECK (tenant_id = current_setting(''seva.tenant_id'', true))', t);
    END LOOP;
END $$;
