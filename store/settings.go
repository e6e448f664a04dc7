package store

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"strconv"
	"time"
)

// Settings are the center's own facts, kept in the database.
type Settings struct {
	CenterName string
	TimeZone   string
	// Phone is the center's phone number shown to visitors ("" if none).
	Phone string
	// Secret signs the kiosk's QR tokens; it is made at init and never shown.
	Secret []byte
	// StaffSalt goes into the staff token with the secret, so the staff
	// link can be replaced on its own (RotateStaffToken); "" until it is.
	StaffSalt string
	// ClosesAt is when the center closes; visits still open then are closed
	// automatically.
	ClosesAt Clock
	// ResponseHours is the promised time to accept a request (接诉即办);
	// UrgentResponseHours the same for an urgent one.
	ResponseHours       int
	UrgentResponseHours int
	// PromiseDays is the default days to resolve a request; UrgentPromiseDays
	// the same for an urgent one.
	PromiseDays       int
	UrgentPromiseDays int
}

// DefaultTimeZone is the zone of a center that has not said otherwise.
const DefaultTimeZone = "Asia/Shanghai"

// Initialized reports whether the center has a name, that is, init has run.
func (s Settings) Initialized() bool { return s.CenterName != "" }

// Settings returns the center's settings as last loaded.
func (db *DB) Settings() Settings {
	db.mu.RLock()
	defer db.mu.RUnlock()
	return db.settings
}

func (db *DB) loadSettings(ctx context.Context) error {
	rows, err := db.r.QueryContext(ctx, "SELECT key, value FROM settings")
	if err != nil {
		return translate(fmt.Errorf("load settings: %w", err))
	}
	defer rows.Close()
	kv := map[string]string{}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return translate(fmt.Errorf("load settings: %w", err))
		}
		kv[k] = v
	}
	if err := rows.Err(); err != nil {
		return translate(fmt.Errorf("load settings: %w", err))
	}
	s := Settings{
		CenterName:          kv["center_name"],
		TimeZone:            kv["tz"],
		Phone:               kv["phone"],
		ClosesAt:            Clock{21, 0},
		ResponseHours:       intOr(kv["response_hours"], 24),
		UrgentResponseHours: intOr(kv["urgent_response_hours"], 2),
		PromiseDays:         intOr(kv["promise_days"], 5),
		UrgentPromiseDays:   intOr(kv["urgent_promise_days"], 1),
	}
	if c, err := ParseClock(kv["closes_at"]); err == nil {
		s.ClosesAt = c
	}
	if s.TimeZone == "" {
		s.TimeZone = DefaultTimeZone
	}
	s.StaffSalt = kv["staff_salt"]
	if sec, err := hex.DecodeString(kv["secret"]); err == nil {
		s.Secret = sec
	}
	loc, err := time.LoadLocation(s.TimeZone)
	if err != nil {
		loc, _ = time.LoadLocation(DefaultTimeZone)
	}
	db.mu.Lock()
	db.settings, db.loc = s, loc
	db.mu.Unlock()
	return nil
}

// Reload re-reads the settings, after another process may have changed them.
func (db *DB) Reload(ctx context.Context) error { return db.loadSettings(ctx) }

func intOr(s string, def int) int {
	if n, err := strconv.Atoi(s); err == nil && n > 0 {
		return n
	}
	return def
}

// InitInput sets up a center: its name, zone and first venues.
type InitInput struct {
	Center   string
	TimeZone string // empty keeps the stored zone, or Asia/Shanghai
	Venues   []VenueInput
	Staff    string // the first staff member, as manager; optional
}

