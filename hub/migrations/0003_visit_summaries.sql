-- 0003: summaries that let a city's year be rolled up without reading seven
-- million visits. The sync keeps them in step, in the same transaction as
-- the visits they sum (hub/summary.go).

-- visit_days adds up each center's visits per local day and purpose: every
-- figure of the log's visits that is a plain sum.
CREATE TABLE visit_days (
	center         text NOT NULL,
	day            date NOT NULL,
	purpose        text NOT NULL,
	visits         integer NOT NULL,
	headcount      integer NOT NULL,
	party_members  integer NOT NULL,
	service_visits integer NOT NULL,
	service_secs   bigint NOT NULL,
	kiosk          integer NOT NULL,
	PRIMARY KEY (center, day, purpose)
);

-- visitor_days holds, per center and pseudonymous visitor, the days they
-- came and the days they served as a set of date ranges, so the distinct
-- visitors and volunteers of any period are one overlap test per visitor.
CREATE TABLE visitor_days (
	center       text NOT NULL,
	visitor      bigint NOT NULL,
	days         datemultirange NOT NULL,
	service_days datemultirange NOT NULL,
	PRIMARY KEY (center, visitor)
);

CREATE INDEX visits_center_visitor ON visits (center, visitor);
