-- Settings administrators saved under Admin -> Settings; a setting without a row is its configured value.
CREATE TABLE settings (
    setting_key    VARCHAR(100)  NOT NULL PRIMARY KEY,
    setting_value  VARCHAR(4000) NOT NULL,
    changed_at     TIMESTAMP     NOT NULL,
    changed_by     VARCHAR(64)   NOT NULL
);
-- the retention sweep deletes offline messages by age
CREATE INDEX offline_messages_by_time ON offline_messages (sent_at);
