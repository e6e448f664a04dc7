-- 0002: voided records (作废) stay on the hub, marked, and out of every count.

ALTER TABLE visits ADD COLUMN voided boolean NOT NULL DEFAULT false;
ALTER TABLE requests ADD COLUMN voided boolean NOT NULL DEFAULT false;
ALTER TABLE bookings ADD COLUMN voided boolean NOT NULL DEFAULT false;
