-- 0002: the network. Every record the hub receives carries a change sequence
-- (sync_seq), set by the triggers below on each insert and update from one
-- counter, so "what changed since the last acknowledged sync" is one index
-- range. sync_state holds that counter, the acknowledged cursor and the
-- center-local key that makes visitor ids pseudonymous; the key never leaves.

CREATE TABLE sync_state (
	one           INTEGER PRIMARY KEY CHECK (one = 1),
	seq           INTEGER NOT NULL, -- the last sequence handed out
	acked         INTEGER NOT NULL, -- the hub has committed everything up to here
	visitor_key   TEXT NOT NULL,
	last_ok_at    INTEGER,
	last_error    TEXT NOT NULL DEFAULT '',
	last_error_at INTEGER
);

ALTER TABLE venues ADD COLUMN sync_seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE visits ADD COLUMN sync_seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE requests ADD COLUMN sync_seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE bookings ADD COLUMN sync_seq INTEGER NOT NULL DEFAULT 0;

-- Records made before this version get sequences in table order, so the
-- first sync sends them in batches like any other change.
UPDATE venues SET sync_seq = id;
UPDATE visits SET sync_seq = id + (SELECT COALESCE(MAX(sync_seq), 0) FROM venues);
UPDATE requests SET sync_seq = id + (SELECT MAX(m) FROM (SELECT MAX(sync_seq) AS m FROM venues UNION ALL SELECT MAX(sync_seq) FROM visits UNION ALL SELECT 0));
UPDATE bookings SET sync_seq = id + (SELECT MAX(m) FROM (SELECT MAX(sync_seq) AS m FROM venues UNION ALL SELECT MAX(sync_seq) FROM visits
	UNION ALL SELECT MAX(sync_seq) FROM requests UNION ALL SELECT 0));
INSERT INTO sync_state (one, seq, acked, visitor_key) VALUES (1,
	(SELECT MAX(m) FROM (SELECT MAX(sync_seq) AS m FROM venues UNION ALL SELECT MAX(sync_seq) FROM visits
		UNION ALL SELECT MAX(sync_seq) FROM requests UNION ALL SELECT MAX(sync_seq) FROM bookings UNION ALL SELECT 0)),
	0, lower(hex(randomblob(32))));

CREATE INDEX venues_sync ON venues (sync_seq);
CREATE INDEX visits_sync ON visits (sync_seq);
CREATE INDEX requests_sync ON requests (sync_seq);
CREATE INDEX bookings_sync ON bookings (sync_seq);

-- The triggers' own UPDATE does not fire them again (recursive triggers are
-- off, and the WHEN clause would stop it anyway).
CREATE TRIGGER venues_sync_insert AFTER INSERT ON venues BEGIN
	UPDATE sync_state SET seq = seq + 1;
	UPDATE venues SET sync_seq = (SELECT seq FROM sync_state) WHERE id = NEW.id;
END;
CREATE TRIGGER venues_sync_update AFTER UPDATE ON venues WHEN NEW.sync_seq = OLD.sync_seq BEGIN
	UPDATE sync_state SET seq = seq + 1;
	UPDATE venues SET sync_seq = (SELECT seq FROM sync_state) WHERE id = NEW.id;
END;
CREATE TRIGGER visits_sync_insert AFTER INSERT ON visits BEGIN
	UPDATE sync_state SET seq = seq + 1;
	UPDATE visits SET sync_seq = (SELECT seq FROM sync_state) WHERE id = NEW.id;
END;
CREATE TRIGGER visits_sync_update AFTER UPDATE ON visits WHEN NEW.sync_seq = OLD.sync_seq BEGIN
	UPDATE sync_state SET seq = seq + 1;
	UPDATE visits SET sync_seq = (SELECT seq FROM sync_state) WHERE id = NEW.id;
END;
CREATE TRIGGER requests_sync_insert AFTER INSERT ON requests BEGIN
	UPDATE sync_state SET seq = seq + 1;
	UPDATE requests SET sync_seq = (SELECT seq FROM sync_state) WHERE id = NEW.id;
END;
CREATE TRIGGER requests_sync_update AFTER UPDATE ON requests WHEN NEW.sync_seq = OLD.sync_seq BEGIN
	UPDATE sync_state SET seq = seq + 1;
	UPDATE requests SET sync_seq = (SELECT seq FROM sync_state) WHERE id = NEW.id;
END;
-- A request's first response is read from its events; a new event re-sends
-- the request even if no column of its row changed.
CREATE TRIGGER request_events_sync AFTER INSERT ON request_events BEGIN
	UPDATE sync_state SET seq = seq + 1;
	UPDATE requests SET sync_seq = (SELECT seq FROM sync_state) WHERE id = NEW.request_id;
END;
CREATE TRIGGER bookings_sync_insert AFTER INSERT ON bookings BEGIN
	UPDATE sync_state SET seq = seq + 1;
	UPDATE bookings SET sync_seq = (SELECT seq FROM sync_state) WHERE id = NEW.id;
END;
CREATE TRIGGER bookings_sync_update AFTER UPDATE ON bookings WHEN NEW.sync_seq = OLD.sync_seq BEGIN
	UPDATE sync_state SET seq = seq + 1;
	UPDATE bookings SET sync_seq = (SELECT seq FROM sync_state) WHERE id = NEW.id;
END;
