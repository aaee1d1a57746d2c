-- Conversations open when Parley stopped, kept for the restart: written at a graceful shutdown, taken back
-- (and deleted) at the next start. The resume token is kept only as its SHA-256 hash.
CREATE TABLE saved_conversations (
    id                  VARCHAR(48)   NOT NULL PRIMARY KEY,
    invitee             VARCHAR(64)   NOT NULL,
    reach_cid           VARCHAR(16)   NOT NULL,
    reach_profile       BOOLEAN       NOT NULL,
    reach_contact       VARCHAR(40),
    visitor_name        VARCHAR(100)  NOT NULL,
    visitor_username    VARCHAR(64),
    page                VARCHAR(2000),
    started_at          TIMESTAMP     NOT NULL,
    resume_token_hash   VARCHAR(64)   NOT NULL,
    last_seq            BIGINT        NOT NULL,
    announced           BOOLEAN       NOT NULL,
    visitor_gone_since  TIMESTAMP     NOT NULL,
    saved_at            TIMESTAMP     NOT NULL,
    CONSTRAINT saved_conversations_member FOREIGN KEY (invitee) REFERENCES members (username)
);
-- The replay buffer: the last messages of each, with what the other side confirmed of them.
CREATE TABLE saved_conversation_messages (
    conversation  VARCHAR(48)    NOT NULL,
    seq           BIGINT         NOT NULL,
    sent_at       TIMESTAMP      NOT NULL,
    sender        VARCHAR(7)     NOT NULL,
    text          VARCHAR(2000)  NOT NULL,
    queued        BOOLEAN        NOT NULL,
    receipt       VARCHAR(9),
    PRIMARY KEY (conversation, seq),
    CONSTRAINT saved_conversation_messages_conversation FOREIGN KEY (conversation) REFERENCES saved_conversations (id) ON DELETE CASCADE
);
