-- Issue 11: the platform admin's TOTP second factor. Platform data (no tenant_id, no RLS), like platform_admin.
-- There is no platform data key: the secret is wrapped directly by the KeyProvider's master key (its id kept, so that
-- master key rotation re-wraps it), bound to the admin's id. Recovery codes are SHA-256 hashes of random codes.
CREATE TABLE platform_admin_totp (
    admin_id         varchar(36)   PRIMARY KEY REFERENCES platform_admin (id) ON DELETE CASCADE,
    secret_wrapped   bytea         NOT NULL,
    master_key_id    varchar(100)  NOT NULL,
    confirmed_at     timestamptz,
    last_step        bigint        NOT NULL DEFAULT 0,
    recovery_hashes  varchar(1000),
    created_at       timestamptz   NOT NULL
);
GRANT SELECT, INSERT, UPDATE, DELETE ON platform_admin_totp TO ${app_user};
