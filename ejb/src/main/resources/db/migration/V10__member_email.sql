-- A member's e-mail address, set by an admin (by hand or by a CSV import); optional.
ALTER TABLE members ADD COLUMN email VARCHAR(254);
