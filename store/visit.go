package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"frontdesk/lang"
)

// Visit is one check-in at the center (来访登记). A group is one visit with
// its headcount.
type Visit struct {
	ID           int64
	ReceiptNo    string
	StatusCode   string
	VisitorID    int64
	Name         string
	Phone        string
	Org          string
	Purpose      string
	PartyMember  bool
	Headcount    int
	Note         string
	CheckedInAt  time.Time
	CheckedOutAt time.Time // zero while the visitor is in the building
	AutoClosed   bool      // closed by the system at the end of the day
	CreatedBy    string
	Source       string
	CreatedAt    time.Time
}

// Open reports whether the visitor has not checked out.
func (v Visit) Open() bool { return v.CheckedOutAt.IsZero() }

// ServicePurpose reports whether a visit's time counts as service hours.
func ServicePurpose(purpose string) bool { return purpose == "party_report" || purpose == "volunteer" }

// servicePurposeIn is the SQL predicate "purpose IN (the service purposes)",
// built from ServicePurpose so the two cannot disagree. prefix qualifies the
// column ("v." in a join, "" alone).
func servicePurposeIn(prefix string) string {
	var in []string
	for _, p := range Purposes {
		if ServicePurpose(p.Code) {
			in = append(in, "'"+p.Code+"'")
		}
	}
	return prefix + "purpose IN (" + strings.Join(in, ", ") + ")"
}

// ServiceDuration is the time a visit counts towards service hours: the time
// between check-in and check-out for service purposes, and nothing for visits
// closed by the system, since nobody saw the visitor leave.
func (v Visit) ServiceDuration() time.Duration {
	if !ServicePurpose(v.Purpose) || v.Open() || v.AutoClosed {
		return 0
	}
	return v.CheckedOutAt.Sub(v.CheckedInAt)
}

// Visitor is a person who has visited; the desk finds them again by phone or
// name and logs them without retyping.
type Visitor struct {
	ID          int64
	Name        string
	Phone       string
	Org         string
	PartyMember bool
	VisitCount  int
	LastSeenAt  time.Time
}

// VisitInput is what a check-in says.
type VisitInput struct {
	Name        string
	Phone       string
	Org         string
	Purpose     string
	PartyMember bool
	Headcount   int
	Note        string
	Actor       string // the staff member, or "kiosk"
	Source      string // desk or kiosk
	// Key is the form's one-time key (see RequestInput.Key).
	Key string
}

// Validate checks a check-in and returns it cleaned. Every field is
// checked, and the error carries each field's message (FieldErrors).
func (in VisitInput) Validate() (VisitInput, error) {
	var p problems
	var err error
	in.Name, err = cleanName("name", in.Name, 30, true, lang.ColName)
	p.add(err)
	in.Phone, err = checkPhone("phone", in.Phone, false)
	p.add(err)
	in.Org, err = cleanName("org", in.Org, 60, false, lang.Organisation)
	p.add(err)
	in.Purpose, err = checkLabel("purpose", Purposes, in.Purpose, lang.Purpose)
	p.add(err)
	if in.Headcount == 0 {
		in.Headcount = 1
	}
	p.add(checkCount("headcount", in.Headcount, 1, 500, lang.Headcount))
	in.Note, err = cleanTextLines("note", in.Note, 200, false, true, lang.Note)
	p.add(err)
	p.add(checkKey(in.Key))
	p.add(checkOrigin(&in.Actor, &in.Source))
	return in, p.err()
}

func checkOrigin(actor, source *string) error {
	if *source == "" {
		*source = SourceDesk
	}
	if *source != SourceDesk && *source != SourceKiosk {
		return invalid("source", lang.SourceInvalid)
	}
	if *source == SourceKiosk && *actor == "" {
		*actor = ActorKiosk
	}
	a, err := cleanText("actor", *actor, 30, true, lang.StaffName)
	*actor = a
	return err
}

