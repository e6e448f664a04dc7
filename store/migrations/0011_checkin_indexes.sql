-- 0011: fewer index writes a check-in. Every check-in wrote a visit into two
-- indexes on its check-in time: visits_in (every visit) and visits_open (the
-- visits not checked out, a partial index); and every returning visitor's
-- check-in moved their entry in visitors_last4, which held last_seen_at.
-- Now one index holds the check-in time with the check-out beside it, so the
-- open visits of a range are read from it alone; and visitors_last4 holds the
-- last four digits only: the few visitors sharing them are sorted by
-- last_seen_at when looked up, and a returning visitor's check-in leaves the
-- index untouched.

DROP INDEX visits_open;
DROP INDEX visits_in;
CREATE INDEX visits_in ON visits (checked_in_at, checked_out_at);

DROP INDEX visitors_last4;
CREATE INDEX visitors_last4 ON visitors (phone_last4);
