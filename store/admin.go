package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"

	"frontdesk/lang"
)

// Actor is who makes an administrative change: a staff member at the desk or
// on the command line, or the machine's administrator.
type Actor struct {
	// Staff names the staff member acting; only an active manager may
	// administer the center.
	Staff string
	// System is the operating-system account that owns the database file,
	// when no staff member is named on the command line. The caller vouches
	// for it (the command line checks the file's owner); the store records it.
	System string
}

// SystemPrefix marks the machine's administrator in records ("admin:root").
const SystemPrefix = "admin:"

// Name is how the actor is recorded.
func (a Actor) Name() string {
	if a.Staff != "" {
		return a.Staff
	}
	if a.System != "" {
		return SystemPrefix + a.System
	}
	return ""
}

func forbidden(msg lang.Text) *Error { return &Error{Code: EFORBIDDEN, Text: msg} }

// authorize checks that a may administer the center and returns the name to
// record: an active manager, or the machine's administrator.
func (t *tx) authorize(a Actor) (string, error) {
	if a.Staff == "" {
		if a.System != "" {
			return a.Name(), nil
		}
		return "", forbidden(lang.ManagerOnly)
	}
	s, err := t.staffWhere("name = ?", a.Staff)
	if ErrorCode(err) == ENOTFOUND {
		return "", forbidden(lang.NoSuchStaff.Format(a.Staff))
	}
	if err != nil {
		return "", err
	}
	if !s.Active {
		return "", forbidden(lang.StaffDeactivated.Format(s.Name))
	}
	if s.Role != RoleManager {
		return "", forbidden(lang.DeskStaffNotManager.Format(s.Name))
	}
	return s.Name, nil
}

// IsManager reports whether the staff member called name is an active
// manager, the test the desk uses to show the settings tab's changes.
func (db *DB) IsManager(ctx context.Context, name string) (bool, error) {
	var ok bool
	err := db.read(ctx, func(t *tx) error {
		_, err := t.authorize(Actor{Staff: name})
		if ErrorCode(err) == EFORBIDDEN {
			return nil
		}
		ok = err == nil
		return err
	})
	return ok, err
}

// AdminEvent is one change to a venue, a staff member or the settings.
type AdminEvent struct {
	ID       int64
	At       time.Time
	Actor    string
	Kind     string // KindVenue, KindStaff or KindSettings
	TargetID int64
	Target   string // the venue's or staff member's name at the time
	Action   string // created, updated, deactivated, activated, init, secret, …
	Before   map[string]string
	After    map[string]string
}

// Admin event actions.
const (
	ActionCreated     = "created"
	ActionUpdated     = "updated"
	ActionDeactivated = "deactivated"
	ActionActivated   = "activated"
	ActionSecret      = "secret"
	ActionPurged      = "purged"
	ActionStaffToken  = "staff_token"
)

// AdminActions names each admin event action.
var AdminActions = []Label{
	{ActionCreated, lang.Added},
	{ActionUpdated, lang.Changed},
	{ActionDeactivated, lang.Deactivated},
	{ActionActivated, lang.Activated},
	{ActionSecret, lang.NewKioskSecret},
	{ActionPurged, lang.OldRecordsAnonymised},
	{ActionStaffToken, lang.NewDailyLogLink},
}

