-- tenant-core schema. Runs as the OWNER role (Flyway, jdbc/sevaMigration); the application connects as
-- ${app_user}: not a superuser, not the owner, no BYPASSRLS, DML grants only, so row-level security applies.
--
-- Two kinds of tables:
--   platform data (no tenant_id column, no RLS): tenant, tenant_domain, platform_admin
--   tenant-owned (tenant_id + ENABLE/FORCE RLS + policy tenant_isolation): every other table.
-- A test (RlsCatalogIT) fails if any table with a tenant_id column lacks an enabled, forced policy.

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${app_user}') THEN
        CREATE ROLE ${app_user} LOGIN PASSWORD '${app_password}' NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
    END IF;
END
$$;
GRANT USAGE ON SCHEMA ${flyway:defaultSchema} TO ${app_user};

-- ---------------------------------------------------------------- platform data
CREATE TABLE tenant (
    id          varchar(36)  PRIMARY KEY,
    slug        varchar(32)  NOT NULL UNIQUE,
    name        varchar(200) NOT NULL,
    status      varchar(16)  NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED')),
    plan        varchar(32)  NOT NULL,
    created_at  timestamptz  NOT NULL,
    updated_at  timestamptz  NOT NULL,
    version     bigint       NOT NULL DEFAULT 0
);

CREATE TABLE tenant_domain (
    domain      varchar(253) PRIMARY KEY,
    tenant      varchar(36)  NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    created_at  timestamptz  NOT NULL
);
CREATE INDEX tenant_domain_tenant_idx ON tenant_domain (tenant);

CREATE TABLE platform_admin (
    id            varchar(36)  PRIMARY KEY,
    email         varchar(254) NOT NULL UNIQUE,
    name          varchar(200) NOT NULL,
    password_hash varchar(255) NOT NULL,
    created_at    timestamptz  NOT NULL
);

GRANT SELECT, INSERT, UPDATE, DELETE ON tenant, tenant_domain, platform_admin TO ${app_user};

-- ---------------------------------------------------------------- tenant-owned data
CREATE TABLE app_user (
    id            varchar(36)  PRIMARY KEY,
    tenant_id     varchar(36)  NOT NULL REFERENCES tenant (id) DEFERRABLE INITIALLY DEFERRED,
    email         varchar(254) NOT NULL,
    name          varchar(200) NOT NULL,
    password_hash varchar(255),
    roles         varchar(200) NOT NULL,
    status        varchar(16)  NOT NULL CHECK (status IN ('ACTIVE', 'DISABLED')),
    created_at    timestamptz  NOT NULL,
    updated_at    timestamptz  NOT NULL,
    version       bigint       NOT NULL DEFAULT 0,
    UNIQUE (tenant_id, id)
);
-- e-mails are stored lower-cased: unique per tenant
CREATE UNIQUE INDEX app_user_tenant_email_uq ON app_user (tenant_id, email);

CREATE TABLE business_entity (
    id          varchar(36)   PRIMARY KEY,
    tenant_id   varchar(36)   NOT NULL REFERENCES tenant (id) DEFERRABLE INITIALLY DEFERRED,
    legal_name  varchar(300)  NOT NULL,
    type        varchar(32)   NOT NULL,
    pan         varchar(10),
    gstin       varchar(15),
    cin         varchar(21),
    llpin       varchar(8),
    state       varchar(2),
    address     varchar(1000),
    created_at  timestamptz   NOT NULL,
    updated_at  timestamptz   NOT NULL,
    version     bigint        NOT NULL DEFAULT 0,
    UNIQUE (tenant_id, id)
);
CREATE INDEX business_entity_list_idx ON business_entity (tenant_id, legal_name, id);

CREATE TABLE entity_member (
    id          varchar(36)  PRIMARY KEY,
    tenant_id   varchar(36)  NOT NULL,
    entity_id   varchar(36)  NOT NULL,
    user_id     varchar(36)  NOT NULL,
    role        varchar(16)  NOT NULL CHECK (role IN ('OWNER', 'MEMBER')),
    created_at  timestamptz  NOT NULL,
    UNIQUE (entity_id, user_id),
    -- composite keys: a membership can only join an entity and a user of its own tenant
    FOREIGN KEY (tenant_id, entity_id) REFERENCES business_entity (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, user_id) REFERENCES app_user (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX entity_member_user_idx ON entity_member (tenant_id, user_id);

-- append-only hash chain per tenant (the platform's own chain uses tenant 00000000-0000-0000-0000-000000000000)
CREATE TABLE audit_event (
    id          varchar(36)  PRIMARY KEY,
    tenant_id   varchar(36)  NOT NULL,
    seq         bigint       NOT NULL,
    occurred_at timestamptz  NOT NULL,
    actor       varchar(254),
    action      varchar(64)  NOT NULL,
    target_type varchar(64),
    target_id   varchar(254),
    ip          varchar(64),
    request_id  varchar(64),
    details     varchar(2000),
    prev_hash   varchar(64)  NOT NULL,
    hash        varchar(64)  NOT NULL,
    UNIQUE (tenant_id, seq)
);

GRANT SELECT, INSERT, UPDATE, DELETE ON app_user, business_entity, entity_member TO ${app_user};
-- the application may only append to and read the audit trail
GRANT SELECT, INSERT ON audit_event TO ${app_user};

-- ---------------------------------------------------------------- row-level security
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['app_user', 'business_entity', 'entity_member', 'audit_event'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I '
                       'USING (tenant_id = current_setting(''seva.tenant_id'', true)) '
                       'WITH CHECK (tenant_id = current_setting(''seva.tenant_id'', true))', t);
    END LOOP;
END
$$;
