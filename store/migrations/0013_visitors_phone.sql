-- 0013: a new visitor is written into one index fewer. visitors_phone found
-- a visitor by the whole phone; visitors_last4 finds them as well, by the
-- last four digits every phone's row carries beside it (phone_last4), and
-- then the few sharing those four by the phone itself. Every new visitor
-- wrote an entry into both, each on a page of its own (phones are random,
-- so each entry was a page written to the WAL at the commit).

DROP INDEX visitors_phone;
