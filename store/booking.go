package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	"frontdesk/lang"
)

// Booking statuses (预约状态).
const (
	BookingPending   = "pending"
	BookingApproved  = "approved"
	BookingCancelled = "cancelled"
	BookingRejected  = "rejected"
	BookingNoShow    = "no_show"
)

// BookingStatuses names each booking status.
var BookingStatuses = []Label{
	{BookingPending, lang.Pending},
	{BookingApproved, lang.ApprovedStatus},
	{BookingCancelled, lang.CancelledStatus},
	{BookingRejected, lang.Rejected},
	{BookingNoShow, lang.NoShow},
}

// bookingFlow is the booking workflow: each status and where it may go.
var bookingFlow = map[string][]string{
	BookingPending:  {BookingApproved, BookingRejected, BookingCancelled},
	BookingApproved: {BookingCancelled, BookingNoShow},
}

// HoldsSlot is the one rule for which bookings occupy their time on a
// day: approved ones and those pending with the desk; cancelled, rejected
// and no-show bookings leave it free.
func HoldsSlot(status string) bool { return status == BookingApproved || status == BookingPending }

// holdsSlotIn is HoldsSlot as the SQL predicate on b.status.
var holdsSlotIn = func() string {
	var in []string
	for _, s := range BookingStatuses {
		if HoldsSlot(s.Code) {
			in = append(in, "'"+s.Code+"'")
		}
	}
	return "b.status IN (" + strings.Join(in, ", ") + ")"
}()

// CanMoveBooking reports whether a booking may go from one status to another.
func CanMoveBooking(from, to string) bool {
	for _, s := range bookingFlow[from] {
		if s == to {
			return true
		}
	}
	return false
}

// NoShowAfter is how long after its start an approved booking whose group has
// not arrived may be marked a no-show, freeing the rest of its slot.
const NoShowAfter = 30 * time.Minute

// MaxBookingAhead is how far ahead a booking may be made, MaxBookingDays
// days; the kiosk's date picker and the refusal say the same number.
const (
	MaxBookingDays  = 180
	MaxBookingAhead = MaxBookingDays * 24 * time.Hour
)

// DefaultOpensAt and DefaultClosesAt are a venue's hours when none are given.
var (
	DefaultOpensAt  = Clock{Hour: 8}
	DefaultClosesAt = Clock{Hour: 21}
)

