-- Envelope encryption: each tenant's data keys, stored only wrapped by a master key of the KeyProvider (the master
-- key's id is kept so that rotation knows what to re-wrap). One active key per tenant encrypts; older ones still
-- decrypt. Tenant-owned: tenant_id, forced RLS, discriminator. Deleting a tenant's rows crypto-shreds its data.
CREATE TABLE tenant_data_key (
    id              varchar(36)   PRIMARY KEY,
    tenant_id       varchar(36)   NOT NULL REFERENCES tenant (id) DEFERRABLE INITIALLY DEFERRED,
    wrapped_key     bytea         NOT NULL,
    master_key_id   varchar(100)  NOT NULL,
    active          boolean       NOT NULL,
    created_at      timestamptz   NOT NULL,
    rewrapped_at    timestamptz
);
CREATE UNIQUE INDEX tenant_data_key_one_active ON tenant_data_key (tenant_id) WHERE active;
GRANT SELECT, INSERT, UPDATE ON tenant_data_key TO ${app_user};
ALTER TABLE tenant_data_key ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant_data_key FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenant_data_key
    USING (tenant_id = current_setting('seva.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('seva.tenant_id', true));
