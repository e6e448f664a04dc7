-- 0006: a void (0004) takes a record out of the counts without always
-- changing its row, so voiding bumps the record's change sequence too, and
-- the hub learns of it at the next sync.

CREATE TRIGGER voids_sync AFTER INSERT ON voids BEGIN
	UPDATE sync_state SET seq = seq + 1;
	UPDATE visits SET sync_seq = (SELECT seq FROM sync_state) WHERE NEW.kind = 'visit' AND id = NEW.record_id;
	UPDATE requests SET sync_seq = (SELECT seq FROM sync_state) WHERE NEW.kind = 'request' AND id = NEW.record_id;
	UPDATE bookings SET sync_seq = (SELECT seq FROM sync_state) WHERE NEW.kind = 'booking' AND id = NEW.record_id;
END;