// Booking is a venue reservation (场地预约).
type Booking struct {
	ID         int64
	ReceiptNo  string
	StatusCode string
	VenueID    int64
	VenueName  string
	SeriesID   int64 // 0 for a one-off
	Org        string
	Contact    string
	Phone      string
	Title      string
	Purpose    string
	Attendees  int
	Start      time.Time
	End        time.Time
	Status     string
	Reason     string // why it was rejected or cancelled
	DecidedBy  string
	DecidedAt  time.Time
	ArrivedAt  time.Time // the group checked in on arrival (核销)
	ArrivedBy  string    // who checked the group in
	CreatedBy  string
	Source     string
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

// Hours returns the booked time in hours.
func (b Booking) Hours() float64 { return b.End.Sub(b.Start).Hours() }

// BookingInput is a new booking.
type BookingInput struct {
	VenueID   int64
	Org       string
	Contact   string
	Phone     string
	Title     string
	Purpose   string
	Attendees int
	Start     time.Time
	End       time.Time
	// Approve books the slot at once (the desk); otherwise the booking waits
	// for the desk's approval. Kiosk bookings always wait.
	Approve bool
	Actor   string
	Source  string
	// Key is the form's one-time key (see RequestInput.Key).
	Key string
}

// Validate checks the fields that need no database and returns them
// cleaned. Every field is checked, and the error carries each field's
// message (FieldErrors).
func (in BookingInput) Validate() (BookingInput, error) {
	var p problems
	var err error
	if in.VenueID <= 0 {
		p.add(invalid("venue", lang.VenueIsRequired))
	}
	in.Org, err = cleanName("org", in.Org, 60, true, lang.BookOrg)
	p.add(err)
	in.Contact, err = cleanName("contact", in.Contact, 30, true, lang.Contact)
	p.add(err)
	in.Phone, err = checkPhone("phone", in.Phone, true)
	p.add(err)
	in.Title, err = cleanName("title", in.Title, 60, true, lang.Title)
	p.add(err)
	in.Purpose, err = checkLabel("purpose", BookingPurposes, in.Purpose, lang.BookPurpose)
	p.add(err)
	if in.Attendees < 1 || in.Attendees > 5000 {
		p.add(invalid("attendees", lang.AttendeesRange))
	}
	if in.Start.IsZero() {
		p.add(invalid("start", lang.StartRequired))
	}
	if in.End.IsZero() {
		p.add(invalid("end", lang.EndRequired))
	}
	// Bookings are kept to the minute; compare what will be stored.
	in.Start, in.End = in.Start.UTC().Truncate(time.Minute), in.End.UTC().Truncate(time.Minute)
	if !in.Start.IsZero() && !in.End.IsZero() && !in.End.After(in.Start) {
		p.add(invalid("end", lang.EndMustBeAfterStart))
	}
	if in.Source == SourceKiosk {
		in.Approve = false
	}
	p.add(checkKey(in.Key))
	p.add(checkOrigin(&in.Actor, &in.Source))
	return in, p.err()
}

// BookingTimes reads a booking form's date (YYYY-MM-DD) and times (HH:MM) as
// instants in the center's zone. Each of the three is checked, and the error
// names every one that is wrong.
func (db *DB) BookingTimes(date, start, end string) (time.Time, time.Time, error) {
	var p problems
	d, err := ParseDay(foldDigits(strings.TrimSpace(date)))
	if strings.TrimSpace(date) == "" {
		err = invalid("date", lang.DateRequired)
	}
	p.add(err)
	s, err := readClock("start", start, lang.StartField)
	p.add(err)
	e, err := readClock("end", end, lang.EndField)
	p.add(err)
	if err := p.err(); err != nil {
		return time.Time{}, time.Time{}, err
	}
	loc := db.Location()
	return d.At(s, loc).UTC(), d.At(e, loc).UTC(), nil
}

// readClock reads one HH:MM field of a booking form.
func readClock(field, s string, name lang.Text) (Clock, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Clock{}, invalid(field, lang.ChoiceRequired.Format(name))
	}
	c, err := ParseClock(foldDigits(s))
	if err != nil {
		return Clock{}, invalid(field, lang.ClockInvalid.Format(name))
	}
	return c, nil
}

// BookingForm is a booking as a form sends it: every field as typed.
type BookingForm struct {
	Venue, Org, Contact, Phone, Title, Purpose, Attendees, Date, Start, End string
}

// ReadBookingForm turns a booking form into an input, checking every field
// at once: the error carries each field's message (FieldErrors), those of
// the date and times among them. Actor, Source and Key come from base.
func (db *DB) ReadBookingForm(f BookingForm, base BookingInput) (BookingInput, error) {
	in := base
	in.Org, in.Contact, in.Phone, in.Title, in.Purpose = f.Org, f.Contact, f.Phone, f.Title, f.Purpose
	in.VenueID, _ = strconv.ParseInt(foldDigits(strings.TrimSpace(f.Venue)), 10, 64)
	in.Attendees = -1 // what does not read as a number breaks the attendees rule
	if n, err := strconv.Atoi(foldDigits(strings.TrimSpace(f.Attendees))); err == nil {
		in.Attendees = n
	}
	start, end, terr := db.BookingTimes(f.Date, f.Start, f.End)
	in.Start, in.End = start, end
	if terr != nil {
		// The times that did read still say whether the end is after the
		// start, on a stand-in day when the date did not read; those that
		// did not read carry their own message.
		in.Start, in.End = time.Time{}, time.Time{}
		if c, err := readClock("start", f.Start, lang.Text{}); err == nil {
			in.Start = Day{2000, 1, 3}.At(c, time.UTC)
		}
		if c, err := readClock("end", f.End, lang.Text{}); err == nil {
			in.End = Day{2000, 1, 3}.At(c, time.UTC)
		}
	}
	out, verr := in.Validate()
	if err := JoinErrors(terr, verr); err != nil {
		return in, err
	}
	return out, nil
}

// bookingColumns reads a booking's venue by the name it had when the booking
// was made; bookings from before names were kept show the current one.
const bookingColumns = `b.id, b.receipt_no, b.status_code, b.venue_id, CASE WHEN b.venue_name <> '' THEN b.venue_name ELSE v.name END, COALESCE(b.series_id, 0), b.org,
	b.contact, b.phone, b.title, b.purpose, b.attendees, b.start_at, b.end_at, b.status, b.reason, b.decided_by,
	b.decided_at, b.arrived_at, b.arrived_by, b.created_by, b.source, b.created_at, b.updated_at`

