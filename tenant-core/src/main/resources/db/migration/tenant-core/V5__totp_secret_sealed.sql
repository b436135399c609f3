-- TOTP secrets are now stored sealed with the tenant's data key (TenantCrypto; prefix 'enc:v1:'), which is longer
-- than the bare base32 secret. Rows written before stay readable and are sealed at the next enrolment.
ALTER TABLE user_totp ALTER COLUMN secret TYPE varchar(400);
