package store

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"time"

	"frontdesk/lang"
)

// Settings are the center's own facts, kept in the database.
type Settings struct {
	CenterName string
	TimeZone   string
	// Phone is the center's own number, shown to visitors; may be empty.
	Phone string
	// QRTTL is how often the lobby's QR codes rotate (0: static codes);
	// QRTTLSet says the center chose it, so it stands unless a flag says
	// otherwise.
	QRTTL    time.Duration
	QRTTLSet bool
	// SSHIdle is how long a desk over SSH may go without a key press
	// before it is closed; 0 never closes one.
	SSHIdle time.Duration
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
		ClosesAt:            DefaultClosesAt,
		ResponseHours:       intOr(kv["response_hours"], 24),
		UrgentResponseHours: intOr(kv["urgent_response_hours"], 2),
		PromiseDays:         intOr(kv["promise_days"], 5),
		UrgentPromiseDays:   intOr(kv["urgent_promise_days"], 1),
	}
	s.QRTTL = DefaultQRTTL
	if d, err := time.ParseDuration(kv["qr_ttl"]); err == nil && d >= 0 {
		s.QRTTL, s.QRTTLSet = d, true
	}
	s.SSHIdle = DefaultSSHIdle
	if d, err := time.ParseDuration(kv["ssh_idle"]); err == nil && d >= 0 {
		s.SSHIdle = d
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
	// Venues are added, or updated by name; a venue whose hours are empty
	// keeps the hours it has.
	Venues []VenueInput
	// Staff is the first staff member, made a manager, on a center without
	// staff; on one with staff it must name an active member, who acts.
	Staff string
	// Actor makes the changes on a center already set up; empty means Staff.
	Actor Actor
}

// InitResult says what Init changed.
type InitResult struct {
	Settings      []string // the settings it changed (center, tz)
	VenuesAdded   []string
	VenuesUpdated []string
	StaffAdded    string
}

// Changed reports whether Init changed anything.
func (r InitResult) Changed() bool {
	return len(r.Settings)+len(r.VenuesAdded)+len(r.VenuesUpdated) > 0 || r.StaffAdded != ""
}

// Init names the center, sets its zone, makes the kiosk secret if there is
// none, and adds or updates the venues it is given, by name. It never
// deletes. Running it again with the same input changes nothing; changing a
// center already set up takes a manager (or the machine's administrator).
func (db *DB) Init(ctx context.Context, in InitInput) error {
	_, err := db.InitChanges(ctx, in)
	return err
}

// InitChanges is Init, saying what it changed.
func (db *DB) InitChanges(ctx context.Context, in InitInput) (InitResult, error) {
	var res InitResult
	name, err := cleanName("center", in.Center, 60, true, lang.Center)
	if err != nil {
		return res, err
	}
	tz := strings.TrimSpace(in.TimeZone)
	if err := checkZone(tz); err != nil {
		return res, err
	}
	venues := make([]VenueInput, len(in.Venues))
	for i, v := range in.Venues {
		keepHours := v.OpensAt == "" && v.ClosesAt == ""
		if venues[i], err = v.validate(); err != nil {
			return res, err
		}
		if keepHours {
			venues[i].OpensAt, venues[i].ClosesAt = "", ""
		}
	}
	err = db.write(ctx, func(t *tx) error {
		res = InitResult{} // afresh, should the batch run again (see write)
		kv, err := t.settingsMap()
		if err != nil {
			return err
		}
		fresh := kv["center_name"] == ""
		actor := in.Actor
		if actor.Name() == "" {
			actor = Actor{Staff: strings.TrimSpace(in.Staff)}
		}
		who := ""
		// allow authorizes the first change on a center already set up; a
		// new center is set up by whoever runs init.
		allow := func() error {
			if who != "" {
				return nil
			}
			if fresh {
				if who = actor.Name(); who == "" {
					who = "init"
				}
				return nil
			}
			who, err = t.authorize(actor)
			return err
		}
		if in.Staff != "" {
			s, err := t.staffForInit(in.Staff, in.Actor.System != "", &res)
			if err != nil {
				return err
			}
			if res.StaffAdded != "" && actor.Staff == s.Name {
				// The first manager sets the center up.
				fresh = true
			}
		}
		var before, after = map[string]string{}, map[string]string{}
		if kv["center_name"] != name {
			before["center"], after["center"] = kv["center_name"], name
			res.Settings = append(res.Settings, "center")
		}
		if tz == "" && kv["tz"] == "" {
			tz = DefaultTimeZone
		}
		if tz != "" && kv["tz"] != tz {
			before["tz"], after["tz"] = kv["tz"], tz
			res.Settings = append(res.Settings, "tz")
		}
		if len(after) > 0 {
			if err := allow(); err != nil {
				return err
			}
			for k, v := range after {
				key := map[string]string{"center": "center_name", "tz": "tz"}[k]
				if err := t.setSetting(key, v); err != nil {
					return err
				}
			}
			if err := t.recordAdmin(who, KindSettings, 0, "", ActionUpdated, before, after); err != nil {
				return err
			}
		}
		if kv["secret"] == "" {
			if err := t.setSetting("secret", newSecret()); err != nil {
				return err
			}
		}
		for _, v := range venues {
			old, err := t.venueWhere("name = ?", v.Name)
			if ErrorCode(err) == ENOTFOUND {
				if err := allow(); err != nil {
					return err
				}
				if v.OpensAt == "" {
					v.OpensAt, v.ClosesAt = DefaultOpensAt.String(), DefaultClosesAt.String()
				}
				if _, err := t.insertVenue(who, v); err != nil {
					return err
				}
				res.VenuesAdded = append(res.VenuesAdded, v.Name)
				continue
			}
			if err != nil {
				return err
			}
			want := old.Input()
			want.Capacity = v.Capacity
			if v.OpensAt != "" {
				want.OpensAt, want.ClosesAt = v.OpensAt, v.ClosesAt
			}
			if want == old.Input() {
				continue
			}
			if err := allow(); err != nil {
				return err
			}
			if _, err := t.updateVenue(who, old, want); err != nil {
				return err
			}
			res.VenuesUpdated = append(res.VenuesUpdated, v.Name)
		}
		t.publish(KindSettings, "init", 0, SourceDesk)
		return nil
	})
	if err != nil {
		return InitResult{}, err
	}
	return res, db.loadSettings(ctx)
}

