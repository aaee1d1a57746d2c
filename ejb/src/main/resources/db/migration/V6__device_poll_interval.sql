-- RFC 8628 §3.5: every slow_down raises the client's polling interval by 5 seconds, so each device
-- authorization keeps its own interval. Authorizations waiting during the upgrade get the default.
ALTER TABLE device_authorizations ADD COLUMN poll_interval_seconds BIGINT DEFAULT 5 NOT NULL;
