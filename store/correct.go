package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"time"

	"frontdesk/lang"
)

// Correction is one field of a record changed after the fact, or the
// record's void (Field FieldVoid, After the reason).
type Correction struct {
	ID       int64
	Kind     string // KindVisit, KindRequest or KindBooking
	RecordID int64
	At       time.Time
	Actor    string
	Field    string // the field's form name: name, headcount, start …
	Before   string
	After    string
}

// FieldVoid is the Field of the correction that voids a record.
const FieldVoid = "void"

// Void is a record taken out of the counts (作废), with why and by whom.
type Void struct {
	Kind     string
	RecordID int64
	At       time.Time
	Actor    string
	Reason   string
}

// Voided is a voided record as the daily log lists it.
type Voided struct {
	Void
	ReceiptNo string
	Name      string // the visitor, the requester, or the booking's organisation
	Summary   string // what it was: a purpose, a category, a booking's title
	Headcount int    // a visit's people or a booking's attendees; 0 for a request
}

// correctionLabels names the fields a correction may change, for the
// history the desk shows.
var correctionLabels = []Label{
	{Code: "name", Text: lang.ColName}, {Code: "phone", Text: lang.ColPhone},
	{Code: "org", Text: lang.StoreOrganisation}, {Code: "purpose", Text: lang.ColPurpose},
	{Code: "party_member", Text: lang.Party}, {Code: "headcount", Text: lang.Headcount},
	{Code: "checked_in_at", Text: lang.CheckIn}, {Code: "checked_out_at", Text: lang.CheckOut},
	{Code: "community", Text: lang.LevelCommunity}, {Code: "category", Text: lang.ColCategory},
	{Code: "urgency", Text: lang.Urgency}, {Code: "description", Text: lang.Description},
	{Code: "handler", Text: lang.Handler}, {Code: "promised_by", Text: lang.PromisedBy},
	{Code: "title", Text: lang.ColTitle}, {Code: "attendees", Text: lang.Attendees},
	{Code: "start", Text: lang.Start}, {Code: "end", Text: lang.End},
	{Code: FieldVoid, Text: lang.Voided}, {Code: FieldUndo, Text: lang.Undone},
}

// CorrectionLabels lists the fields a correction may name, in both languages.
func CorrectionLabels() []Label { return correctionLabels }

// VisitEdit is a visit as corrected: every field is the new value, and a
// field equal to the stored one is left alone. A zero CheckedOutAt keeps an
// open visit open.
type VisitEdit struct {
	Name         string
	Org          string
	Purpose      string
	PartyMember  bool
	Headcount    int
	CheckedInAt  time.Time
	CheckedOutAt time.Time
	Actor        string
}

// RequestEdit is a request's own fields as corrected; the workflow's fields
// (status, owner, resolution) move only through the workflow. A zero
// PromisedBy keeps the promised day.
type RequestEdit struct {
	Name        string
	Phone       string
	Community   string
	Category    string
	Urgency     string
	Description string
	Handler     string
	PromisedBy  Day
	Actor       string
}

// BookingEdit is a booking's title, attendees and time as corrected. The new
// time is checked against the venue's hours and approved bookings, and the
// attendees against its capacity, as a new booking is.
type BookingEdit struct {
	Title     string
	Attendees int
	Start     time.Time
	End       time.Time
	Actor     string
}

// CheckHeadcount is the rule for a visit's headcount the desk checks as it
// is typed: a whole number from 1 to 500 (an empty field means 1).
func CheckHeadcount(n int) error { return checkCount("headcount", n, 1, 500, lang.Headcount) }

// change is one field's before and after.
type change struct{ field, before, after string }

// changes lists the fields whose values differ, in order.
func changes(pairs ...change) []change {
	var out []change
	for _, c := range pairs {
		if c.before != c.after {
			out = append(out, c)
		}
	}
	return out
}

// notVoided refuses to correct or void a record voided already.
func (t *tx) notVoided(kind string, id int64) error {
	v, err := t.void(kind, id)
	if err != nil {
		return err
	}
	if v != nil {
		return Errorf(ECONFLICT, lang.VoidedCannotChange)
	}
	return nil
}

func (t *tx) void(kind string, id int64) (*Void, error) {
	v := Void{Kind: kind, RecordID: id}
	var at int64
	err := t.QueryRow("SELECT at, actor, reason FROM voids WHERE kind = ? AND record_id = ?", kind, id).Scan(&at, &v.Actor, &v.Reason)
	if err == sql.ErrNoRows {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read void: %w", err)
	}
	v.At = fromUnix(at)
	return &v, nil
}

