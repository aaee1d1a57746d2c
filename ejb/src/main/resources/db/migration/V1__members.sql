-- Members: the people with a Parley account. Written for both H2 and PostgreSQL.
CREATE TABLE members (
    id                VARCHAR(36)  NOT NULL PRIMARY KEY,
    version           BIGINT       NOT NULL,
    username          VARCHAR(64)  NOT NULL,
    display_name      VARCHAR(100) NOT NULL,
    title             VARCHAR(100),
    department        VARCHAR(100),
    password_hash     VARCHAR(512) NOT NULL,
    role              VARCHAR(16)  NOT NULL,
    enabled           BOOLEAN      NOT NULL,
    cid               CHAR(16)     NOT NULL,
    personal_message  VARCHAR(200),
    web_sharing       BOOLEAN      NOT NULL,
    offline_messages  BOOLEAN      NOT NULL,
    created_at        TIMESTAMP    NOT NULL,
    password_changed_at TIMESTAMP  NOT NULL,
    CONSTRAINT members_username_unique UNIQUE (username),
    CONSTRAINT members_cid_unique UNIQUE (cid)
);