const visitColumns = `id, receipt_no, status_code, visitor_id, name, phone, org, purpose, party_member,
	headcount, note, checked_in_at, checked_out_at, auto_closed, created_by, source, created_at`

// nVisitColumns is how many visitColumns there are.
var nVisitColumns = columnCount(visitColumns)

// visitOf is the visit of a row of visitColumns.
func visitOf(c cols) Visit {
	return Visit{
		ID: c.num(0), ReceiptNo: c.str(1), StatusCode: c.str(2), VisitorID: c.num(3),
		Name: c.str(4), Phone: c.str(5), Org: c.str(6), Purpose: c.str(7),
		PartyMember: c.num(8) != 0, Headcount: int(c.num(9)), Note: c.str(10),
		CheckedInAt: c.at(11), CheckedOutAt: c.at(12), AutoClosed: c.num(13) != 0,
		CreatedBy: c.str(14), Source: c.str(15), CreatedAt: c.at(16),
	}
}

func (t *tx) visits(query string, args ...any) ([]Visit, error) {
	return t.visitList(0, query, args...)
}

// visitList is visits with room for n rows made up front: a day's list
// grown by append would copy itself over several times.
func (t *tx) visitList(n int, query string, args ...any) ([]Visit, error) {
	rows, err := t.Query("SELECT "+visitColumns+" FROM visits "+query, args...)
	if err != nil {
		return nil, fmt.Errorf("query visits: %w", err)
	}
	defer rows.Close()
	out := make([]Visit, 0, n)
	s := newRowScan()
	for rows.Next() {
		if err := s.scan(rows, nVisitColumns); err != nil {
			return nil, fmt.Errorf("scan visit: %w", err)
		}
		out = append(out, visitOf(s))
	}
	if len(out) == 0 {
		out = nil
	}
	return out, rows.Err()
}

func (t *tx) visit(query string, args ...any) (Visit, error) {
	s := newRowScan()
	err := s.scan(t.QueryRow("SELECT "+visitColumns+" FROM visits "+query, args...), nVisitColumns)
	if err == sql.ErrNoRows {
		return Visit{}, notFound(lang.Visit)
	}
	if err != nil {
		return Visit{}, err
	}
	return visitOf(s), nil
}

// CheckIn logs a visitor in, remembering them for next time.
func (db *DB) CheckIn(ctx context.Context, in VisitInput) (Visit, error) {
	in, err := in.Validate()
	if err != nil {
		return Visit{}, err
	}
	var v Visit
	w := newCheckInWork(in, &v)
	err = db.submit(ctx, &writeJob{fn: w.write, checkin: w})
	return v, err
}

// A check-in's statements, shared by checkInWork.write and
// checkInsTogether: the visitor remembered (visitorUpsert, one visitorRow a
// visitor, then visitorUpserted) and the visit (visitInsert and one row of
// visitValues a visit).
const (
	visitorUpsert   = "INSERT INTO visitors (name, phone, phone_last4, org, party_member, visit_count, last_seen_at) VALUES "
	visitorRow      = "(?, ?, ?, ?, ?, ?, ?)"
	visitorUpserted = ` ON CONFLICT (name, phone) DO UPDATE SET
		org = CASE WHEN excluded.org <> '' THEN excluded.org ELSE org END,
		party_member = excluded.party_member,
		visit_count = visit_count + excluded.visit_count,
		last_seen_at = excluded.last_seen_at`
	visitInsert = `INSERT INTO visits (id, receipt_no, status_code, visitor_id, name, phone, org, purpose,
		party_member, headcount, note, checked_in_at, created_by, source, created_at, sync_seq) VALUES `
	// visitValues are a visit row's marks (visitArgs).
	visitValues = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)

// visitorArgs are visitorRow's values for in, seen at now, counting visits
// check-ins.
func visitorArgs(in VisitInput, visits int, now time.Time) []any {
	return []any{in.Name, in.Phone, phoneLast4(in.Phone), in.Org, boolInt(in.PartyMember), visits, unix(now)}
}

