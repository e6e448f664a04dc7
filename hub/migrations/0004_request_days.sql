-- 0004: a daily summary of requests, and the first and last day of each
-- visitor's visits and service, so a year of a whole city reads neither a
-- million requests nor every visitor's set of days.

ALTER TABLE visitor_days ADD COLUMN first_day date, ADD COLUMN last_day date,
	ADD COLUMN service_first date, ADD COLUMN service_last date;

-- request_days adds up each center's requests per local day of receipt and
-- category: every figure that does not depend on when the report is taken.
-- What does (overdue, and unhandled ones past their response time) is read
-- from the requests still open or unhandled, through requests_pending.
CREATE TABLE request_days (
	center      text NOT NULL,
	day         date NOT NULL,
	category    text NOT NULL,
	received    integer NOT NULL,
	urgent      integer NOT NULL,
	resolved    integer NOT NULL,
	rejected    integer NOT NULL,
	transferred integer NOT NULL,
	open        integer NOT NULL,
	satisfied   integer NOT NULL,
	basic       integer NOT NULL,
	unsatisfied integer NOT NULL,
	on_time     integer NOT NULL,
	responded   integer NOT NULL,
	kiosk       integer NOT NULL,
	PRIMARY KEY (center, day, category)
);

CREATE INDEX requests_pending ON requests (center, created_at)
	WHERE NOT voided AND (status NOT IN ('resolved', 'closed', 'rejected') OR responded_at IS NULL);
