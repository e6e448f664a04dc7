-- 0012: a writer that numbers its own visits moves the counter itself, once.
-- The trigger of 0010 moved sync_state's counter up to each visit inserted
-- with its own sync_seq: one UPDATE of sync_state a row, run inside the
-- INSERT, 25 a batch of 25 check-ins written together. The check-in writers
-- now take their sequences from the counter before they insert (one UPDATE
-- of it for the whole batch, under the write lock, as before), so the
-- trigger goes. An insert that leaves sync_seq at 0 is still numbered by
-- visits_sync_insert.

DROP TRIGGER visits_sync_given;
