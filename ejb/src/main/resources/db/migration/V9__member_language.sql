-- The language a member chose for Parley's pages (a BCP 47 tag such as de-DE); NULL: the browser's.
ALTER TABLE members ADD COLUMN language VARCHAR(35);