// staffForInit finds the staff member init names: the first one on a
// center without staff (added as manager), or an active member. The
// machine's administrator (byAdmin) may name a new one, added as manager.
func (t *tx) staffForInit(name string, byAdmin bool, res *InitResult) (Staff, error) {
	name, err := checkStaffName("staff", name)
	if err != nil {
		return Staff{}, err
	}
	s, err := t.staffWhere("name = ?", name)
	if err == nil {
		return s, s.mayWork()
	}
	if ErrorCode(err) != ENOTFOUND {
		return s, err
	}
	var n int
	if err := t.QueryRow("SELECT COUNT(*) FROM staff").Scan(&n); err != nil {
		return s, err
	}
	if n > 0 && !byAdmin {
		return s, &Error{Code: ENOTFOUND, Field: "staff",
			Text: lang.NotOnStaffList.Format(name)}
	}
	s, err = t.insertStaff(name, name, StaffInput{Name: name, Role: RoleManager}, nil, "")
	res.StaffAdded = name
	return s, err
}

func checkZone(tz string) error {
	if tz == "" {
		return nil
	}
	if _, err := time.LoadLocation(tz); err != nil || tz == "Local" {
		return invalid("tz", lang.UnknownTimeZone.Format(tz))
	}
	return nil
}

func newSecret() string {
	secret := make([]byte, 32)
	rand.Read(secret)
	return hex.EncodeToString(secret)
}

