-- A payment captured on a voided invoice (a checkout opened before the void) is recorded as UNAPPLIED: it pays
-- nothing on the invoice, accrues no commission, and is listed until it is refunded.
ALTER TABLE payment DROP CONSTRAINT payment_status_check;
ALTER TABLE payment ADD CONSTRAINT payment_status_check CHECK (status IN ('FAILED', 'CAPTURED', 'UNAPPLIED'));
CREATE INDEX payment_unapplied_idx ON payment (tenant_id) WHERE status = 'UNAPPLIED';
