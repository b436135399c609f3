-- agents schema, part 2: leads (captured by agents, staff or the public referral link) and their history, the
-- agent's structured territory and bank account, and payout runs. Every table is tenant-owned like part 1:
-- tenant_id, ENABLE + FORCE ROW LEVEL SECURITY, policy tenant_isolation.

-- territory: {"states":[],"cities":[],"pincodes":[],"serviceCategories":[]}; the bank account number is sealed
-- with the tenant's data key (TenantCrypto), only its last four digits are kept in clear
ALTER TABLE agent ADD COLUMN territory text NOT NULL DEFAULT '{}';
ALTER TABLE agent ADD COLUMN bank_account_name varchar(200);
ALTER TABLE agent ADD COLUMN bank_account_sealed text;
ALTER TABLE agent ADD COLUMN bank_account_last4 varchar(4);
ALTER TABLE agent ADD COLUMN bank_ifsc varchar(11);

-- a lead. phone_key / email_key are the normalised phone (digits, +91 / 0 prefixes stripped) and the lower-cased
-- e-mail: the partial unique indexes make duplicates impossible even for racing inserts.
CREATE TABLE agent_lead (
    id                    varchar(36)   PRIMARY KEY,
    tenant_id             varchar(36)   NOT NULL,
    name                  varchar(200)  NOT NULL,
    phone                 varchar(20),
    phone_key             varchar(15),
    email                 varchar(254),
    email_key             varchar(254),
    company_name          varchar(300),
    city                  varchar(100),
    state                 varchar(100),
    pincode               varchar(6),
    service_category      varchar(100),
    source                varchar(16)   NOT NULL CHECK (source IN ('AGENT', 'REFERRAL_LINK', 'STAFF')),
    stage                 varchar(16)   NOT NULL CHECK (stage IN ('NEW', 'CONTACTED', 'QUALIFIED', 'CONVERTED',
                                                                  'LOST')),
    agent_id              varchar(36),
    referred_by_agent_id  varchar(36),
    entity_id             varchar(36),
    lost_reason           varchar(500),
    created_at            timestamptz   NOT NULL,
    updated_at            timestamptz   NOT NULL,
    version               bigint        NOT NULL DEFAULT 0,
    CHECK (phone_key IS NOT NULL OR email_key IS NOT NULL),
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, agent_id) REFERENCES agent (tenant_id, id),
    FOREIGN KEY (tenant_id, referred_by_agent_id) REFERENCES agent (tenant_id, id),
    FOREIGN KEY (tenant_id, entity_id) REFERENCES business_entity (tenant_id, id)
);
CREATE UNIQUE INDEX agent_lead_phone_key ON agent_lead (tenant_id, phone_key) WHERE phone_key IS NOT NULL;
CREATE UNIQUE INDEX agent_lead_email_key ON agent_lead (tenant_id, email_key) WHERE email_key IS NOT NULL;
CREATE INDEX agent_lead_list_idx ON agent_lead (tenant_id, created_at DESC, id);
CREATE INDEX agent_lead_agent_idx ON agent_lead (tenant_id, agent_id, stage);
CREATE INDEX agent_lead_referrer_idx ON agent_lead (tenant_id, referred_by_agent_id);

-- every change of a lead, insert-only: CREATED, STAGE, ASSIGNED, NOTE, REFERRAL (a duplicate came in through a
-- referral link), CONVERTED
CREATE TABLE agent_lead_event (
    id           varchar(36)   PRIMARY KEY,
    tenant_id    varchar(36)   NOT NULL,
    lead_id      varchar(36)   NOT NULL,
    kind         varchar(16)   NOT NULL,
    from_value   varchar(100),
    to_value     varchar(100),
    note         varchar(2000),
    actor        varchar(254)  NOT NULL,
    created_at   timestamptz   NOT NULL,
    FOREIGN KEY (tenant_id, lead_id) REFERENCES agent_lead (tenant_id, id)
);
CREATE INDEX agent_lead_event_lead_idx ON agent_lead_event (tenant_id, lead_id, created_at, id);

-- a payout run: one per (tenant, period end), never changed
CREATE TABLE payout_run (
    id           varchar(36)   PRIMARY KEY,
    tenant_id    varchar(36)   NOT NULL,
    period_end   date          NOT NULL,
    created_at   timestamptz   NOT NULL,
    created_by   varchar(254)  NOT NULL,
    UNIQUE (tenant_id, id),
    UNIQUE (tenant_id, period_end)
);

-- one line per agent paid (PAID) or skipped (SKIPPED, with the reason); the bank details are a snapshot taken
-- when the run was made, the account number sealed
CREATE TABLE payout_line (
    id                   varchar(36)   PRIMARY KEY,
    tenant_id            varchar(36)   NOT NULL,
    run_id               varchar(36)   NOT NULL,
    agent_id             varchar(36)   NOT NULL,
    agent_name           varchar(200)  NOT NULL,
    status               varchar(16)   NOT NULL CHECK (status IN ('PAID', 'SKIPPED')),
    reason               varchar(200),
    gross_paise          bigint        NOT NULL,
    tds_paise            bigint        NOT NULL,
    net_paise            bigint        NOT NULL,
    reference            varchar(32),
    account_name         varchar(200),
    account_sealed       text,
    ifsc                 varchar(11),
    UNIQUE (tenant_id, run_id, agent_id),
    FOREIGN KEY (tenant_id, run_id) REFERENCES payout_run (tenant_id, id),
    FOREIGN KEY (tenant_id, agent_id) REFERENCES agent (tenant_id, id)
);

GRANT SELECT, INSERT, UPDATE ON agent_lead TO ${app_user};
GRANT SELECT, INSERT ON agent_lead_event, payout_run, payout_line TO ${app_user};

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['agent_lead', 'agent_lead_event', 'payout_run', 'payout_line'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I '
                       'USING (tenant_id = current_setting(''seva.tenant_id'', true)) '
                       'WITH CHECK (tenant_id = current_setting(''seva.tenant_id'', true))', t);
    END LOOP;
END
$$;