func (t *tx) setSetting(key, value string) error {
	_, err := t.Exec(`INSERT INTO settings (key, value) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
	if err != nil {
		return fmt.Errorf("set %s: %w", key, err)
	}
	return nil
}

func (t *tx) settingsMap() (map[string]string, error) {
	rows, err := t.Query("SELECT key, value FROM settings")
	if err != nil {
		return nil, fmt.Errorf("read settings: %w", err)
	}
	defer rows.Close()
	kv := map[string]string{}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return nil, err
		}
		kv[k] = v
	}
	return kv, rows.Err()
}

// DefaultQRTTL is how often the lobby's QR codes rotate unless the center
// says otherwise.
const DefaultQRTTL = 10 * time.Minute

// DefaultSSHIdle is how long an SSH desk may sit idle where the center has
// not said otherwise.
const DefaultSSHIdle = 30 * time.Minute

// MaxQRTTL is the longest rotation a center may set (0 means static codes).
const MaxQRTTL = 24 * time.Hour

// SettingsChange is what `frontdesk settings` and the settings tab change;
// nil fields keep their value.
type SettingsChange struct {
	Center   *string
	TimeZone *string
	// Phone is the center's number shown to visitors; "" removes it.
	Phone *string
	// QRTTL is how often the QR codes rotate; 0 gives static codes.
	QRTTL *time.Duration
	// SSHIdle is how long an SSH desk may sit idle; 0 never closes one.
	SSHIdle *time.Duration
}

// Validate checks a settings form as UpdateSettings would.
func (ch SettingsChange) Validate() error {
	_, err := ch.values()
	return err
}

// values checks the change and returns it as stored settings.
func (ch SettingsChange) values() (map[string]string, error) {
	after := map[string]string{}
	if ch.Center != nil {
		name, err := cleanName("center", *ch.Center, 60, true, lang.Center)
		if err != nil {
			return nil, err
		}
		after["center_name"] = name
	}
	if ch.TimeZone != nil {
		tz := strings.TrimSpace(*ch.TimeZone)
		if tz == "" {
			return nil, invalid("tz", lang.TimeZoneRequired)
		}
		if err := checkZone(tz); err != nil {
			return nil, err
		}
		after["tz"] = tz
	}
	if ch.Phone != nil {
		p, err := checkPhone("phone", *ch.Phone, false)
		if err != nil {
			return nil, err
		}
		after["phone"] = p
	}
	if ch.QRTTL != nil {
		d := *ch.QRTTL
		if d < 0 || d > MaxQRTTL || (d > 0 && d < time.Minute) {
			return nil, invalid("qr_ttl", lang.QRRotationRange)
		}
		after["qr_ttl"] = d.String()
	}
	if ch.SSHIdle != nil {
		d := *ch.SSHIdle
		if d < 0 || d > 24*time.Hour || (d > 0 && d < time.Minute) {
			return nil, invalid("ssh_idle", lang.SSHDeskIdleTimeoutMustBe)
		}
		after["ssh_idle"] = d.String()
	}
	return after, nil
}

// UpdateSettings changes the center's name, zone, phone, QR rotation or SSH
// idle timeout (manager only), recording what changed.
func (db *DB) UpdateSettings(ctx context.Context, actor Actor, ch SettingsChange) error {
	after, err := ch.values()
	if err != nil {
		return err
	}
	err = db.write(ctx, func(t *tx) error {
		who, err := t.authorize(actor)
		if err != nil {
			return err
		}
		kv, err := t.settingsMap()
		if err != nil {
			return err
		}
		if kv["center_name"] == "" {
			return Errorf(ECONFLICT, lang.CenterNotSetUp)
		}
		before, changed := diff(kv, after)
		if len(changed) == 0 {
			return nil
		}
		for k, v := range changed {
			if err := t.setSetting(k, v); err != nil {
				return err
			}
		}
		return t.recordAdmin(who, KindSettings, 0, "", ActionUpdated, before, changed)
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
			return invalid(key, lang.TimeMustBeHHMM)
		}
	case "response_hours", "urgent_response_hours", "promise_days", "urgent_promise_days":
		if n, err := strconv.Atoi(value); err != nil || n < 1 || n > 1000 {
			return invalid(key, lang.SettingRange)
		}
	default:
		return invalid(key, lang.UnknownSetting)
	}
	err := db.write(ctx, func(t *tx) error {
		_, err := t.Exec(`INSERT INTO settings (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
		t.publish(KindSettings, "set", 0, SourceDesk)
		return err
	})
	if err != nil {
		return err
	}
	return db.loadSettings(ctx)
}

// RotateStaffToken replaces the staff link of the manager pages alone: the
// old link stops working, the QR codes (printed ones too) keep theirs. It is
// manager only, and recorded.
func (db *DB) RotateStaffToken(ctx context.Context, actor Actor) error {
	salt := make([]byte, 16)
	rand.Read(salt)
	err := db.write(ctx, func(t *tx) error {
		who, err := t.authorize(actor)
		if err != nil {
			return err
		}
		if err := t.setSetting("staff_salt", hex.EncodeToString(salt)); err != nil {
			return err
		}
		return t.recordAdmin(who, KindSettings, 0, "", ActionStaffToken, nil, nil)
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
//
// It is manager only, and recorded (never the secret itself).
func (db *DB) RotateSecret(ctx context.Context, actor Actor) error {
	err := db.write(ctx, func(t *tx) error {
		who, err := t.authorize(actor)
		if err != nil {
			return err
		}
		if err := t.setSetting("secret", newSecret()); err != nil {
			return err
		}
		return t.recordAdmin(who, KindSettings, 0, "", ActionSecret, nil, nil)
	})
	if err != nil {
		return err
	}
	return db.loadSettings(ctx)
}
