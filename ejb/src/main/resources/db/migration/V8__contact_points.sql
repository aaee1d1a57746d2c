-- Contact points (/contact/{name}): a title, an intro and an ordered list of members.
CREATE TABLE contact_points (
    name        VARCHAR(40)   NOT NULL PRIMARY KEY,
    title       VARCHAR(100)  NOT NULL,
    intro       VARCHAR(2000),
    enabled     BOOLEAN       NOT NULL,
    created_at  TIMESTAMP     NOT NULL
);
-- No key on (contact_point, list_order): reordering rewrites rows one by one.
CREATE TABLE contact_point_members (
    contact_point  VARCHAR(40)  NOT NULL,
    list_order     INTEGER      NOT NULL,
    username       VARCHAR(64)  NOT NULL,
    CONSTRAINT contact_point_members_point FOREIGN KEY (contact_point) REFERENCES contact_points (name),
    CONSTRAINT contact_point_members_member FOREIGN KEY (username) REFERENCES members (username)
);
CREATE INDEX contact_point_members_by_point ON contact_point_members (contact_point);
-- A message left on a contact point is stored once per member of its list; the copies share a handling group.
ALTER TABLE offline_messages ADD COLUMN contact_point VARCHAR(40);
ALTER TABLE offline_messages ADD COLUMN contact_title VARCHAR(100);
ALTER TABLE offline_messages ADD COLUMN reply_to VARCHAR(200);
ALTER TABLE offline_messages ADD COLUMN handling_group VARCHAR(36);
CREATE INDEX offline_messages_handling_group ON offline_messages (handling_group);