// visitArgs are the row values of v (as newVisit made it, with its id)
// and its change sequence seq.
func visitArgs(v *Visit, seq int64) []any {
	return []any{v.ID, v.ReceiptNo, v.StatusCode, v.VisitorID, v.Name, v.Phone, v.Org, v.Purpose, boolInt(v.PartyMember),
		v.Headcount, v.Note, unix(v.CheckedInAt), v.CreatedBy, v.Source, unix(v.CreatedAt), seq}
}

// newVisit is the visit a check-in writes, made at now with its status
// code. The record is what was written, not read back: the input the row is
// made from, and (set by the caller) its id.
func newVisit(in VisitInput, visitorID int64, receiptNo, statusCode string, now time.Time) Visit {
	at := fromUnix(unix(now))
	return Visit{ReceiptNo: receiptNo, StatusCode: statusCode, VisitorID: visitorID, Name: in.Name, Phone: in.Phone,
		Org: in.Org, Purpose: in.Purpose, PartyMember: in.PartyMember, Headcount: in.Headcount, Note: in.Note,
		CheckedInAt: at, CreatedBy: in.Actor, Source: in.Source, CreatedAt: at}
}

// visitNumbers numbers n visits a check-in writer is about to insert: it
// takes their change sequences from the counter at once, seq to seq+n-1,
// and their ids follow last, the table's largest, as SQLite's own would.
// Each visit is then made whole before its insert, which reads nothing
// back.
func (t *tx) visitNumbers(n int) (seq, last int64, err error) {
	err = t.QueryRow("UPDATE sync_state SET seq = seq + ? RETURNING seq - ? + 1, (SELECT COALESCE(MAX(id), 0) FROM visits)", n, n).
		Scan(&seq, &last)
	if err != nil {
		return 0, 0, fmt.Errorf("number visits: %w", err)
	}
	return seq, last, nil
}

// write is the check-in's write as a job of its own (checkInsTogether
// writes it with others when it can), setting *w.v to the visit.
func (w *checkInWork) write(t *tx) error {
	in, v := w.in, w.v
	if id, err := t.replayed(in.Key, "visit"); err != nil || id != 0 {
		if err == nil {
			*v, err = t.visit("WHERE id = ?", id)
		}
		return err
	}
	var visitorID int64
	err := t.QueryRow(visitorUpsert+visitorRow+visitorUpserted+" RETURNING id",
		visitorArgs(in, 1, t.now)...).Scan(&visitorID)
	if err != nil {
		return fmt.Errorf("upsert visitor: %w", err)
	}
	no, err := t.nextReceiptNo(prefixVisit)
	if err != nil {
		return err
	}
	seq, last, err := t.visitNumbers(1)
	if err != nil {
		return err
	}
	*v = newVisit(in, visitorID, no, w.code, t.now)
	v.ID = last + 1
	if _, err := t.Exec(visitInsert+visitValues, visitArgs(v, seq)...); err != nil {
		return fmt.Errorf("insert visit: %w", err)
	}
	if err := t.remember(in.Key, "visit", v.ID); err != nil {
		return err
	}
	t.publish(KindVisit, "checked_in", v.ID, in.Source)
	return nil
}

// CheckOut logs a visitor out. Checking out twice is a conflict, so a second
// press does not move the time.
func (db *DB) CheckOut(ctx context.Context, id int64, actor string) (Visit, error) {
	return db.checkOut(ctx, "WHERE id = ?", id, actor)
}

// CheckOutByCode is the visitor's own check-out from their status page.
func (db *DB) CheckOutByCode(ctx context.Context, code string) (Visit, error) {
	return db.checkOut(ctx, "WHERE status_code = ?", code, ActorKiosk)
}

