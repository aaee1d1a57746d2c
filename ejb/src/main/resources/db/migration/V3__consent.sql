-- Delegated authentication: applications (intranet sites), consents, the tokens that carry them,
-- invitations, device authorizations, and the audit trail. Token values are never stored: only hashes.
CREATE TABLE applications (
    id                    VARCHAR(64)   NOT NULL PRIMARY KEY,
    version               BIGINT        NOT NULL,
    name                  VARCHAR(100)  NOT NULL,
    secret_hash           VARCHAR(64),
    previous_secret_hash  VARCHAR(64),
    previous_secret_until TIMESTAMP,
    redirect_uris         VARCHAR(4000) NOT NULL,
    privacy_url           VARCHAR(2000),
    public_client         BOOLEAN       NOT NULL,
    built_in              BOOLEAN       NOT NULL,
    enabled               BOOLEAN       NOT NULL,
    created_at            TIMESTAMP     NOT NULL
);

CREATE TABLE consents (
    id            VARCHAR(36)  NOT NULL PRIMARY KEY,
    version       BIGINT       NOT NULL,
    member        VARCHAR(64)  NOT NULL,
    application   VARCHAR(64)  NOT NULL,
    scopes        VARCHAR(200) NOT NULL,
    granted_at    TIMESTAMP    NOT NULL,
    expires_at    TIMESTAMP    NOT NULL,
    last_used_at  TIMESTAMP,
    revoked_at    TIMESTAMP,
    revoked_why   VARCHAR(200),
    CONSTRAINT consents_member FOREIGN KEY (member) REFERENCES members (username),
    CONSTRAINT consents_application FOREIGN KEY (application) REFERENCES applications (id)
);
CREATE INDEX consents_by_member ON consents (member);

CREATE TABLE grant_tokens (
    hash            VARCHAR(64)   NOT NULL PRIMARY KEY,
    kind            VARCHAR(16)   NOT NULL,
    consent         VARCHAR(36)   NOT NULL,
    expires_at      TIMESTAMP     NOT NULL,
    used_at         TIMESTAMP,
    revoked_at      TIMESTAMP,
    redirect_uri    VARCHAR(2000),
    code_challenge  VARCHAR(128),
    CONSTRAINT grant_tokens_consent FOREIGN KEY (consent) REFERENCES consents (id) ON DELETE CASCADE
);
CREATE INDEX grant_tokens_by_consent ON grant_tokens (consent);
CREATE INDEX grant_tokens_by_expiry ON grant_tokens (expires_at);

CREATE TABLE invitations (
    id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    member        VARCHAR(64)   NOT NULL,
    application   VARCHAR(64),
    site          VARCHAR(200)  NOT NULL,
    return_url    VARCHAR(2000) NOT NULL,
    accepted_at   TIMESTAMP     NOT NULL,
    withdrawn_at  TIMESTAMP,
    CONSTRAINT invitations_member FOREIGN KEY (member) REFERENCES members (username)
);
CREATE INDEX invitations_by_member ON invitations (member);

CREATE TABLE device_authorizations (
    device_code_hash VARCHAR(64)  NOT NULL PRIMARY KEY,
    user_code        VARCHAR(16)  NOT NULL,
    application      VARCHAR(64)  NOT NULL,
    scopes           VARCHAR(200) NOT NULL,
    expires_at       TIMESTAMP    NOT NULL,
    last_polled_at   TIMESTAMP,
    approved_by      VARCHAR(64),
    denied           BOOLEAN      NOT NULL,
    CONSTRAINT device_authorizations_user_code UNIQUE (user_code)
);

CREATE TABLE audit_entries (
    id       VARCHAR(36)   NOT NULL PRIMARY KEY,
    at       TIMESTAMP     NOT NULL,
    actor    VARCHAR(64)   NOT NULL,
    action   VARCHAR(64)   NOT NULL,
    subject  VARCHAR(200),
    address  VARCHAR(64),
    detail   VARCHAR(1000)
);
CREATE INDEX audit_entries_by_time ON audit_entries (at);

-- "Show a chat control on my public profile" (needs a valid permission token for parley-directory).
ALTER TABLE members ADD COLUMN profile_chat BOOLEAN DEFAULT FALSE NOT NULL;

-- The built-in applications: Parley's own pages, and the desktop client (a public client, RFC 8252).
INSERT INTO applications (id, version, name, redirect_uris, privacy_url, public_client, built_in, enabled, created_at)
VALUES ('parley-directory', 1, 'Parley directory', '/settings/permission-token', '/privacy', TRUE, TRUE, TRUE, CURRENT_TIMESTAMP);
INSERT INTO applications (id, version, name, redirect_uris, privacy_url, public_client, built_in, enabled, created_at)
VALUES ('parley-desktop', 1, 'Parley desktop client', 'http://127.0.0.1/', '/privacy', TRUE, TRUE, TRUE, CURRENT_TIMESTAMP);
