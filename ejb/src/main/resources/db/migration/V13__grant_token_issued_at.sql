-- When each token was issued, so that a consent keeps only its newest ones (TokenIssuer's bounds): rows from before
-- are taken as issued when this migration ran.
ALTER TABLE grant_tokens ADD COLUMN issued_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL;
CREATE INDEX grant_tokens_by_consent_and_kind ON grant_tokens (consent, kind);