func (db *DB) checkOut(ctx context.Context, where string, key any, actor string) (Visit, error) {
	var v Visit
	err := db.write(ctx, func(t *tx) error {
		var err error
		if v, err = t.visit(where, key); err != nil {
			return err
		}
		if !v.Open() {
			if actor == ActorKiosk {
				return Errorf(ECONFLICT, lang.VisitorAlreadyCheckedOut)
			}
			return Errorf(ECONFLICT, lang.AlreadyCheckedOut)
		}
		if _, err := t.Exec("UPDATE visits SET checked_out_at = ? WHERE id = ?", unix(t.now), v.ID); err != nil {
			return fmt.Errorf("check out: %w", err)
		}
		v.CheckedOutAt = t.now
		source := SourceDesk
		if actor == ActorKiosk {
			source = SourceKiosk
		}
		t.publish(KindVisit, "checked_out", v.ID, source)
		return nil
	})
	return v, err
}

// Visit returns one visit.
func (db *DB) Visit(ctx context.Context, id int64) (Visit, error) {
	var v Visit
	err := db.read(ctx, func(t *tx) (err error) { v, err = t.visit("WHERE id = ?", id); return })
	return v, err
}

// VisitByCode returns the visit a private status code belongs to.
func (db *DB) VisitByCode(ctx context.Context, code string) (Visit, error) {
	var v Visit
	err := db.read(ctx, func(t *tx) (err error) { v, err = t.visit("WHERE status_code = ?", code); return })
	return v, err
}

// VisitsOn returns a day's visits, newest first.
//
// Every desk asks again after every write, so the answer is shared by the
// desks of the process until the next write (each gets its own copy).
func (db *DB) VisitsOn(ctx context.Context, d Day) ([]Visit, error) {
	return sharedList(db, &db.dayVisits, d.String(), func() ([]Visit, error) { return db.visitsOn(ctx, d) })
}

func (db *DB) visitsOn(ctx context.Context, d Day) ([]Visit, error) {
	start, end := db.Bounds(d)
	var out []Visit
	err := db.read(ctx, func(t *tx) (err error) {
		out, err = t.visitsIn(start, end, "checked_in_at DESC, id DESC")
		return
	})
	return out, err
}

// visitsIn lists the visits checked in from start to before end in order.
// Counting them first is cheap (the index covers it) and sizes the list
// once: a busy month is tens of thousands of visits, and growing the slice
// would copy them again and again.
func (t *tx) visitsIn(start, end time.Time, order string) ([]Visit, error) {
	var n int
	if err := t.QueryRow("SELECT COUNT(*) FROM visits WHERE checked_in_at >= ? AND checked_in_at < ?", unix(start), unix(end)).Scan(&n); err != nil {
		return nil, fmt.Errorf("count visits: %w", err)
	}
	return t.visitList(n, "WHERE checked_in_at >= ? AND checked_in_at < ? ORDER BY "+order, unix(start), unix(end))
}

// InBuilding returns who is in the building now: today's visits not yet
// checked out, earliest first, for a roll call.
//
// Like VisitsOn, the answer is shared by the desks until the next write.
func (db *DB) InBuilding(ctx context.Context) ([]Visit, error) {
	return sharedList(db, &db.inBuildingNow, db.Today().String(), func() ([]Visit, error) { return db.inBuilding(ctx) })
}

// inBuildingWhere is the open visits of a range of check-in times, and
// openBeforeWhere those checked in before a time: both found in visits_in
// alone (TestCheckInIndexPlans).
const (
	inBuildingWhere = "WHERE checked_out_at IS NULL AND checked_in_at >= ? AND checked_in_at < ? ORDER BY checked_in_at, id"
	openBeforeWhere = "WHERE checked_out_at IS NULL AND checked_in_at < ?"
)

func (db *DB) inBuilding(ctx context.Context) ([]Visit, error) {
	start, end := db.Bounds(db.Today())
	var out []Visit
	err := db.read(ctx, func(t *tx) (err error) {
		out, err = t.visits(inBuildingWhere, unix(start), unix(end))
		return
	})
	return out, err
}

