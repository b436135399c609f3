-- documents (the vault). Runs as the OWNER role after tenant-core's migrations; the application connects as
-- ${app_user}. Every table is tenant-owned: tenant_id + ENABLE/FORCE ROW LEVEL SECURITY + policy tenant_isolation.
--
-- Where the words are: the extracted/OCR text (document_version.text_content, and the current version's copy in
-- document.search_text that feeds the full-text index) and the extracted fields are kept in PLAINTEXT rows, protected
-- by RLS and EclipseLink's tenant discriminator, because PostgreSQL full-text search needs the plaintext. Blobs (the
-- files themselves) are encrypted per tenant. Aadhaar numbers are never stored: the extractor keeps the masked form.

CREATE TABLE document (
    id                 varchar(36)   PRIMARY KEY,
    tenant_id          varchar(36)   NOT NULL REFERENCES tenant (id) DEFERRABLE INITIALLY DEFERRED,
    entity_id          varchar(36)   NOT NULL,
    title              varchar(300)  NOT NULL,
    document_type      varchar(40)   NOT NULL,
    type_source        varchar(16)   NOT NULL CHECK (type_source IN ('DECLARED', 'CLASSIFIED', 'CORRECTED')),
    classification     varchar(40),
    status             varchar(16)   NOT NULL CHECK (status IN ('PROCESSING', 'READY', 'FAILED')),
    failure_reason     varchar(500),
    review_state       varchar(16)   NOT NULL CHECK (review_state IN ('PENDING_REVIEW', 'APPROVED', 'REJECTED')),
    current_version    integer       NOT NULL,
    media_type         varchar(100)  NOT NULL,
    size_bytes         bigint        NOT NULL,
    sha256             varchar(64)   NOT NULL,
    expires_on         date,
    retain_until       date,
    legal_hold         boolean       NOT NULL DEFAULT false,
    search_text        text,
    search             tsvector      GENERATED ALWAYS AS (
                           setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A')
                           || setweight(to_tsvector('english'::regconfig, coalesce(search_text, '')), 'B')) STORED,
    uploaded_by        varchar(36),
    deleted_at         timestamptz,
    created_at         timestamptz   NOT NULL,
    updated_at         timestamptz   NOT NULL,
    version            bigint        NOT NULL DEFAULT 0,
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, entity_id) REFERENCES business_entity (tenant_id, id)
);
CREATE INDEX document_entity_idx ON document (tenant_id, entity_id, created_at);
CREATE INDEX document_search_idx ON document USING gin (search);
CREATE INDEX document_expiry_idx ON document (tenant_id, expires_on) WHERE expires_on IS NOT NULL;

CREATE TABLE document_version (
    id                 varchar(36)   PRIMARY KEY,
    tenant_id          varchar(36)   NOT NULL,
    document_id        varchar(36)   NOT NULL,
    version_no         integer       NOT NULL,
    media_type         varchar(100)  NOT NULL,
    size_bytes         bigint        NOT NULL,
    sha256             varchar(64)   NOT NULL,
    original_name      varchar(255),
    status             varchar(16)   NOT NULL CHECK (status IN ('PROCESSING', 'READY', 'FAILED')),
    failure_reason     varchar(500),
    text_content       text,
    text_truncated     boolean       NOT NULL DEFAULT false,
    classification     varchar(40),
    ocr_state          varchar(16)   NOT NULL CHECK (ocr_state IN ('NOT_NEEDED', 'PENDING', 'DONE', 'UNAVAILABLE')),
    ocr_engine         varchar(64),
    ocr_pages          integer,
    ocr_confidence     integer,
    uploaded_by        varchar(36),
    created_at         timestamptz   NOT NULL,
    processed_at       timestamptz,
    UNIQUE (document_id, version_no),
    FOREIGN KEY (tenant_id, document_id) REFERENCES document (tenant_id, id)
);
CREATE INDEX document_version_ocr_idx ON document_version (tenant_id, ocr_state) WHERE ocr_state = 'UNAVAILABLE';

CREATE TABLE document_field (
    id                 varchar(36)   PRIMARY KEY,
    tenant_id          varchar(36)   NOT NULL,
    document_id        varchar(36)   NOT NULL,
    version_no         integer       NOT NULL,
    name               varchar(40)   NOT NULL,
    value              varchar(200)  NOT NULL,
    source             varchar(16)   NOT NULL CHECK (source IN ('EXTRACTED', 'CORRECTED')),
    updated_by         varchar(36),
    updated_at         timestamptz   NOT NULL,
    UNIQUE (document_id, version_no, name),
    FOREIGN KEY (tenant_id, document_id) REFERENCES document (tenant_id, id)
);

CREATE TABLE document_requirement (
    id                 varchar(36)   PRIMARY KEY,
    tenant_id          varchar(36)   NOT NULL REFERENCES tenant (id) DEFERRABLE INITIALLY DEFERRED,
    entity_type        varchar(32)   NOT NULL,
    document_type      varchar(40)   NOT NULL,
    required           boolean       NOT NULL,
    description        varchar(500),
    created_at         timestamptz   NOT NULL,
    UNIQUE (tenant_id, entity_type, document_type)
);

CREATE TABLE document_review (
    id                 varchar(36)   PRIMARY KEY,
    tenant_id          varchar(36)   NOT NULL,
    document_id        varchar(36)   NOT NULL,
    version_no         integer       NOT NULL,
    decision           varchar(16)   NOT NULL CHECK (decision IN ('APPROVE', 'REJECT')),
    comment            varchar(2000),
    reviewer_id        varchar(36)   NOT NULL,
    created_at         timestamptz   NOT NULL,
    FOREIGN KEY (tenant_id, document_id) REFERENCES document (tenant_id, id)
);
CREATE INDEX document_review_doc_idx ON document_review (tenant_id, document_id, created_at);

-- expiry reminders already sent (30/7/1 days before), so that a retried job never sends one twice
CREATE TABLE document_reminder (
    id                 varchar(36)   PRIMARY KEY,
    tenant_id          varchar(36)   NOT NULL,
    document_id        varchar(36)   NOT NULL,
    expires_on         date          NOT NULL,
    days_before        integer       NOT NULL,
    sent_at            timestamptz   NOT NULL,
    UNIQUE (document_id, expires_on, days_before),
    FOREIGN KEY (tenant_id, document_id) REFERENCES document (tenant_id, id)
);

GRANT SELECT, INSERT, UPDATE, DELETE ON document, document_version, document_field, document_requirement,
    document_review, document_reminder TO ${app_user};

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['document', 'document_version', 'document_field', 'document_requirement',
                             'document_review', 'document_reminder'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I '
                       'USING (tenant_id = current_setting(''seva.tenant_id'', true)) '
                       'WITH CHECK (tenant_id = current_setting(''seva.tenant_id'', true))', t);
    END LOOP;
END
$$;
