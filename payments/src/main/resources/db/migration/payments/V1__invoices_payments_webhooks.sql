-- payments schema: invoices with GST, gapless numbering, Razorpay settings, payments, refunds, webhook log.
-- Every table is tenant-owned: tenant_id, ENABLE + FORCE ROW LEVEL SECURITY, policy tenant_isolation.
-- Money columns are bigint paise; rates numeric(5,2) percent.

-- the firm's Razorpay account; secrets sealed with the tenant's data key (TenantCrypto), never readable back by API
CREATE TABLE payment_settings (
    id                     varchar(36)   PRIMARY KEY,
    tenant_id              varchar(36)   NOT NULL UNIQUE REFERENCES tenant (id) DEFERRABLE INITIALLY DEFERRED,
    key_id                 varchar(64)   NOT NULL,
    key_secret_sealed      text          NOT NULL,
    webhook_secret_sealed  text          NOT NULL,
    state_code             varchar(2),
    gstin                  varchar(15),
    updated_at             timestamptz   NOT NULL,
    version                bigint        NOT NULL DEFAULT 0
);

-- one row per tenant and financial year; the invoice's transaction increments it (row lock until commit), so
-- numbers are gapless and unique under concurrent creation
CREATE TABLE invoice_counter (
    tenant_id       varchar(36)  NOT NULL REFERENCES tenant (id) DEFERRABLE INITIALLY DEFERRED,
    financial_year  varchar(7)   NOT NULL,
    last_value      bigint       NOT NULL,
    PRIMARY KEY (tenant_id, financial_year)
);

CREATE TABLE invoice (
    id                  varchar(36)   PRIMARY KEY,
    tenant_id           varchar(36)   NOT NULL,
    number              varchar(40),
    financial_year      varchar(7),
    entity_id           varchar(36)   NOT NULL,
    entity_name         varchar(300)  NOT NULL,
    entity_gstin        varchar(15),
    firm_state          varchar(2)    NOT NULL,
    place_of_supply     varchar(2)    NOT NULL,
    status              varchar(24)   NOT NULL CHECK (status IN ('DRAFT', 'ISSUED', 'PAID', 'PARTIALLY_REFUNDED',
                                                                 'REFUNDED', 'VOID')),
    service_category    varchar(64),
    taxable_paise       bigint        NOT NULL CHECK (taxable_paise >= 0),
    cgst_paise          bigint        NOT NULL CHECK (cgst_paise >= 0),
    sgst_paise          bigint        NOT NULL CHECK (sgst_paise >= 0),
    igst_paise          bigint        NOT NULL CHECK (igst_paise >= 0),
    total_paise         bigint        NOT NULL CHECK (total_paise > 0),
    paid_paise          bigint        NOT NULL DEFAULT 0 CHECK (paid_paise >= 0),
    refunded_paise      bigint        NOT NULL DEFAULT 0 CHECK (refunded_paise >= 0),
    razorpay_order_id   varchar(64),
    order_amount_paise  bigint,
    order_created_at    timestamptz,
    issued_at           timestamptz,
    created_at          timestamptz   NOT NULL,
    updated_at          timestamptz   NOT NULL,
    version             bigint        NOT NULL DEFAULT 0,
    UNIQUE (tenant_id, id),
    UNIQUE (tenant_id, number),
    UNIQUE (tenant_id, razorpay_order_id),
    FOREIGN KEY (tenant_id, entity_id) REFERENCES business_entity (tenant_id, id)
);
CREATE INDEX invoice_list_idx ON invoice (tenant_id, created_at DESC, id);
CREATE INDEX invoice_entity_idx ON invoice (tenant_id, entity_id);