// record writes the corrections of one record.
func (t *tx) record(kind string, id int64, actor string, cs []change) error {
	for _, c := range cs {
		_, err := t.Exec(`INSERT INTO corrections (kind, record_id, at, actor, field, old_value, new_value)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, kind, id, unix(t.now), actor, c.field, c.before, c.after)
		if err != nil {
			return fmt.Errorf("insert correction: %w", err)
		}
	}
	return nil
}

func cleanActor(actor string) (string, error) {
	return cleanText("actor", actor, 30, true, lang.StaffName)
}

// stamp is how a correction writes an instant: local date and time.
func (t *tx) stamp(at time.Time) string {
	if at.IsZero() {
		return ""
	}
	return at.In(t.db.Location()).Format("2006-01-02 15:04")
}

// CorrectVisit changes a visit's fields to ed, checked by the check-in's
// rules, and records each changed field. Times: check-in before check-out,
// neither in the future; an open visit may be given its check-out.
func (db *DB) CorrectVisit(ctx context.Context, id int64, ed VisitEdit) (Visit, error) {
	actor, err := cleanActor(ed.Actor)
	if err != nil {
		return Visit{}, err
	}
	var v Visit
	err = db.write(ctx, func(t *tx) error {
		old, err := t.visit("WHERE id = ?", id)
		if err != nil {
			return err
		}
		if err := t.notVoided(KindVisit, id); err != nil {
			return err
		}
		if ed.Headcount == 0 {
			// The rule of a check-in would read 0 as its default of 1; a
			// correction says a number.
			return CheckHeadcount(0)
		}
		in, err := VisitInput{Name: ed.Name, Phone: old.Phone, Org: ed.Org, Purpose: ed.Purpose, PartyMember: ed.PartyMember,
			Headcount: ed.Headcount, Actor: actor, Source: SourceDesk}.Validate()
		if err != nil {
			return err
		}
		inAt, outAt := ed.CheckedInAt, ed.CheckedOutAt
		if inAt.IsZero() {
			inAt = old.CheckedInAt
		}
		if outAt.IsZero() {
			outAt = old.CheckedOutAt
		}
		var p problems
		if inAt.After(t.now) {
			p.add(invalid("checked_in_at", lang.CheckInInFuture))
		}
		if !outAt.IsZero() && outAt.After(t.now) {
			p.add(invalid("checked_out_at", lang.CheckOutInFuture))
		}
		if !outAt.IsZero() && outAt.Before(inAt) {
			p.add(invalid("checked_out_at", lang.CheckOutBeforeCheckIn))
		}
		if err := p.err(); err != nil {
			return err
		}
		cs := changes(
			change{"name", old.Name, in.Name}, change{"org", old.Org, in.Org}, change{"purpose", old.Purpose, in.Purpose},
			change{"party_member", strconv.FormatBool(old.PartyMember), strconv.FormatBool(in.PartyMember)},
			change{"headcount", strconv.Itoa(old.Headcount), strconv.Itoa(in.Headcount)},
			change{"checked_in_at", t.stamp(old.CheckedInAt), t.stamp(inAt)},
			change{"checked_out_at", t.stamp(old.CheckedOutAt), t.stamp(outAt)})
		if len(cs) == 0 {
			v = old
			return nil
		}
		_, err = t.Exec(`UPDATE visits SET name = ?, org = ?, purpose = ?, party_member = ?, headcount = ?,
			checked_in_at = ?, checked_out_at = ? WHERE id = ?`, in.Name, in.Org, in.Purpose, boolInt(in.PartyMember),
			in.Headcount, unix(inAt), nullUnix(outAt), id)
		if err != nil {
			return fmt.Errorf("correct visit: %w", err)
		}
		if err := t.record(KindVisit, id, actor, cs); err != nil {
			return err
		}
		if v, err = t.visit("WHERE id = ?", id); err != nil {
			return err
		}
		t.publish(KindVisit, "corrected", id, SourceDesk)
		return nil
	})
	return v, err
}

// CorrectRequest changes a request's own fields to ed, checked by the rules
// of a new request, and records each changed field.
func (db *DB) CorrectRequest(ctx context.Context, id int64, ed RequestEdit) (Request, error) {
	actor, err := cleanActor(ed.Actor)
	if err != nil {
		return Request{}, err
	}
	var r Request
	err = db.write(ctx, func(t *tx) error {
		old, err := t.request("WHERE id = ?", id)
		if err != nil {
			return err
		}
		if err := t.notVoided(KindRequest, id); err != nil {
			return err
		}
		in, err := RequestInput{Name: ed.Name, Phone: ed.Phone, Community: ed.Community, Category: ed.Category,
			Urgency: ed.Urgency, Description: ed.Description, Handler: ed.Handler, Actor: actor, Source: SourceDesk}.Validate()
		if err != nil {
			return err
		}
		promised := ed.PromisedBy
		if promised.IsZero() {
			promised = old.PromisedBy
		}
		cs := changes(
			change{"name", old.Name, in.Name}, change{"phone", old.Phone, in.Phone},
			change{"community", old.Community, in.Community}, change{"category", old.Category, in.Category},
			change{"urgency", old.Urgency, in.Urgency}, change{"description", old.Description, in.Description},
			change{"handler", old.Handler, in.Handler}, change{"promised_by", old.PromisedBy.String(), promised.String()})
		if len(cs) == 0 {
			r = old
			return nil
		}
		_, err = t.Exec(`UPDATE requests SET name = ?, phone = ?, community = ?, category = ?, urgency = ?,
			description = ?, handler = ?, promised_by = ?, updated_at = ? WHERE id = ?`, in.Name, in.Phone, in.Community,
			in.Category, in.Urgency, in.Description, in.Handler, promised.String(), unix(t.now), id)
		if err != nil {
			return fmt.Errorf("correct request: %w", err)
		}
		if err := t.record(KindRequest, id, actor, cs); err != nil {
			return err
		}
		if r, err = t.request("WHERE id = ?", id); err != nil {
			return err
		}
		t.publish(KindRequest, "corrected", id, SourceDesk)
		return nil
	})
	return r, err
}

// CorrectBooking changes a booking's title, attendees and time. A booking
// that takes a slot (pending or approved) is checked again: the venue's
// hours and capacity, and no clash with another approved booking.
func (db *DB) CorrectBooking(ctx context.Context, id int64, ed BookingEdit) (Booking, error) {
	actor, err := cleanActor(ed.Actor)
	if err != nil {
		return Booking{}, err
	}
	var b Booking
	err = db.write(ctx, func(t *tx) error {
		old, err := t.booking("WHERE b.id = ?", id)
		if err != nil {
			return err
		}
		if err := t.notVoided(KindBooking, id); err != nil {
			return err
		}
		start, end := ed.Start, ed.End
		if start.IsZero() {
			start, end = old.Start, old.End
		}
		in, err := BookingInput{VenueID: old.VenueID, Org: old.Org, Contact: old.Contact, Phone: old.Phone, Title: ed.Title,
			Purpose: old.Purpose, Attendees: ed.Attendees, Start: start, End: end, Actor: actor, Source: SourceDesk}.Validate()
		if err != nil {
			return err
		}
		if HoldsSlot(old.Status) {
			if err := t.recheckSlot(in, id); err != nil {
				return err
			}
		}
		cs := changes(change{"title", old.Title, in.Title},
			change{"attendees", strconv.Itoa(old.Attendees), strconv.Itoa(in.Attendees)},
			change{"start", t.stamp(old.Start), t.stamp(in.Start)}, change{"end", t.stamp(old.End), t.stamp(in.End)})
		if len(cs) == 0 {
			b = old
			return nil
		}
		_, err = t.Exec("UPDATE bookings SET title = ?, attendees = ?, start_at = ?, end_at = ?, updated_at = ? WHERE id = ?",
			in.Title, in.Attendees, unix(in.Start), unix(in.End), unix(t.now), id)
		if err != nil {
			return fmt.Errorf("correct booking: %w", err)
		}
		if err := t.record(KindBooking, id, actor, cs); err != nil {
			return err
		}
		if b, err = t.booking("WHERE b.id = ?", id); err != nil {
			return err
		}
		t.publish(KindBooking, "corrected", id, SourceDesk)
		return nil
	})
	return b, err
}

// recheckSlot is the slot rules a corrected booking keeps: capacity, the
// venue's hours and no clash with another approved booking. Unlike a new
// booking it may lie in the past: a correction fixes what happened.
func (t *tx) recheckSlot(in BookingInput, except int64) error {
	v, err := t.venue(in.VenueID)
	if err != nil {
		return err
	}
	var p problems
	t.fitsVenue(v, in, &p)
	if err := p.err(); err != nil {
		return err
	}
	c, err := t.clash(in.VenueID, in.Start, in.End, except)
	if err != nil {
		return err
	}
	if c != nil {
		return t.clashError(c)
	}
	return nil
}

// fitsVenue adds to p what a booking breaks of its venue's rules: the
// capacity and the opening hours. New and corrected bookings keep both.
func (t *tx) fitsVenue(v Venue, in BookingInput, p *problems) {
	if in.Attendees > v.Capacity {
		p.add(invalid("attendees", lang.OverCapacity.Format(v.Capacity)))
	}
	day := t.db.DayOf(in.Start)
	loc := t.db.Location()
	if in.Start.Before(day.At(v.OpensAt, loc)) {
		p.add(invalid("start", lang.StartBeforeOpening.Format(v.OpensAt, v.ClosesAt)))
	}
	if in.End.After(day.At(v.ClosesAt, loc)) {
		p.add(invalid("end", lang.EndAfterClosing.Format(v.OpensAt, v.ClosesAt)))
	}
}

// VoidRecord takes a visit, request or booking out of the counts (作废) with
// a reason, recorded as a correction. A voided visit still open is checked
// out, so it leaves the roll call; a voided booking that holds a slot is
// cancelled, so the slot is free again. Voiding twice is a conflict.
func (db *DB) VoidRecord(ctx context.Context, kind string, id int64, actor, reason string) (Void, error) {
	actor, err := cleanActor(actor)
	if err != nil {
		return Void{}, err
	}
	reason, err = cleanText("reason", reason, 200, true, lang.VoidReason)
	if err != nil {
		return Void{}, err
	}
	var out Void
	err = db.write(ctx, func(t *tx) error {
		switch kind {
		case KindVisit:
			v, err := t.visit("WHERE id = ?", id)
			if err != nil {
				return err
			}
			if v.Open() {
				if _, err := t.Exec("UPDATE visits SET checked_out_at = ? WHERE id = ?", unix(t.now), id); err != nil {
					return fmt.Errorf("void visit: %w", err)
				}
			}
		case KindRequest:
			if _, err := t.request("WHERE id = ?", id); err != nil {
				return err
			}
		case KindBooking:
			b, err := t.booking("WHERE b.id = ?", id)
			if err != nil {
				return err
			}
			if CanMoveBooking(b.Status, BookingCancelled) {
				_, err := t.Exec(`UPDATE bookings SET status = ?, reason = ?, decided_by = ?, decided_at = ?, updated_at = ?
					WHERE id = ?`, BookingCancelled, lang.VoidedPrefix.ZH+reason, actor, unix(t.now), unix(t.now), id)
				if err != nil {
					return fmt.Errorf("void booking: %w", err)
				}
			}
		default:
			return invalid("kind", lang.VoidKindInvalid)
		}
		if err := t.notVoided(kind, id); err != nil {
			return Errorf(ECONFLICT, lang.AlreadyVoided)
		}
		if _, err := t.Exec("INSERT INTO voids (kind, record_id, at, actor, reason) VALUES (?, ?, ?, ?, ?)",
			kind, id, unix(t.now), actor, reason); err != nil {
			return fmt.Errorf("insert void: %w", err)
		}
		if err := t.record(kind, id, actor, []change{{FieldVoid, "", reason}}); err != nil {
			return err
		}
		out = Void{Kind: kind, RecordID: id, At: t.now, Actor: actor, Reason: reason}
		t.publish(kind, "voided", id, SourceDesk)
		return nil
	})
	return out, err
}

// Corrections returns a record's corrections and void, oldest first.
func (db *DB) Corrections(ctx context.Context, kind string, id int64) ([]Correction, error) {
	var out []Correction
	err := db.read(ctx, func(t *tx) error {
		rows, err := t.Query(`SELECT id, at, actor, field, old_value, new_value FROM corrections
			WHERE kind = ? AND record_id = ? ORDER BY id`, kind, id)
		if err != nil {
			return fmt.Errorf("list corrections: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			c := Correction{Kind: kind, RecordID: id}
			var at int64
			if err := rows.Scan(&c.ID, &at, &c.Actor, &c.Field, &c.Before, &c.After); err != nil {
				return fmt.Errorf("scan correction: %w", err)
			}
			c.At = fromUnix(at)
			out = append(out, c)
		}
		return rows.Err()
	})
	return out, err
}

// Voids returns which of the records of kind named by ids are voided.
func (db *DB) Voids(ctx context.Context, kind string, ids []int64) (map[int64]Void, error) {
	out := map[int64]Void{}
	if len(ids) == 0 {
		return out, nil
	}
	err := db.read(ctx, func(t *tx) error {
		var err error
		out, err = t.voids(kind, ids)
		return err
	})
	return out, err
}

func (t *tx) voids(kind string, ids []int64) (map[int64]Void, error) {
	out := map[int64]Void{}
	// In chunks, below SQLite's limit on bound parameters.
	for len(ids) > 0 {
		n := min(len(ids), 500)
		args := []any{kind}
		for _, id := range ids[:n] {
			args = append(args, id)
		}
		ids = ids[n:]
		rows, err := t.Query("SELECT record_id, at, actor, reason FROM voids WHERE kind = ? AND record_id IN ("+
			marks("?", n)+")", args...)
		if err != nil {
			return nil, fmt.Errorf("list voids: %w", err)
		}
		for rows.Next() {
			v := Void{Kind: kind}
			var at int64
			if err := rows.Scan(&v.RecordID, &at, &v.Actor, &v.Reason); err != nil {
				rows.Close()
				return nil, fmt.Errorf("scan void: %w", err)
			}
			v.At = fromUnix(at)
			out[v.RecordID] = v
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// dropVoided takes the voided records out of a log's lists, before it is
// counted, and lists them in Voided.
func (t *tx) dropVoided(l *DailyLog) error {
	ids := func(n int, id func(int) int64) []int64 {
		out := make([]int64, n)
		for i := range out {
			out[i] = id(i)
		}
		return out
	}
	vv, err := t.voids(KindVisit, ids(len(l.Visits), func(i int) int64 { return l.Visits[i].ID }))
	if err != nil {
		return err
	}
	rv, err := t.voids(KindRequest, ids(len(l.Requests), func(i int) int64 { return l.Requests[i].ID }))
	if err != nil {
		return err
	}
	bv, err := t.voids(KindBooking, ids(len(l.Bookings), func(i int) int64 { return l.Bookings[i].ID }))
	if err != nil {
		return err
	}
	backlog, err := t.voids(KindRequest, ids(len(l.Backlog), func(i int) int64 { return l.Backlog[i].ID }))
	if err != nil {
		return err
	}
	l.Visits = keep(l.Visits, func(v Visit) bool {
		x, ok := vv[v.ID]
		if ok {
			l.Voided = append(l.Voided, Voided{Void: x, ReceiptNo: v.ReceiptNo, Name: v.Name, Summary: v.Purpose, Headcount: v.Headcount})
		}
		return !ok
	})
	l.Requests = keep(l.Requests, func(r LogRequest) bool {
		x, ok := rv[r.ID]
		if ok {
			l.Voided = append(l.Voided, Voided{Void: x, ReceiptNo: r.ReceiptNo, Name: r.Name, Summary: r.Category})
		}
		return !ok
	})
	l.Bookings = keep(l.Bookings, func(b Booking) bool {
		x, ok := bv[b.ID]
		if ok {
			l.Voided = append(l.Voided, Voided{Void: x, ReceiptNo: b.ReceiptNo, Name: b.Org, Summary: b.Title, Headcount: b.Attendees})
		}
		return !ok
	})
	l.Backlog = keep(l.Backlog, func(r LogRequest) bool { _, ok := backlog[r.ID]; return !ok })
	return nil
}

// keep is the elements of list that ok accepts, in order, in list's array.
func keep[T any](list []T, ok func(T) bool) []T {
	out := list[:0]
	for _, x := range list {
		if ok(x) {
			out = append(out, x)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// voidedCounts is what voided requests add to the desk's counts, to take
// off: waiting, overdue, callbacks, by the same rules CountsForDesk counts.
func (t *tx) voidedCounts(today Day) (DeskCounts, error) {
	var c DeskCounts
	rows, err := t.Query(`SELECT r.status, r.promised_by, r.satisfaction FROM voids v JOIN requests r ON r.id = v.record_id
		WHERE v.kind = 'request'`)
	if err != nil {
		return c, fmt.Errorf("voided requests: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var status, promised, sat string
		if err := rows.Scan(&status, &promised, &sat); err != nil {
			return c, fmt.Errorf("scan voided request: %w", err)
		}
		if status == StatusNew {
			c.Waiting++
		}
		if !Done(status) && promised < today.String() {
			c.Overdue++
		}
		if status == StatusResolved && sat == "" {
			c.Callbacks++
		}
	}
	return c, rows.Err()
}