// recordAdmin writes an admin event. before and after hold only what changed.
func (t *tx) recordAdmin(actor, kind string, id int64, target, action string, before, after map[string]string) error {
	b, _ := json.Marshal(nonNil(before))
	a, _ := json.Marshal(nonNil(after))
	_, err := t.Exec(`INSERT INTO admin_events (at, actor, kind, target_id, target, action, before, after)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, unix(t.now), actor, kind, id, target, action, string(b), string(a))
	if err != nil {
		return fmt.Errorf("record admin event: %w", err)
	}
	t.publish(kind, action, id, SourceDesk)
	return nil
}

// recordActive records a venue or staff member deactivated or brought back.
func (t *tx) recordActive(actor, kind string, id int64, target string, active bool) error {
	action := ActionActivated
	if !active {
		action = ActionDeactivated
	}
	return t.recordAdmin(actor, kind, id, target, action, map[string]string{"active": fmt.Sprint(!active)},
		map[string]string{"active": fmt.Sprint(active)})
}

func nonNil(m map[string]string) map[string]string {
	if m == nil {
		return map[string]string{}
	}
	return m
}

// diff returns the fields whose values differ between before and after.
func diff(before, after map[string]string) (map[string]string, map[string]string) {
	b, a := map[string]string{}, map[string]string{}
	for k, v := range after {
		if before[k] != v {
			b[k], a[k] = before[k], v
		}
	}
	return b, a
}

// AdminHistory returns the changes to venues, staff and settings, newest
// first. kind "" means every kind; targetID 0 every record of the kind.
// limit 0 means 200.
func (db *DB) AdminHistory(ctx context.Context, kind string, targetID int64, limit int) ([]AdminEvent, error) {
	if limit <= 0 {
		limit = 200
	}
	q := "SELECT id, at, actor, kind, target_id, target, action, before, after FROM admin_events WHERE 1 = 1"
	var args []any
	if kind != "" {
		q += " AND kind = ?"
		args = append(args, kind)
	}
	if targetID != 0 {
		q += " AND target_id = ?"
		args = append(args, targetID)
	}
	q += " ORDER BY id DESC LIMIT ?"
	args = append(args, limit)
	var out []AdminEvent
	err := db.read(ctx, func(t *tx) error {
		rows, err := t.Query(q, args...)
		if err != nil {
			return fmt.Errorf("admin history: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var e AdminEvent
			var at int64
			var b, a string
			if err := rows.Scan(&e.ID, &at, &e.Actor, &e.Kind, &e.TargetID, &e.Target, &e.Action, &b, &a); err != nil {
				return err
			}
			e.At = fromUnix(at)
			json.Unmarshal([]byte(b), &e.Before)
			json.Unmarshal([]byte(a), &e.After)
			out = append(out, e)
		}
		return rows.Err()
	})
	return out, err
}

func isNoRows(err error) bool { return err == sql.ErrNoRows }

// AdminFields names the fields admin events record.
var AdminFields = []Label{
	{"name", lang.StoreName},
	{"capacity", lang.StoreCapacity},
	{"hours", lang.StoreHours},
	{"facilities", lang.StoreFacilities},
	{"active", lang.Active},
	{"login", lang.Login},
	{"role", lang.Role},
	{"keys", lang.SSHKeys},
	{"password", lang.Password},
	{"lang", lang.StaffLang},
	{"center_name", lang.CenterName},
	{"center", lang.CenterName},
	{"tz", lang.TimeZone},
	{"phone", lang.PublicPhone},
	{"qr_ttl", lang.QRRotation},
	{"older_than_days", lang.OlderThanDays},
	{"visits", lang.StoreVisits},
	{"requests", lang.StoreRequests},
	{"bookings", lang.StoreBookings},
}

// Describe tells the event in one line of lang, without its time: who did
// what to which record, and each field from before to after. Role and
// active values are named; a password is only ever "set" or "changed".
func (e AdminEvent) Describe(language string) string {
	var b strings.Builder
	b.WriteString(e.Actor + " " + LabelOf(AdminActions, e.Action).In(language))
	if e.Target != "" {
		b.WriteString(" " + e.Target)
	} else if e.Kind == KindSettings && e.Action == ActionUpdated {
		b.WriteString(lang.SettingsTarget.In(language))
	}
	keys := make([]string, 0, len(e.After))
	for k := range e.After {
		// A new record's name is its target; it starts active.
		if e.Action == ActionCreated && (k == "name" || k == "active" || e.After[k] == "") {
			continue
		}
		keys = append(keys, k)
	}
	sort.Strings(keys)
	sep := lang.ColonSep.In(language)
	for i, k := range keys {
		if i == 0 {
			b.WriteString(sep)
		} else {
			b.WriteString(lang.SemicolonSep.In(language))
		}
		show := func(v string) string {
			switch {
			case v == "":
				return "—"
			case k == "role":
				return LabelOf(Roles, v).In(language)
			case k == "active":
				return LabelOf(yesNo, v).In(language)
			case k == "password":
				return LabelOf(passwordStates, v).In(language)
			}
			return v
		}
		label := LabelOf(AdminFields, k).In(language)
		if _, had := e.Before[k]; had && e.Action != ActionCreated {
			b.WriteString(label + " " + show(e.Before[k]) + " → " + show(e.After[k]))
		} else {
			b.WriteString(label + " " + show(e.After[k]))
		}
	}
	return b.String()
}

var yesNo = []Label{{"true", lang.YesLower}, {"false", lang.StoreNo}}

var passwordStates = []Label{{"set", lang.Set}, {"changed", lang.StoreChanged}}
