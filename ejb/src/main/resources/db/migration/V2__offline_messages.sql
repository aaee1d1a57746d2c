-- Messages visitors left while a member was offline (or appeared offline), kept until read.
CREATE TABLE offline_messages (
    id                VARCHAR(36)   NOT NULL PRIMARY KEY,
    invitee           VARCHAR(64)   NOT NULL,
    visitor_name      VARCHAR(100)  NOT NULL,
    visitor_verified  BOOLEAN       NOT NULL,
    text              VARCHAR(2000) NOT NULL,
    sent_at           TIMESTAMP     NOT NULL,
    read_at           TIMESTAMP,
    CONSTRAINT offline_messages_member FOREIGN KEY (invitee) REFERENCES members (username)
);
CREATE INDEX offline_messages_unread ON offline_messages (invitee, read_at);
