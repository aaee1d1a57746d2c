-- A member the company directory disabled (or no longer has) is marked, so that the directory's sync enables
-- them again when they come back; a member an admin disabled stays disabled whatever the directory says.
ALTER TABLE members ADD COLUMN disabled_by_source BOOLEAN DEFAULT FALSE NOT NULL;

-- What each directory sync did, for the admin console (the audit log has one entry per sync too).
CREATE TABLE directory_syncs (
    id          VARCHAR(36)   NOT NULL PRIMARY KEY,
    started_at  TIMESTAMP     NOT NULL,
    finished_at TIMESTAMP     NOT NULL,
    started_by  VARCHAR(64)   NOT NULL,
    listed      INTEGER       NOT NULL,
    created     INTEGER       NOT NULL,
    updated     INTEGER       NOT NULL,
    disabled    INTEGER       NOT NULL,
    enabled     INTEGER       NOT NULL,
    failed      INTEGER       NOT NULL,
    problem     VARCHAR(1000),
    failures    VARCHAR(4000)
);
CREATE INDEX directory_syncs_by_time ON directory_syncs (started_at);
