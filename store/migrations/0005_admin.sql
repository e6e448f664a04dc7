-- 0005: administration. Staff get an SSH login, a password hash and keys;
-- bookings keep the venue's name as it was when they were made; every change
-- to venues, staff and settings is an admin_events row.

ALTER TABLE staff ADD COLUMN login TEXT NOT NULL DEFAULT '';
ALTER TABLE staff ADD COLUMN password_hash TEXT NOT NULL DEFAULT '';
-- Staff from before logins get one a manager can edit (staff edit --login).
UPDATE staff SET login = 'staff' || id WHERE login = '';
CREATE UNIQUE INDEX staff_login ON staff (login);

CREATE TABLE staff_keys (
	id          INTEGER PRIMARY KEY,
	staff_id    INTEGER NOT NULL REFERENCES staff (id),
	fingerprint TEXT NOT NULL UNIQUE, -- SHA256:… as ssh-keygen -l prints it
	public_key  TEXT NOT NULL,        -- one authorized_keys line
	added_at    INTEGER NOT NULL
);
CREATE INDEX staff_keys_staff ON staff_keys (staff_id);

ALTER TABLE bookings ADD COLUMN venue_name TEXT NOT NULL DEFAULT '';
UPDATE bookings SET venue_name = (SELECT name FROM venues WHERE venues.id = bookings.venue_id);

-- admin_events: who changed what, when, from what to what. before and after
-- are JSON objects of the fields that changed.
CREATE TABLE admin_events (
	id        INTEGER PRIMARY KEY,
	at        INTEGER NOT NULL,
	actor     TEXT NOT NULL,
	kind      TEXT NOT NULL CHECK (kind IN ('venue', 'staff', 'settings')),
	target_id INTEGER NOT NULL DEFAULT 0,
	target    TEXT NOT NULL DEFAULT '',
	action    TEXT NOT NULL,
	before    TEXT NOT NULL DEFAULT '{}',
	after     TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX admin_events_target ON admin_events (kind, target_id, id);
