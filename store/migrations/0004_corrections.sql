-- 0004: corrections and voids. A correction changes a field of a visit,
-- request or booking after the fact; each changed field is one row here
-- (who, when, field, before, after), shown in the record's history. A void
-- (作废) takes a record out of the counts with a reason; the record stays and
-- the daily log lists it as voided. A void is also a row of corrections,
-- field 'void', so the history tells it in order with the rest.

CREATE TABLE corrections (
	id        INTEGER PRIMARY KEY,
	kind      TEXT NOT NULL CHECK (kind IN ('visit', 'request', 'booking')),
	record_id INTEGER NOT NULL,
	at        INTEGER NOT NULL,
	actor     TEXT NOT NULL,
	field     TEXT NOT NULL,
	old_value TEXT NOT NULL DEFAULT '',
	new_value TEXT NOT NULL DEFAULT '',
	reason    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX corrections_record ON corrections (kind, record_id, id);

CREATE TABLE voids (
	kind      TEXT NOT NULL CHECK (kind IN ('visit', 'request', 'booking')),
	record_id INTEGER NOT NULL,
	at        INTEGER NOT NULL,
	actor     TEXT NOT NULL,
	reason    TEXT NOT NULL,
	PRIMARY KEY (kind, record_id)
) WITHOUT ROWID;
