-- GST rule 46: invoice numbers of at most 16 characters. The tenant's own prefix (1-5 of [A-Z0-9]); null means the
-- default taken from the slug. Existing numbers are not rewritten.
ALTER TABLE payment_settings ADD COLUMN invoice_prefix varchar(5)
    CHECK (invoice_prefix ~ '^[A-Z0-9]{1,5}$');
