-- 0008: an arrival check-in (核销) records who did it, as a decision does.

ALTER TABLE bookings ADD COLUMN arrived_by TEXT NOT NULL DEFAULT '';