const bookingFrom = " FROM bookings b JOIN venues v ON v.id = b.venue_id "

// nBookingColumns is how many bookingColumns there are.
var nBookingColumns = columnCount(bookingColumns)

// bookingOf is the booking of a row of bookingColumns.
func bookingOf(c cols) Booking {
	return Booking{ID: c.num(0), ReceiptNo: c.str(1), StatusCode: c.str(2), VenueID: c.num(3), VenueName: c.str(4),
		SeriesID: c.num(5), Org: c.str(6), Contact: c.str(7), Phone: c.str(8), Title: c.str(9), Purpose: c.str(10),
		Attendees: int(c.num(11)), Start: c.at(12), End: c.at(13), Status: c.str(14), Reason: c.str(15),
		DecidedBy: c.str(16), DecidedAt: c.at(17), ArrivedAt: c.at(18), ArrivedBy: c.str(19), CreatedBy: c.str(20),
		Source: c.str(21), CreatedAt: c.at(22), UpdatedAt: c.at(23)}
}

func (t *tx) bookings(query string, args ...any) ([]Booking, error) {
	rows, err := t.Query("SELECT "+bookingColumns+bookingFrom+query, args...)
	if err != nil {
		return nil, fmt.Errorf("query bookings: %w", err)
	}
	defer rows.Close()
	var out []Booking
	s := newRowScan()
	for rows.Next() {
		if err := s.scan(rows, nBookingColumns); err != nil {
			return nil, fmt.Errorf("scan booking: %w", err)
		}
		out = append(out, bookingOf(s))
	}
	return out, rows.Err()
}

func (t *tx) booking(query string, args ...any) (Booking, error) {
	s := newRowScan()
	err := s.scan(t.QueryRow("SELECT "+bookingColumns+bookingFrom+query, args...), nBookingColumns)
	if err == sql.ErrNoRows {
		return Booking{}, notFound(lang.Booking)
	}
	if err != nil {
		return Booking{}, err
	}
	return bookingOf(s), nil
}

