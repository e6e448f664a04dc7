-- 0009: a staff member's own language for SSH desks (zh or en); empty means
-- the desk's.

ALTER TABLE staff ADD COLUMN lang TEXT NOT NULL DEFAULT '';
