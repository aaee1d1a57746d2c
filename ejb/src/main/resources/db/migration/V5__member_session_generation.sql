-- Counts the events that end a member's sessions (a new password, being disabled): a session
-- signed in under an earlier generation no longer signs anybody in.
ALTER TABLE members ADD COLUMN session_generation INTEGER DEFAULT 0 NOT NULL;
