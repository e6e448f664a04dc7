-- 0007: a series (三会一课 on a rhythm) is a record: its rule, its time of
-- day, its organiser, and every date with the booking it made or why none
-- could be made. The columns of 0001 stay: weekday is the first date's,
-- weeks the number of dates.

ALTER TABLE series ADD COLUMN rule TEXT NOT NULL DEFAULT 'weekly' CHECK (rule IN ('weekly', 'monthly'));
ALTER TABLE series ADD COLUMN weekdays TEXT NOT NULL DEFAULT ''; -- weekly: '2,4' (0 is Sunday)
ALTER TABLE series ADD COLUMN every INTEGER NOT NULL DEFAULT 1;  -- weekly: every N weeks
ALTER TABLE series ADD COLUMN nth INTEGER NOT NULL DEFAULT 0;    -- monthly: 1–5, or -1 for the last
ALTER TABLE series ADD COLUMN last_day TEXT NOT NULL DEFAULT '';
ALTER TABLE series ADD COLUMN count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE series ADD COLUMN start_clock TEXT NOT NULL DEFAULT '';
ALTER TABLE series ADD COLUMN minutes INTEGER NOT NULL DEFAULT 0;
ALTER TABLE series ADD COLUMN org TEXT NOT NULL DEFAULT '';
ALTER TABLE series ADD COLUMN contact TEXT NOT NULL DEFAULT '';
ALTER TABLE series ADD COLUMN attendees INTEGER NOT NULL DEFAULT 0;
ALTER TABLE series ADD COLUMN source TEXT NOT NULL DEFAULT 'desk';

-- series_dates: one row per date of the rule. booking_id is null when the
-- date could not be booked; clash_zh/clash_en say why.
CREATE TABLE series_dates (
	series_id  INTEGER NOT NULL REFERENCES series (id),
	day        TEXT NOT NULL,
	booking_id INTEGER REFERENCES bookings (id),
	clash_zh   TEXT NOT NULL DEFAULT '',
	clash_en   TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (series_id, day)
) WITHOUT ROWID;
CREATE INDEX bookings_series ON bookings (series_id) WHERE series_id IS NOT NULL;