// Init names the center, sets its zone, makes the kiosk secret if there is
// none and adds the venues that do not exist yet. Running it again with the
// same input changes nothing.
func (db *DB) Init(ctx context.Context, in InitInput) error {
	name, err := cleanText("center", in.Center, 60, true, "中心名称", "Center name")
	if err != nil {
		return err
	}
	tz := in.TimeZone
	if tz != "" {
		if _, err := time.LoadLocation(tz); err != nil {
			return invalid("tz", fmt.Sprintf("时区“%s”无法识别，例如 Asia/Shanghai", tz), fmt.Sprintf("unknown time zone %q, e.g. Asia/Shanghai", tz))
		}
	}
	venues := make([]VenueInput, len(in.Venues))
	for i, v := range in.Venues {
		if venues[i], err = v.validate(); err != nil {
			return err
		}
	}
	err = db.write(ctx, func(t *tx) error {
		set := func(k, v string) error {
			_, err := t.Exec(`INSERT INTO settings (key, value) VALUES (?, ?)
				ON CONFLICT (key) DO UPDATE SET value = excluded.value`, k, v)
			return err
		}
		if err := set("center_name", name); err != nil {
			return err
		}
		if tz != "" {
			if err := set("tz", tz); err != nil {
				return err
			}
		} else if _, err := t.Exec(`INSERT OR IGNORE INTO settings (key, value) VALUES ('tz', ?)`, DefaultTimeZone); err != nil {
			return err
		}
		secret := make([]byte, 32)
		rand.Read(secret)
		if _, err := t.Exec(`INSERT OR IGNORE INTO settings (key, value) VALUES ('secret', ?)`, hex.EncodeToString(secret)); err != nil {
			return err
		}
		for _, v := range venues {
			var id int64
			err := t.QueryRow("SELECT id FROM venues WHERE name = ?", v.Name).Scan(&id)
			if err == nil {
				continue
			}
			if _, err := t.insertVenue(v); err != nil {
				return err
			}
		}
		if in.Staff != "" {
			if _, err := t.ensureStaff(in.Staff, RoleManager); err != nil {
				return err
			}
		}
		t.publish(KindSettings, "init", 0, "desk")
		return nil
	})
	if err != nil {
		return err
	}
	return db.loadSettings(ctx)
}

// SetSetting stores one named setting (closes_at, response_hours,
// urgent_response_hours, promise_days, urgent_promise_days).
func (db *DB) SetSetting(ctx context.Context, key, value string) error {
	switch key {
	case "closes_at":
		if _, err := ParseClock(value); err != nil {
			return invalid(key, "时间格式应为 HH:MM", "time must be HH:MM")
		}
	case "response_hours", "urgent_response_hours", "promise_days", "urgent_promise_days":
		if n, err := strconv.Atoi(value); err != nil || n < 1 || n > 1000 {
			return invalid(key, "应为 1 到 1000 之间的整数", "must be a whole number from 1 to 1000")
		}
	default:
		return invalid(key, "未知的设置项", "unknown setting")
	}
	err := db.write(ctx, func(t *tx) error {
		_, err := t.Exec(`INSERT INTO settings (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
		t.publish(KindSettings, "set", 0, "desk")
		return err
	})
	if err != nil {
		return err
	}
	return db.loadSettings(ctx)
}

// RotateStaffToken replaces the staff link of the manager pages alone: the
// old link stops working, the QR codes (printed ones too) keep theirs.
func (db *DB) RotateStaffToken(ctx context.Context) error {
	salt := make([]byte, 16)
	rand.Read(salt)
	err := db.write(ctx, func(t *tx) error {
		_, err := t.Exec(`INSERT INTO settings (key, value) VALUES ('staff_salt', ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, hex.EncodeToString(salt))
		t.publish(KindSettings, "staff_token", 0, "desk")
		return err
	})
	if err != nil {
		return err
	}
	return db.loadSettings(ctx)
}

// RotateSecret replaces the kiosk's signing secret. Every QR token and staff
// link made with the old one stops working at once, printed posters of
// static codes included; processes sharing the file pick the new one up
// within a second.
func (db *DB) RotateSecret(ctx context.Context) error {
	secret := make([]byte, 32)
	rand.Read(secret)
	err := db.write(ctx, func(t *tx) error {
		_, err := t.Exec(`INSERT INTO settings (key, value) VALUES ('secret', ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, hex.EncodeToString(secret))
		t.publish(KindSettings, "secret", 0, "desk")
		return err
	})
	if err != nil {
		return err
	}
	return db.loadSettings(ctx)
}
