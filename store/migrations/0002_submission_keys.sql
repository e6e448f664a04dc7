-- One row per accepted form submission that carried a one-time key: a form
-- posted again with the same key (a double tap, a refresh, a retry after a
-- lost answer) returns the record made the first time.
CREATE TABLE submission_keys (
	key        TEXT PRIMARY KEY,
	kind       TEXT NOT NULL CHECK (kind IN ('request', 'booking', 'visit')),
	record_id  INTEGER NOT NULL,
	created_at INTEGER NOT NULL
) WITHOUT ROWID;