// FindVisitors looks up returning visitors: four digits are a phone's last
// four, a longer number the whole phone, anything else a name prefix. The
// most recently seen come first.
func (db *DB) FindVisitors(ctx context.Context, q string, limit int) ([]Visitor, error) {
	q = strings.TrimSpace(q)
	if q == "" {
		return nil, nil
	}
	if limit <= 0 {
		limit = 10
	}
	where, arg := visitorMatch(q)
	var out []Visitor
	err := db.read(ctx, func(t *tx) error {
		rows, err := t.Query(`SELECT id, name, phone, org, party_member, visit_count, last_seen_at
			FROM visitors WHERE `+where+` ORDER BY last_seen_at DESC LIMIT ?`, append(arg, limit)...)
		if err != nil {
			return fmt.Errorf("find visitors: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var v Visitor
			var seen int64
			if err := rows.Scan(&v.ID, &v.Name, &v.Phone, &v.Org, &v.PartyMember, &v.VisitCount, &seen); err != nil {
				return err
			}
			v.LastSeenAt = fromUnix(seen)
			out = append(out, v)
		}
		return rows.Err()
	})
	return out, err
}

// LookupKind is what a desk lookup was typed as.
type LookupKind int

// The kinds of lookup: four digits are a phone's last four, a whole number
// (however written) the phone, other digits only part of a number, and
// anything else a name prefix.
const (
	LookupName LookupKind = iota
	LookupTail
	LookupPhone
	LookupDigits
)

// MinPhoneDigits is the fewest digits a bare number needs to be taken as a
// whole phone in a lookup.
const MinPhoneDigits = 7

// ClassifyLookup is the one rule for reading a lookup: its kind and the
// value to match (the phone as stored for LookupPhone, else q trimmed).
func ClassifyLookup(q string) (LookupKind, string) {
	q = strings.TrimSpace(q)
	numeric := q != "" && digits(q, len(q))
	if numeric && len(q) == 4 {
		return LookupTail, q
	}
	// A whole number is found however it was typed: 138 1234 5678,
	// +86 138-1234-5678 and 010-62345678 are stored as digits.
	if p, ok := NormalizePhone(q); ok {
		return LookupPhone, p
	}
	if numeric && len(q) >= MinPhoneDigits {
		return LookupPhone, q
	}
	if numeric {
		return LookupDigits, q
	}
	return LookupName, q
}

// visitorMatch turns a lookup into a condition on visitors that an index
// answers: last four digits, whole phone, or a name range for the prefix.
func visitorMatch(q string) (string, []any) {
	switch kind, v := ClassifyLookup(q); kind {
	case LookupTail:
		return "phone_last4 = ?", []any{v}
	case LookupPhone:
		// The last four first: visitors_last4 finds the phone's few.
		return "phone_last4 = ? AND phone = ?", []any{phoneLast4(v), v}
	}
	// name >= q AND name < q+U+10FFFF is the prefix as a range on the
	// (name, phone) index; LIKE would not use it for Chinese text.
	return "name >= ? AND name < ?", []any{q, q + "\U0010FFFF"}
}

// SearchVisits returns past visits of the visitors a lookup finds (as
// FindVisitors reads it), newest first.
func (db *DB) SearchVisits(ctx context.Context, q string, limit int) ([]Visit, error) {
	q = strings.TrimSpace(q)
	if q == "" {
		return nil, nil
	}
	if limit <= 0 {
		limit = 100
	}
	where, arg := visitorMatch(q)
	var out []Visit
	err := db.read(ctx, func(t *tx) (err error) {
		out, err = t.visits(`WHERE visitor_id IN (SELECT id FROM visitors WHERE `+where+` ORDER BY last_seen_at DESC LIMIT 50)
			ORDER BY checked_in_at DESC LIMIT ?`, append(arg, limit)...)
		return
	})
	return out, err
}

// ServiceHours is one person's service time over a period.
type ServiceHours struct {
	VisitorID   int64
	Name        string
	Phone       string
	Org         string
	PartyMember bool
	Visits      int
	Duration    time.Duration
}

// Hours returns the duration in hours.
func (s ServiceHours) Hours() float64 { return s.Duration.Hours() }

// ServiceHoursBetween adds up service time per person for check-ins on the
// days from..to inclusive, most hours first. Only party-member reports and
// volunteer service count, and only visits checked out by a person.
func (db *DB) ServiceHoursBetween(ctx context.Context, from, to Day) ([]ServiceHours, error) {
	start, _ := db.Bounds(from)
	_, end := db.Bounds(to)
	var out []ServiceHours
	err := db.read(ctx, func(t *tx) error {
		rows, err := t.Query(`SELECT v.visitor_id, p.name, p.phone, p.org, MAX(v.party_member), COUNT(*),
				SUM(v.checked_out_at - v.checked_in_at)
			FROM visits v JOIN visitors p ON p.id = v.visitor_id
			WHERE v.checked_in_at >= ? AND v.checked_in_at < ?
				AND `+servicePurposeIn("v.")+`
				AND v.checked_out_at IS NOT NULL AND v.auto_closed = 0
			GROUP BY v.visitor_id
			ORDER BY SUM(v.checked_out_at - v.checked_in_at) DESC, p.name`, unix(start), unix(end))
		if err != nil {
			return fmt.Errorf("service hours: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var s ServiceHours
			var secs int64
			if err := rows.Scan(&s.VisitorID, &s.Name, &s.Phone, &s.Org, &s.PartyMember, &s.Visits, &secs); err != nil {
				return err
			}
			s.Duration = time.Duration(secs) * time.Second
			out = append(out, s)
		}
		return rows.Err()
	})
	return out, err
}

// CloseOpenVisits closes the visits left open from days before today, at the
// center's closing time of their day (or their check-in, if later), and marks
// them closed by the system. It returns how many it closed.
//
// No index holds the open visits alone (each check-in would write to it):
// finding them walks the check-in index over every past day, so that is
// done on a reader, off the committer, and the write closes those found
// that are open still. One made open in the past meanwhile (a correction)
// is closed by the next call.
func (db *DB) CloseOpenVisits(ctx context.Context) (int, error) {
	var before int64 // the start of today, as the read saw it
	var ids []any
	err := db.read(ctx, func(t *tx) error {
		todayStart, _ := t.db.Bounds(t.db.DayOf(t.now))
		before = unix(todayStart)
		return t.eachRow("SELECT id FROM visits "+openBeforeWhere, []any{before}, func(rows *sql.Rows) error {
			var id int64
			if err := rows.Scan(&id); err != nil {
				return err
			}
			ids = append(ids, id)
			return nil
		})
	})
	if err != nil || len(ids) == 0 {
		return 0, err
	}
	var n int
	err = db.write(ctx, func(t *tx) error {
		n = 0
		closes := t.db.Settings().ClosesAt
		loc := t.db.Location()
		return inChunks(ids, func(part []any) error {
			open, err := t.visits(openBeforeWhere+" AND id IN ("+marks("?", len(part))+")", append([]any{before}, part...)...)
			if err != nil {
				return err
			}
			for _, v := range open {
				out := t.db.DayOf(v.CheckedInAt).At(closes, loc)
				if out.Before(v.CheckedInAt) {
					out = v.CheckedInAt
				}
				if _, err := t.Exec("UPDATE visits SET checked_out_at = ?, auto_closed = 1 WHERE id = ?", unix(out), v.ID); err != nil {
					return fmt.Errorf("auto close visit: %w", err)
				}
				t.publish(KindVisit, "auto_closed", v.ID, v.Source)
			}
			n += len(open)
			return nil
		})
	})
	return n, err
}
