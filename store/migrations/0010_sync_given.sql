-- 0010: an insert may bring its own change sequence. The insert triggers of
-- 0003 wrote each new row twice: once by the INSERT, then again by an UPDATE
-- that set its sync_seq (and moved its sync index entry). A writer that sets
-- sync_seq = (SELECT seq FROM sync_state) + 1 in the INSERT itself now only
-- moves the counter up to it; an insert that leaves sync_seq at 0 (every
-- other writer) is numbered by the trigger as before. Either way the
-- sequence comes from the one counter, under the write lock, so sequences
-- stay unique and increase with every commit.

DROP TRIGGER visits_sync_insert;
CREATE TRIGGER visits_sync_insert AFTER INSERT ON visits WHEN NEW.sync_seq = 0 BEGIN
	UPDATE sync_state SET seq = seq + 1;
	UPDATE visits SET sync_seq = (SELECT seq FROM sync_state) WHERE id = NEW.id;
END;
CREATE TRIGGER visits_sync_given AFTER INSERT ON visits WHEN NEW.sync_seq <> 0 BEGIN
	UPDATE sync_state SET seq = NEW.sync_seq WHERE seq < NEW.sync_seq;
END;