CREATE TABLE invoice_line (
    id                varchar(36)   PRIMARY KEY,
    tenant_id         varchar(36)   NOT NULL,
    invoice_id        varchar(36)   NOT NULL,
    line_no           int           NOT NULL,
    description       varchar(500)  NOT NULL,
    sac               varchar(8),
    service_category  varchar(64),
    amount_paise      bigint        NOT NULL CHECK (amount_paise > 0),
    gst_rate_percent  numeric(5,2)  NOT NULL,
    cgst_paise        bigint        NOT NULL,
    sgst_paise        bigint        NOT NULL,
    igst_paise        bigint        NOT NULL,
    UNIQUE (invoice_id, line_no),
    FOREIGN KEY (tenant_id, invoice_id) REFERENCES invoice (tenant_id, id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
);

-- one row per gateway payment: the unique key is what makes PaymentCaptured fire once per real payment
CREATE TABLE payment (
    id                   varchar(36)  PRIMARY KEY,
    tenant_id            varchar(36)  NOT NULL,
    invoice_id           varchar(36)  NOT NULL,
    razorpay_order_id    varchar(64)  NOT NULL,
    razorpay_payment_id  varchar(64)  NOT NULL,
    amount_paise         bigint       NOT NULL CHECK (amount_paise >= 0),
    status               varchar(16)  NOT NULL CHECK (status IN ('FAILED', 'CAPTURED')),
    source               varchar(16)  NOT NULL,
    captured_at          timestamptz,
    event_emitted        boolean      NOT NULL DEFAULT false,
    created_at           timestamptz  NOT NULL,
    updated_at           timestamptz  NOT NULL,
    version              bigint       NOT NULL DEFAULT 0,
    UNIQUE (tenant_id, razorpay_payment_id),
    FOREIGN KEY (tenant_id, invoice_id) REFERENCES invoice (tenant_id, id)
);
CREATE INDEX payment_invoice_idx ON payment (tenant_id, invoice_id);

CREATE TABLE refund (
    id                   varchar(36)   PRIMARY KEY,
    tenant_id            varchar(36)   NOT NULL,
    invoice_id           varchar(36)   NOT NULL,
    razorpay_payment_id  varchar(64)   NOT NULL,
    razorpay_refund_id   varchar(64),
    amount_paise         bigint        NOT NULL CHECK (amount_paise > 0),
    status               varchar(16)   NOT NULL CHECK (status IN ('REQUESTED', 'PENDING', 'PROCESSED', 'FAILED')),
    reason               varchar(500),
    event_emitted        boolean       NOT NULL DEFAULT false,
    processed_at         timestamptz,
    created_at           timestamptz   NOT NULL,
    updated_at           timestamptz   NOT NULL,
    version              bigint        NOT NULL DEFAULT 0,
    UNIQUE (tenant_id, razorpay_refund_id),
    FOREIGN KEY (tenant_id, invoice_id) REFERENCES invoice (tenant_id, id)
);
CREATE INDEX refund_invoice_idx ON refund (tenant_id, invoice_id);

-- every authentic webhook delivery, de-duplicated on Razorpay's x-razorpay-event-id
CREATE TABLE webhook_event (
    id            varchar(36)   PRIMARY KEY,
    tenant_id     varchar(36)   NOT NULL,
    event_id      varchar(64)   NOT NULL,
    event_type    varchar(64)   NOT NULL,
    payload       text          NOT NULL,
    status        varchar(16)   NOT NULL CHECK (status IN ('RECEIVED', 'PROCESSED', 'IGNORED', 'FAILED')),
    attempts      int           NOT NULL DEFAULT 0,
    last_error    varchar(1000),
    duplicates    int           NOT NULL DEFAULT 0,
    received_at   timestamptz   NOT NULL,
    processed_at  timestamptz,
    UNIQUE (tenant_id, event_id)
);
CREATE INDEX webhook_event_list_idx ON webhook_event (tenant_id, received_at DESC, id);
CREATE INDEX webhook_event_pending_idx ON webhook_event (tenant_id, status) WHERE status IN ('RECEIVED', 'FAILED');

GRANT SELECT, INSERT, UPDATE, DELETE ON payment_settings, invoice_counter, invoice, invoice_line, payment, refund,
    webhook_event TO ${app_user};

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['payment_settings', 'invoice_counter', 'invoice', 'invoice_line', 'payment', 'refund',
                             'webhook_event'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I '
                       'USING (tenant_id = current_setting(''seva.tenant_id'', true)) '
                       'WITH CHECK (tenant_id = current_setting(''seva.tenant_id'', true))', t);
    END LOOP;
END
$$;