// clash returns the approved booking of the venue that overlaps [start, end),
// other than the booking except. No booking is longer than a day, so the scan
// of the (venue, status, start) index starts a day before.
func (t *tx) clash(venueID int64, start, end time.Time, except int64) (*Booking, error) {
	b, err := t.booking(`WHERE b.venue_id = ? AND b.status = 'approved' AND b.start_at > ? AND b.start_at < ?
		AND b.end_at > ? AND b.id <> ? ORDER BY b.start_at LIMIT 1`,
		venueID, unix(start)-86400, unix(end), unix(start), except)
	if ErrorCode(err) == ENOTFOUND {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &b, nil
}

func (t *tx) clashError(c *Booking) error { return t.db.ClashError(c) }

// ClashError is the refusal of a booking that would overlap c, the approved
// booking in the way: the one wording of a clash, which the desk shows too.
func (db *DB) ClashError(c *Booking) *Error {
	loc := db.Location()
	span := c.Start.In(loc).Format(lang.ShortTimeLayout) + "–" + c.End.In(loc).Format(lang.ClockLayout)
	return &Error{Code: ECONFLICT, Field: "start", Clash: c,
		Text: lang.ClashWith.Format(c.ReceiptNo, span, c.Title, c.Org)}
}

// checkSlot applies the rules a booking's time must meet at the venue:
// active venue, capacity, opening hours on one day, not in the past, not too
// far ahead, and no approved booking in the way.
func (t *tx) checkSlot(in BookingInput) (Venue, error) { return t.slotRules(in, 0) }

// slotRules is checkSlot for a booking that may already hold a slot (except),
// as a date of a series moves.
func (t *tx) slotRules(in BookingInput, except int64) (Venue, error) {
	v, err := t.venue(in.VenueID)
	if err != nil {
		return v, err
	}
	if !v.Active {
		return v, invalid("venue", lang.VenueClosed)
	}
	// The rules of the slot are all checked, so a form shows every one
	// broken; each names the field to change (an end past closing is the
	// end's fault, not the start's).
	var p problems
	t.fitsVenue(v, in, &p)
	if in.Start.Before(t.now) {
		p.add(invalid("start", lang.StartPassed))
	}
	if in.Start.After(t.now.Add(MaxBookingAhead)) {
		p.add(invalid("date", lang.BeyondHorizon.Format(MaxBookingDays)))
	}
	if err := p.err(); err != nil {
		return v, err
	}
	c, err := t.clash(in.VenueID, in.Start, in.End, except)
	if err != nil {
		return v, err
	}
	if c != nil {
		return v, t.clashError(c)
	}
	return v, nil
}

func (t *tx) insertBooking(in BookingInput, seriesID int64) (Booking, error) {
	v, err := t.checkSlot(in)
	if err != nil {
		return Booking{}, err
	}
	no, err := t.nextReceiptNo(prefixBooking)
	if err != nil {
		return Booking{}, err
	}
	status, decidedBy, decidedAt := BookingPending, "", sql.NullInt64{}
	if in.Approve {
		status, decidedBy, decidedAt = BookingApproved, in.Actor, nullUnix(t.now)
	}
	series := sql.NullInt64{Int64: seriesID, Valid: seriesID > 0}
	// The booking is what was written, not read back: the insert's id and
	// the values the row was made from, as the database gives them back.
	b := Booking{ReceiptNo: no, StatusCode: newStatusCode(), VenueID: in.VenueID, VenueName: v.Name, SeriesID: seriesID,
		Org: in.Org, Contact: in.Contact, Phone: in.Phone, Title: in.Title, Purpose: in.Purpose, Attendees: in.Attendees,
		Start: fromUnix(unix(in.Start)), End: fromUnix(unix(in.End)), Status: status, DecidedBy: decidedBy,
		DecidedAt: fromNullUnix(decidedAt), CreatedBy: in.Actor, Source: in.Source,
		CreatedAt: fromUnix(unix(t.now)), UpdatedAt: fromUnix(unix(t.now))}
	res, err := t.Exec(`INSERT INTO bookings (receipt_no, status_code, venue_id, venue_name, series_id, org, contact, phone, title,
		purpose, attendees, start_at, end_at, status, decided_by, decided_at, created_by, source, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		b.ReceiptNo, b.StatusCode, in.VenueID, v.Name, series, in.Org, in.Contact, in.Phone, in.Title, in.Purpose, in.Attendees,
		unix(in.Start), unix(in.End), status, decidedBy, decidedAt, in.Actor, in.Source, unix(t.now), unix(t.now))
	if err != nil {
		return Booking{}, fmt.Errorf("insert booking: %w", err)
	}
	if b.ID, err = res.LastInsertId(); err != nil {
		return Booking{}, fmt.Errorf("insert booking: %w", err)
	}
	t.publish(KindBooking, "created", b.ID, in.Source)
	return b, nil
}

// CreateBooking books a venue, numbered B-YYYYMMDD-NNNN. A clash with an
// approved booking is an ECONFLICT error whose Clash names that booking; the
// check and the insert share one write transaction.
func (db *DB) CreateBooking(ctx context.Context, in BookingInput) (Booking, error) {
	in, err := in.Validate()
	if err != nil {
		return Booking{}, err
	}
	var b Booking
	err = db.write(ctx, func(t *tx) error {
		id, err := t.replayed(in.Key, "booking")
		if err != nil {
			return err
		}
		if id != 0 {
			b, err = t.booking("WHERE b.id = ?", id)
			return err
		}
		if b, err = t.insertBooking(in, 0); err != nil {
			return err
		}
		return t.remember(in.Key, "booking", b.ID)
	})
	return b, err
}

// CheckBooking applies every rule of CreateBooking without writing, so a
// form can name the clashing booking before it is submitted.
func (db *DB) CheckBooking(ctx context.Context, in BookingInput) error {
	in, err := in.Validate()
	if err != nil {
		return err
	}
	return db.read(ctx, func(t *tx) error { _, err := t.checkSlot(in); return err })
}

// Clash returns the approved booking of a venue that overlaps [start, end),
// or nil.
func (db *DB) Clash(ctx context.Context, venueID int64, start, end time.Time) (*Booking, error) {
	var c *Booking
	err := db.read(ctx, func(t *tx) (err error) { c, err = t.clash(venueID, start, end, 0); return })
	return c, err
}

// moveBooking changes a booking's status if its workflow allows it.
func (db *DB) moveBooking(ctx context.Context, where string, key any, actor, to, reason string,
	check func(t *tx, b Booking) error) (Booking, error) {
	actor, err := cleanText("actor", actor, 30, true, lang.StaffName)
	if err != nil {
		return Booking{}, err
	}
	var b Booking
	err = db.write(ctx, func(t *tx) error {
		var err error
		if b, err = t.booking(where, key); err != nil {
			return err
		}
		if err := canMove(b, to); err != nil {
			return err
		}
		if check != nil {
			if err := check(t, b); err != nil {
				return err
			}
		}
		b, err = t.setBookingStatus(b, to, reason, actor)
		return err
	})
	return b, err
}

// canMove refuses a status change b's workflow does not allow.
func canMove(b Booking, to string) error {
	if CanMoveBooking(b.Status, to) {
		return nil
	}
	return Errorf(ECONFLICT, lang.BookingCannotMove.Format(LabelOf(BookingStatuses, b.Status).Text, LabelOf(BookingStatuses, to).Text))
}

// setBookingStatus moves b to status to, with the reason and who decided.
func (t *tx) setBookingStatus(b Booking, to, reason, actor string) (Booking, error) {
	if err := canMove(b, to); err != nil {
		return b, err
	}
	if _, err := t.Exec(`UPDATE bookings SET status = ?, reason = ?, decided_by = ?, decided_at = ?, updated_at = ?
		WHERE id = ?`, to, reason, actor, unix(t.now), unix(t.now), b.ID); err != nil {
		return b, fmt.Errorf("update booking: %w", err)
	}
	source := SourceDesk
	if actor == ActorKiosk {
		source = SourceKiosk
	}
	t.publish(KindBooking, to, b.ID, source)
	return t.booking("WHERE b.id = ?", b.ID)
}

// Approve confirms a pending booking, if its slot is still free.
func (db *DB) Approve(ctx context.Context, id int64, actor string) (Booking, error) {
	return db.moveBooking(ctx, "WHERE b.id = ?", id, actor, BookingApproved, "", func(t *tx, b Booking) error {
		return t.approvable(b, actor)
	})
}

// approvable applies the rules a pending booking must still meet to be
// approved: not over, the venue open, within its capacity and hours (or a
// manager's decision), and its slot free.
func (t *tx) approvable(b Booking, actor string) error {
	if b.End.Before(t.now) {
		return Errorf(ECONFLICT, lang.BookingTimePassed)
	}
	// The venue may have closed or shrunk since the request came in.
	v, err := t.venue(b.VenueID)
	if err != nil {
		return err
	}
	if !v.Active {
		return Errorf(ECONFLICT, lang.VenueClosedNoApproval)
	}
	// A booking made before the venue shrank or its hours changed may
	// still be approved, but only by a manager, who takes the decision.
	if b.Attendees > v.Capacity || !t.inHours(v, b) {
		if _, err := t.authorize(Actor{Staff: actor}); err != nil {
			return &Error{Code: EFORBIDDEN, Field: "attendees",
				Text: lang.ApprovalNeedsManager.Format(v.Capacity, v.Hours())}
		}
	}
	c, err := t.clash(b.VenueID, b.Start, b.End, b.ID)
	if err != nil {
		return err
	}
	if c != nil {
		return t.clashError(c)
	}
	return nil
}

// RejectBooking turns down a pending booking with the reason.
func (db *DB) RejectBooking(ctx context.Context, id int64, actor, reason string) (Booking, error) {
	reason, err := cleanText("reason", reason, 200, true, lang.RejectBookingReason)
	if err != nil {
		return Booking{}, err
	}
	return db.moveBooking(ctx, "WHERE b.id = ?", id, actor, BookingRejected, reason, nil)
}

// CancelBooking cancels a pending or approved booking.
func (db *DB) CancelBooking(ctx context.Context, id int64, actor, reason string) (Booking, error) {
	reason, err := cleanText("reason", reason, 200, false, lang.CancelReason)
	if err != nil {
		return Booking{}, err
	}
	return db.moveBooking(ctx, "WHERE b.id = ?", id, actor, BookingCancelled, reason, refuseEnded)
}

// refuseEnded is the cancellations' own rule beyond the workflow: a booking
// that has ended stays as it was (see Booking.Cancellable).
func refuseEnded(t *tx, b Booking) error {
	if !b.End.After(t.now) {
		return Errorf(ECONFLICT, lang.CancelTooLate)
	}
	return nil
}

// CancelBookingByCode is the organiser's own cancellation from the status
// page, until the booking's end. Its refusals are worded for the visitor,
// not in the workflow's terms.
func (db *DB) CancelBookingByCode(ctx context.Context, code string) (Booking, error) {
	b, err := db.moveBooking(ctx, "WHERE b.status_code = ?", code, ActorKiosk, BookingCancelled, lang.CancelledByBooker.ZH, refuseEnded)
	if ErrorCode(err) == ECONFLICT {
		if now, rerr := db.BookingByCode(ctx, code); rerr == nil {
			switch now.Status {
			case BookingCancelled:
				return now, Errorf(ECONFLICT, lang.AlreadyCancelled)
			case BookingRejected:
				return now, Errorf(ECONFLICT, lang.CancelNotApproved)
			case BookingNoShow:
				return now, Errorf(ECONFLICT, lang.CancelNoShow)
			}
		}
	}
	return b, err
}

// MarkNoShow frees the slot of an approved booking whose group has not
// arrived NoShowAfter its start.
func (db *DB) MarkNoShow(ctx context.Context, id int64, actor string) (Booking, error) {
	return db.moveBooking(ctx, "WHERE b.id = ?", id, actor, BookingNoShow, "", func(t *tx, b Booking) error {
		if !b.ArrivedAt.IsZero() {
			return Errorf(ECONFLICT, lang.GroupArrived)
		}
		if t.now.Before(b.Start.Add(NoShowAfter)) {
			return Errorf(ECONFLICT, lang.NoShowTooEarly.Format(int(NoShowAfter/time.Minute)))
		}
		return nil
	})
}

// Arrive checks in the group of an approved booking by its receipt number
// (核销), from an hour before its start until its end.
func (db *DB) Arrive(ctx context.Context, receiptNo, actor string) (Booking, error) {
	actor, err := cleanText("actor", actor, 30, true, lang.StaffName)
	if err != nil {
		return Booking{}, err
	}
	no := strings.ToUpper(strings.TrimSpace(receiptNo))
	var b Booking
	err = db.write(ctx, func(t *tx) error {
		var err error
		if b, err = t.arrivingBooking(no); err != nil {
			return err
		}
		switch {
		case b.Status != BookingApproved:
			return Errorf(ECONFLICT, lang.BookingCannotCheckIn.Format(LabelOf(BookingStatuses, b.Status).Text))
		case !b.ArrivedAt.IsZero():
			return t.alreadyArrived(b)
		case t.now.Before(b.Start.Add(-time.Hour)) || t.now.After(b.End):
			// Named, since four digits may have found another booking
			// than the one the desk had in mind.
			loc := t.db.Location()
			return Errorf(ECONFLICT, lang.ArrivalWindow.Format(b.ReceiptNo, b.Start.In(loc).Format(lang.ClockLayout), b.End.In(loc).Format(lang.ClockLayout)))
		}
		if _, err := t.Exec("UPDATE bookings SET arrived_at = ?, arrived_by = ?, updated_at = ? WHERE id = ?",
			unix(t.now), actor, unix(t.now), b.ID); err != nil {
			return fmt.Errorf("check in booking: %w", err)
		}
		t.publish(KindBooking, "arrived", b.ID, SourceDesk)
		b, err = t.booking("WHERE b.id = ?", b.ID)
		return err
	})
	return b, err
}

// arrivingBooking is the booking a check-in names: its whole receipt number,
// or the last four digits of the number of an approved booking that starts
// today and has not checked in (what an organiser reads off a phone), when
// exactly one has them.
func (t *tx) arrivingBooking(no string) (Booking, error) {
	if len(no) != 4 || !isDigits(no) {
		return t.booking("WHERE b.receipt_no = ?", no)
	}
	start, end := t.db.Bounds(t.db.DayOf(t.now))
	// Numbers are drawn per day of booking, so four digits often recur
	// among the day's: only those a group can check in with count.
	found, err := t.bookings(`WHERE b.start_at >= ? AND b.start_at < ? AND b.receipt_no LIKE ? AND b.status = ?
		AND b.arrived_at IS NULL ORDER BY b.start_at`, unix(start), unix(end), "B-%-"+no, BookingApproved)
	switch {
	case err != nil:
		return Booking{}, err
	case len(found) == 0:
		// A group that came already reads its check-in, not that its
		// number is unknown.
		in, err := t.bookings(`WHERE b.start_at >= ? AND b.start_at < ? AND b.receipt_no LIKE ? AND b.status = ?
			AND b.arrived_at IS NOT NULL ORDER BY b.arrived_at DESC`, unix(start), unix(end), "B-%-"+no, BookingApproved)
		if err != nil {
			return Booking{}, err
		}
		if len(in) > 0 {
			return in[0], t.alreadyArrived(in[0])
		}
		return Booking{}, Errorf(ENOTFOUND, lang.NoBookingTodayEnds.Format(no))
	case len(found) > 1:
		return Booking{}, Errorf(ECONFLICT, lang.BookingSuffixAmbiguous.Format(len(found), no))
	}
	return found[0], nil
}

// alreadyArrived is the refusal of a second check-in of b: its number, and
// when and by whom it was checked in.
func (t *tx) alreadyArrived(b Booking) error {
	return Errorf(ECONFLICT, lang.AlreadyArrivedAt.Format(b.ReceiptNo, b.ArrivedAt.In(t.db.Location()).Format(lang.ClockLayout), b.ArrivedBy))
}

// Booking returns one booking.
func (db *DB) Booking(ctx context.Context, id int64) (Booking, error) {
	return db.oneBooking(ctx, "WHERE b.id = ?", id)
}

// BookingByReceipt returns the booking with receipt number no.
func (db *DB) BookingByReceipt(ctx context.Context, no string) (Booking, error) {
	return db.oneBooking(ctx, "WHERE b.receipt_no = ?", strings.ToUpper(strings.TrimSpace(no)))
}

// BookingByCode returns the booking a private status code belongs to.
func (db *DB) BookingByCode(ctx context.Context, code string) (Booking, error) {
	return db.oneBooking(ctx, "WHERE b.status_code = ?", code)
}

func (db *DB) oneBooking(ctx context.Context, where string, key any) (Booking, error) {
	var b Booking
	err := db.read(ctx, func(t *tx) (err error) { b, err = t.booking(where, key); return })
	return b, err
}

// BookingsOn returns the bookings that start on a day, in every status, by
// venue and start.
func (db *DB) BookingsOn(ctx context.Context, d Day) ([]Booking, error) {
	return db.BookingsBetween(ctx, d, d)
}

// BookingsBetween returns the bookings that start on the days from..to
// inclusive, by venue and start.
func (db *DB) BookingsBetween(ctx context.Context, from, to Day) ([]Booking, error) {
	start, _ := db.Bounds(from)
	_, end := db.Bounds(to)
	var out []Booking
	err := db.read(ctx, func(t *tx) (err error) {
		out, err = t.bookings("WHERE b.start_at >= ? AND b.start_at < ? ORDER BY b.venue_id, b.start_at, b.id", unix(start), unix(end))
		return
	})
	return out, err
}

// PendingBookings returns the bookings waiting for the desk, oldest first.
// Every desk's home tab shows them, so the answer is shared until the next
// write.
func (db *DB) PendingBookings(ctx context.Context) ([]Booking, error) {
	return sharedList(db, &db.pendingNow, "", func() ([]Booking, error) { return db.pendingBookings(ctx) })
}

func (db *DB) pendingBookings(ctx context.Context) ([]Booking, error) {
	var out []Booking
	err := db.read(ctx, func(t *tx) (err error) {
		out, err = t.bookings("WHERE b.status = 'pending' ORDER BY b.created_at, b.id")
		return
	})
	return out, err
}

// SeriesClash is one date of a weekly series that could not be booked.
type SeriesClash struct {
	Day Day
	Err error // the store error: a clash (with Clash set), or a rule broken on that date
}

// SeriesResult is what a weekly series booked and what it could not.
type SeriesResult struct {
	SeriesID int64
	Booked   []Booking
	Clashes  []SeriesClash
}

// CreateSeries books the same slot every week for weeks weeks, starting with
// in's date (a branch's 三会一课 every Tuesday afternoon). A date that clashes
// or breaks a rule is reported in Clashes and the others are booked.
func (db *DB) CreateSeries(ctx context.Context, in BookingInput, weeks int) (SeriesResult, error) {
	if err := checkCount("weeks", weeks, 1, 26, lang.Weeks); err != nil {
		return SeriesResult{}, err
	}
	return db.CreateSeriesRule(ctx, SeriesInput{BookingInput: in, Rule: SeriesRule{Count: weeks}})
}
