-- 0001: the hub's first schema. One row per center, and each center's
-- records keyed by (center, its local id). Only what the rollup needs is
-- here: no name, phone, description or status code of anyone.

CREATE TABLE centers (
	code          text PRIMARY KEY,
	name          text NOT NULL,
	level         text NOT NULL CHECK (level IN ('city', 'district', 'street', 'community')),
	parent        text, -- the center one level up; it may report later than its children
	time_zone     text NOT NULL,
	acked_seq     bigint NOT NULL DEFAULT 0, -- the center's change sequence committed here
	first_sync_at timestamptz NOT NULL,
	last_sync_at  timestamptz NOT NULL
);
CREATE INDEX centers_parent ON centers (parent);

CREATE TABLE venues (
	center    text NOT NULL,
	id        bigint NOT NULL,
	name      text NOT NULL,
	capacity  integer NOT NULL,
	opens_at  time NOT NULL,
	closes_at time NOT NULL,
	active    boolean NOT NULL,
	PRIMARY KEY (center, id)
);

CREATE TABLE visits (
	center         text NOT NULL,
	id             bigint NOT NULL,
	visitor        bigint NOT NULL, -- pseudonymous, per center
	purpose        text NOT NULL,
	party_member   boolean NOT NULL,
	headcount      integer NOT NULL,
	checked_in_at  timestamptz NOT NULL,
	checked_out_at timestamptz,
	auto_closed    boolean NOT NULL,
	source         text NOT NULL,
	created_at     timestamptz NOT NULL,
	PRIMARY KEY (center, id)
);
-- A period's visits of one center are one range of this index.
CREATE INDEX visits_center_in ON visits (center, checked_in_at);

CREATE TABLE requests (
	center       text NOT NULL,
	id           bigint NOT NULL,
	category     text NOT NULL,
	urgency      text NOT NULL,
	status       text NOT NULL,
	promised_by  date NOT NULL,
	respond_by   timestamptz NOT NULL,
	responded_at timestamptz, -- first handled
	accepted_at  timestamptz,
	resolved_at  timestamptz,
	closed_at    timestamptz,
	satisfaction text NOT NULL,
	source       text NOT NULL,
	created_at   timestamptz NOT NULL,
	updated_at   timestamptz NOT NULL,
	PRIMARY KEY (center, id)
);
CREATE INDEX requests_center_created ON requests (center, created_at);

CREATE TABLE bookings (
	center     text NOT NULL,
	id         bigint NOT NULL,
	venue_id   bigint NOT NULL,
	purpose    text NOT NULL,
	attendees  integer NOT NULL,
	start_at   timestamptz NOT NULL,
	end_at     timestamptz NOT NULL,
	status     text NOT NULL,
	arrived_at timestamptz,
	source     text NOT NULL,
	created_at timestamptz NOT NULL,
	PRIMARY KEY (center, id)
);
CREATE INDEX bookings_center_start ON bookings (center, start_at);

-- sync_log has a row per committed batch: what came, from which sequence to
-- which.
CREATE TABLE sync_log (
	id        bigserial PRIMARY KEY,
	center    text NOT NULL,
	at        timestamptz NOT NULL,
	after_seq bigint NOT NULL,
	upto_seq  bigint NOT NULL,
	venues    integer NOT NULL,
	visits    integer NOT NULL,
	requests  integer NOT NULL,
	bookings  integer NOT NULL
);
CREATE INDEX sync_log_center ON sync_log (center, at);
