-- A verified visitor's offline message keeps who they are: their username (display names are not unique).
ALTER TABLE offline_messages ADD COLUMN visitor_username VARCHAR(64);
