-- agents schema: agents in a tree, the entity each agent referred, versioned commission plans, and the immutable
-- commission ledger. Every table is tenant-owned: tenant_id, ENABLE + FORCE ROW LEVEL SECURITY, policy
-- tenant_isolation. Money columns are bigint paise (signed in the ledger: credits positive, debits negative);
-- rates numeric(9,4) percent.

CREATE TABLE agent (
    id               varchar(36)   PRIMARY KEY,
    tenant_id        varchar(36)   NOT NULL,
    user_id          varchar(36),
    name             varchar(200)  NOT NULL,
    email            varchar(254)  NOT NULL,
    phone            varchar(20)   NOT NULL,
    pan              varchar(10),
    parent_agent_id  varchar(36),
    plan_id          varchar(36),
    territories      text          NOT NULL DEFAULT '[]',
    status           varchar(16)   NOT NULL CHECK (status IN ('ACTIVE', 'INACTIVE')),
    referral_code    varchar(16)   NOT NULL,
    created_at       timestamptz   NOT NULL,
    updated_at       timestamptz   NOT NULL,
    version          bigint        NOT NULL DEFAULT 0,
    UNIQUE (tenant_id, id),
    UNIQUE (tenant_id, referral_code),
    UNIQUE (tenant_id, user_id),
    FOREIGN KEY (tenant_id, user_id) REFERENCES app_user (tenant_id, id),
    FOREIGN KEY (tenant_id, parent_agent_id) REFERENCES agent (tenant_id, id)
);
CREATE INDEX agent_parent_idx ON agent (tenant_id, parent_agent_id);
CREATE INDEX agent_list_idx ON agent (tenant_id, created_at DESC, id);

-- the referring agent of a business entity: one row per entity, never changed once set
CREATE TABLE agent_client (
    tenant_id    varchar(36)   NOT NULL,
    entity_id    varchar(36)   NOT NULL,
    agent_id     varchar(36)   NOT NULL,
    created_at   timestamptz   NOT NULL,
    PRIMARY KEY (entity_id),
    UNIQUE (tenant_id, entity_id),
    FOREIGN KEY (tenant_id, entity_id) REFERENCES business_entity (tenant_id, id),
    FOREIGN KEY (tenant_id, agent_id) REFERENCES agent (tenant_id, id)
);
CREATE INDEX agent_client_agent_idx ON agent_client (tenant_id, agent_id);

-- a commission plan version: never updated; a new version is a new row with the same name
CREATE TABLE commission_plan (
    id              varchar(36)   PRIMARY KEY,
    tenant_id       varchar(36)   NOT NULL,
    name            varchar(200)  NOT NULL,
    plan_version    int           NOT NULL CHECK (plan_version > 0),
    effective_from  date          NOT NULL,
    rules           text          NOT NULL,
    overrides       text          NOT NULL,
    hold_days       int           NOT NULL CHECK (hold_days >= 0),
    created_at      timestamptz   NOT NULL,
    UNIQUE (tenant_id, id),
    UNIQUE (tenant_id, name, plan_version)
);
CREATE INDEX commission_plan_effective_idx ON commission_plan (tenant_id, effective_from DESC, created_at DESC);

ALTER TABLE agent ADD FOREIGN KEY (tenant_id, plan_id) REFERENCES commission_plan (tenant_id, id);

-- the ledger: insert-only (the application role has no UPDATE or DELETE on it). source_id is what caused the entry
-- (the gateway's payment id for ACCRUAL and OVERRIDE, its refund id for CLAWBACK); the unique key makes every
-- event write each (agent, kind) entry at most once, however often it is delivered.
CREATE TABLE commission_entry (
    id               varchar(36)   PRIMARY KEY,
    tenant_id        varchar(36)   NOT NULL,
    agent_id         varchar(36)   NOT NULL,
    kind             varchar(16)   NOT NULL CHECK (kind IN ('ACCRUAL', 'OVERRIDE', 'CLAWBACK', 'TDS', 'PAYOUT',
                                                            'ADJUSTMENT')),
    amount_paise     bigint        NOT NULL,
    source_id        varchar(64)   NOT NULL,
    payment_id       varchar(64),
    refund_id        varchar(64),
    invoice_id       varchar(36),
    entity_id        varchar(36),
    plan_id          varchar(36),
    earner_agent_id  varchar(36),
    level            int           NOT NULL DEFAULT 0,
    basis_paise      bigint        NOT NULL DEFAULT 0,
    rate_percent     numeric(9,4),
    hold_until       date,
    occurred_at      timestamptz   NOT NULL,
    created_at       timestamptz   NOT NULL,
    note             varchar(500),
    UNIQUE (tenant_id, source_id, agent_id, kind),
    FOREIGN KEY (tenant_id, agent_id) REFERENCES agent (tenant_id, id)
);
CREATE INDEX commission_entry_agent_idx ON commission_entry (tenant_id, agent_id, occurred_at, id);
CREATE INDEX commission_entry_payment_idx ON commission_entry (tenant_id, payment_id);

GRANT SELECT, INSERT, UPDATE, DELETE ON agent, agent_client TO ${app_user};
GRANT SELECT, INSERT ON commission_plan, commission_entry TO ${app_user};

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['agent', 'agent_client', 'commission_plan', 'commission_entry'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I '
                       'USING (tenant_id = current_setting(''seva.tenant_id'', true)) '
                       'WITH CHECK (tenant_id = current_setting(''seva.tenant_id'', true))', t);
    END LOOP;
END
$$;
