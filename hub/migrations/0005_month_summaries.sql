-- 0005: month summaries, so a year of a whole city reads twelve rows per
-- center and purpose or category instead of 365, and a month's distinct
-- visitors are one narrow row per visitor who came in it. A period is its
-- whole months from the *_months tables and the days at either end from
-- the *_days tables (hub/summary.go keeps both, hub/rollup.go reads them).

-- The month tables have their day tables' columns, the day being the
-- month's first.
CREATE TABLE visit_months (LIKE visit_days);
ALTER TABLE visit_months RENAME COLUMN day TO month;
ALTER TABLE visit_months ADD PRIMARY KEY (center, month, purpose);

CREATE TABLE request_months (LIKE request_days);
ALTER TABLE request_months RENAME COLUMN day TO month;
ALTER TABLE request_months ADD PRIMARY KEY (center, month, category);

-- booking_days adds up each center's bookings per local day of their start
-- and venue; booking_months the same per month.
CREATE TABLE booking_days (
	center      text NOT NULL,
	day         date NOT NULL,
	venue_id    bigint NOT NULL,
	bookings    integer NOT NULL,
	approved    integer NOT NULL,
	arrived     integer NOT NULL,
	pending     integer NOT NULL,
	cancelled   integer NOT NULL,
	rejected    integer NOT NULL,
	no_shows    integer NOT NULL,
	booked_secs bigint NOT NULL,
	kiosk       integer NOT NULL,
	PRIMARY KEY (center, day, venue_id)
);

CREATE TABLE booking_months (LIKE booking_days);
ALTER TABLE booking_months RENAME COLUMN day TO month;
ALTER TABLE booking_months ADD PRIMARY KEY (center, month, venue_id);

-- visitor_months has a row per center, month and visitor who came in it:
-- the days of the month they came and the days they served, bit d-1 for
-- day d. A short period's distinct visitors and volunteers are counted
-- from these rows, read from the key alone (an index-only scan).
CREATE TABLE visitor_months (
	center       text NOT NULL,
	month        date NOT NULL,
	visitor      bigint NOT NULL,
	days         integer NOT NULL,
	service_days integer NOT NULL,
	PRIMARY KEY (center, month, visitor) INCLUDE (days, service_days)
);

-- visitor_firsts counts, per center and day, the visitors whose first
-- visit and the volunteers whose first day of service it was, and
-- visitor_first_months the same per month. A long period's distinct
-- visitors are those whose first day falls in it, added up from these,
-- and those who came before it and in it, read from visitor_days_bounds
-- alone (an index-only scan) but for the few who came both before and
-- after it, whose set of days is looked at.
CREATE TABLE visitor_firsts (
	center     text NOT NULL,
	day        date NOT NULL,
	visitors   integer NOT NULL,
	volunteers integer NOT NULL,
	PRIMARY KEY (center, day)
);
CREATE TABLE visitor_first_months (LIKE visitor_firsts);
ALTER TABLE visitor_first_months RENAME COLUMN day TO month;
ALTER TABLE visitor_first_months ADD PRIMARY KEY (center, month);
CREATE INDEX visitor_days_bounds ON visitor_days (center, first_day) INCLUDE (last_day, service_first, service_last);
CREATE INDEX visitor_days_service_first ON visitor_days (center, service_first) WHERE service_first IS NOT NULL;

-- A visitor's visits are found by the pseudonym first: an index that
-- began with the center would also serve "all of a center's visits", which
-- the planner would then AND with a day's few at the cost of reading them
-- all.
DROP INDEX visits_center_visitor;
CREATE INDEX visits_visitor ON visits (visitor, center);

-- Overdue requests are the open ones less those not yet due, and the
-- unhandled ones past their response time the unhandled less those whose
-- time has not come: only the not yet due are read, through these.
DROP INDEX requests_pending;
CREATE INDEX requests_open_due ON requests (center, promised_by)
	WHERE NOT voided AND status NOT IN ('resolved', 'closed', 'rejected');
CREATE INDEX requests_unhandled_due ON requests (center, respond_by)
	WHERE NOT voided AND responded_at IS NULL;
