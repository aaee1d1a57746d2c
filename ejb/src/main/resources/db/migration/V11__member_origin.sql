-- Where a member's account comes from: LOCAL (a Parley password), LDAP (the company directory) or
-- OIDC (an OpenID provider). external_id is that source's lasting name for the person (the directory's
-- entry id, the provider's issuer and subject); a member from a source has no Parley password.
ALTER TABLE members ADD COLUMN origin VARCHAR(8) DEFAULT 'LOCAL' NOT NULL;
ALTER TABLE members ADD COLUMN external_id VARCHAR(512);
ALTER TABLE members ALTER COLUMN password_hash DROP NOT NULL;
CREATE UNIQUE INDEX members_external_id ON members (origin, external_id);
