-- 0001: the center's first schema. Times are UTC unix seconds; days are the
-- center's local calendar days as 'YYYY-MM-DD'.

CREATE TABLE settings (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);

CREATE TABLE staff (
	id         INTEGER PRIMARY KEY,
	name       TEXT NOT NULL UNIQUE,
	role       TEXT NOT NULL DEFAULT 'desk' CHECK (role IN ('desk', 'manager')),
	active     INTEGER NOT NULL DEFAULT 1,
	created_at INTEGER NOT NULL
);

-- counters hands out receipt numbers: one sequence per kind per local day.
CREATE TABLE counters (
	kind TEXT NOT NULL,
	day  TEXT NOT NULL,
	n    INTEGER NOT NULL,
	PRIMARY KEY (kind, day)
) WITHOUT ROWID;

-- visitors are the people who come back; a visit points at one.
CREATE TABLE visitors (
	id           INTEGER PRIMARY KEY,
	name         TEXT NOT NULL,
	phone        TEXT NOT NULL DEFAULT '',
	phone_last4  TEXT NOT NULL DEFAULT '',
	org          TEXT NOT NULL DEFAULT '',
	party_member INTEGER NOT NULL DEFAULT 0,
	visit_count  INTEGER NOT NULL DEFAULT 0,
	last_seen_at INTEGER NOT NULL,
	UNIQUE (name, phone)
);
CREATE INDEX visitors_last4 ON visitors (phone_last4, last_seen_at);
CREATE INDEX visitors_phone ON visitors (phone);

CREATE TABLE visits (
	id             INTEGER PRIMARY KEY,
	receipt_no     TEXT NOT NULL UNIQUE,
	status_code    TEXT NOT NULL UNIQUE,
	visitor_id     INTEGER NOT NULL REFERENCES visitors (id),
	name           TEXT NOT NULL,
	phone          TEXT NOT NULL DEFAULT '',
	org            TEXT NOT NULL DEFAULT '',
	purpose        TEXT NOT NULL,
	party_member   INTEGER NOT NULL DEFAULT 0,
	headcount      INTEGER NOT NULL DEFAULT 1 CHECK (headcount >= 1),
	note           TEXT NOT NULL DEFAULT '',
	checked_in_at  INTEGER NOT NULL,
	checked_out_at INTEGER,
	auto_closed    INTEGER NOT NULL DEFAULT 0,
	created_by     TEXT NOT NULL,
	source         TEXT NOT NULL CHECK (source IN ('desk', 'kiosk')),
	created_at     INTEGER NOT NULL
);
CREATE INDEX visits_in ON visits (checked_in_at);
CREATE INDEX visits_open ON visits (checked_in_at) WHERE checked_out_at IS NULL;
CREATE INDEX visits_visitor ON visits (visitor_id, checked_in_at);

CREATE TABLE requests (
	id                   INTEGER PRIMARY KEY,
	receipt_no           TEXT NOT NULL UNIQUE,
	status_code          TEXT NOT NULL UNIQUE,
	name                 TEXT NOT NULL,
	phone                TEXT NOT NULL,
	community            TEXT NOT NULL DEFAULT '',
	category             TEXT NOT NULL,
	urgency              TEXT NOT NULL DEFAULT 'normal' CHECK (urgency IN ('normal', 'urgent')),
	description          TEXT NOT NULL,
	handler              TEXT NOT NULL DEFAULT '',
	owner                TEXT NOT NULL DEFAULT '',
	promised_by          TEXT NOT NULL,
	respond_by           INTEGER NOT NULL,
	status               TEXT NOT NULL DEFAULT 'new',
	resolution           TEXT NOT NULL DEFAULT '',
	transferred_to       TEXT NOT NULL DEFAULT '',
	reject_reason        TEXT NOT NULL DEFAULT '',
	satisfaction         TEXT NOT NULL DEFAULT '',
	satisfaction_comment TEXT NOT NULL DEFAULT '',
	accepted_at          INTEGER,
	resolved_at          INTEGER,
	closed_at            INTEGER,
	created_by           TEXT NOT NULL,
	source               TEXT NOT NULL CHECK (source IN ('desk', 'kiosk')),
	created_at           INTEGER NOT NULL,
	updated_at           INTEGER NOT NULL
);
CREATE INDEX requests_created ON requests (created_at);
CREATE INDEX requests_status ON requests (status, promised_by);

CREATE TABLE request_events (
	id          INTEGER PRIMARY KEY,
	request_id  INTEGER NOT NULL REFERENCES requests (id),
	at          INTEGER NOT NULL,
	actor       TEXT NOT NULL,
	from_status TEXT NOT NULL,
	to_status   TEXT NOT NULL,
	note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX request_events_request ON request_events (request_id, id);

CREATE TABLE venues (
	id         INTEGER PRIMARY KEY,
	name       TEXT NOT NULL UNIQUE,
	capacity   INTEGER NOT NULL CHECK (capacity >= 1),
	facilities TEXT NOT NULL DEFAULT '',
	opens_at   TEXT NOT NULL DEFAULT '08:00',
	closes_at  TEXT NOT NULL DEFAULT '21:00',
	active     INTEGER NOT NULL DEFAULT 1,
	created_at INTEGER NOT NULL
);

CREATE TABLE series (
	id         INTEGER PRIMARY KEY,
	venue_id   INTEGER NOT NULL REFERENCES venues (id),
	title      TEXT NOT NULL,
	weekday    INTEGER NOT NULL,
	first_day  TEXT NOT NULL,
	weeks      INTEGER NOT NULL,
	created_by TEXT NOT NULL,
	created_at INTEGER NOT NULL
);

CREATE TABLE bookings (
	id            INTEGER PRIMARY KEY,
	receipt_no    TEXT NOT NULL UNIQUE,
	status_code   TEXT NOT NULL UNIQUE,
	venue_id      INTEGER NOT NULL REFERENCES venues (id),
	series_id     INTEGER REFERENCES series (id),
	org           TEXT NOT NULL,
	contact       TEXT NOT NULL,
	phone         TEXT NOT NULL,
	title         TEXT NOT NULL,
	purpose       TEXT NOT NULL,
	attendees     INTEGER NOT NULL CHECK (attendees >= 1),
	start_at      INTEGER NOT NULL,
	end_at        INTEGER NOT NULL,
	status        TEXT NOT NULL,
	reason        TEXT NOT NULL DEFAULT '',
	decided_by    TEXT NOT NULL DEFAULT '',
	decided_at    INTEGER,
	arrived_at    INTEGER,
	created_by    TEXT NOT NULL,
	source        TEXT NOT NULL CHECK (source IN ('desk', 'kiosk')),
	created_at    INTEGER NOT NULL,
	updated_at    INTEGER NOT NULL,
	CHECK (end_at > start_at)
);
CREATE INDEX bookings_slot ON bookings (venue_id, status, start_at);
CREATE INDEX bookings_start ON bookings (start_at);
CREATE INDEX bookings_created ON bookings (created_at);
