package store

import (
	"context"
	"database/sql"
	"fmt"
	"frontdesk/lang"
	"strconv"
	"strings"
	"time"
)

// MaxSeriesDates is the most dates one series may have.
const MaxSeriesDates = 100

// KioskSeriesAhead is how far ahead a series asked for from a phone may run.
const KioskSeriesAhead = 92 // days: three months

// Series date states (重复预约各次的状态).
const (
	SeriesApproved  = "approved"
	SeriesPending   = "pending"
	SeriesClashed   = "clashed"
	SeriesCancelled = "cancelled"
	SeriesRejected  = "rejected"
	SeriesMoved     = "moved"
	SeriesNoShow    = "no_show"
)

// SeriesStates names each state of a series date.
var SeriesStates = []Label{
	{SeriesApproved, lang.ApprovedStatus},
	{SeriesPending, lang.Pending},
	{SeriesClashed, lang.SeriesClashed},
	{SeriesCancelled, lang.CancelledStatus},
	{SeriesRejected, lang.Rejected},
	{SeriesMoved, lang.SeriesMoved},
	{SeriesNoShow, lang.NoShow},
}

// SeriesRule is when a series falls: weekly on given weekdays every N weeks,
// or monthly on the Nth weekday (每月第一个周二), from First until Last or for
// Count dates.
type SeriesRule struct {
	Monthly  bool
	Weekdays []time.Weekday // weekly; empty means First's weekday
	Every    int            // weekly: every N weeks, 1–8 (0 is 1)
	Nth      int            // monthly: 1–5, or -1 for the last
	Weekday  time.Weekday   // monthly
	First    Day
	Last     Day // the last day a date may fall on, or zero with Count
	Count    int // the number of dates, or 0 with Last
}

// Describe returns the rule in words: 每 2 周的周二、周四, 每月第一个周二.
func (r SeriesRule) Describe() lang.Text {
	if r.Monthly {
		return lang.SeriesMonthly.Format(lang.SeriesNth[r.Nth], lang.Weekdays[r.Weekday])
	}
	var zs, es []string
	for _, w := range r.weekdays() {
		zs, es = append(zs, lang.Weekdays[w].ZH), append(es, lang.WeekdayNames[w].EN)
	}
	days := lang.Text{ZH: strings.Join(zs, lang.ListSep.ZH), EN: strings.Join(es, lang.ListSep.EN)}
	if r.every() == 1 {
		return lang.SeriesWeekly.Format(days)
	}
	return lang.SeriesEveryWeeks.Format(r.every(), days)
}

func (r SeriesRule) every() int { return max(r.Every, 1) }

func (r SeriesRule) weekdays() []time.Weekday {
	if len(r.Weekdays) == 0 {
		return []time.Weekday{r.First.Weekday()}
	}
	return r.Weekdays
}

// dayNumber counts days from a fixed origin, so two days can be subtracted.
func dayNumber(d Day) int {
	return int(time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC).Unix() / 86400)
}

// Dates expands the rule into its dates. A rule with no dates, a last day
// before the first, more than MaxSeriesDates dates, or a monthly rule on a
// fifth weekday that some of its months lack (each named) is an EINVALID
// error.
func (r SeriesRule) Dates() ([]Day, error) {
	var p problems
	if r.First.IsZero() {
		p.add(invalid("date", lang.SeriesFirstRequired))
	}
	if r.Last.IsZero() && r.Count == 0 {
		p.add(invalid("last", lang.SeriesNeedsEnd))
	}
	if !r.Last.IsZero() && !r.First.IsZero() && r.Last.Before(r.First) {
		p.add(invalid("last", lang.SeriesLastBeforeFirst.Format(r.Last, r.First)))
	}
	if r.Count < 0 || r.Count > MaxSeriesDates {
		p.add(invalid("count", lang.SeriesCountRange.Format(MaxSeriesDates)))
	}
	if r.Monthly && (r.Nth < -1 || r.Nth == 0 || r.Nth > 5) {
		p.add(invalid("nth", lang.SeriesNthRange))
	}
	if !r.Monthly && (r.Every < 0 || r.Every > 8) {
		p.add(invalid("every", lang.SeriesEveryRange))
	}
	if err := p.err(); err != nil {
		return nil, err
	}
	// Expand a little past the limit, so "too many" can say how many.
	enough := func(out []Day, d Day) bool {
		return len(out) > MaxSeriesDates || (r.Count > 0 && len(out) >= r.Count) || (!r.Last.IsZero() && r.Last.Before(d))
	}
	var out []Day
	var lacking []string
	if r.Monthly {
		for m := 0; m < 12*10; m++ {
			d, ok := nthWeekday(r.First.Year, r.First.Month+time.Month(m), r.Weekday, r.Nth)
			if enough(out, d) {
				break
			}
			if !ok {
				lacking = append(lacking, fmt.Sprintf("%04d-%02d", d.Year, d.Month))
				continue
			}
			if !d.Before(r.First) {
				out = append(out, d)
			}
		}
	} else {
		monday := r.First.AddDays(-((int(r.First.Weekday()) + 6) % 7))
		on := map[time.Weekday]bool{}
		for _, w := range r.weekdays() {
			on[w] = true
		}
		for d := r.First; dayNumber(d)-dayNumber(r.First) < 366*10; d = d.AddDays(1) {
			if enough(out, d) {
				break
			}
			if on[d.Weekday()] && ((dayNumber(d)-dayNumber(monday))/7)%r.every() == 0 {
				out = append(out, d)
			}
		}
	}
	rule := r.Describe()
	switch {
	case len(lacking) > 0:
		months := lang.Text{ZH: strings.Join(lacking, lang.ListSep.ZH), EN: strings.Join(lacking, lang.ListSep.EN)}
		wd := lang.Text{ZH: lang.Weekdays[r.Weekday].ZH, EN: lang.WeekdayNames[r.Weekday].EN}
		return nil, invalid("nth", lang.SeriesLacking.Format(rule, months, wd))
	case len(out) == 0:
		return nil, invalid("last", lang.SeriesNoDates.Format(rule, r.First, r.Last))
	case len(out) > MaxSeriesDates:
		return nil, invalid("last", lang.SeriesTooMany.Format(rule, MaxSeriesDates, MaxSeriesDates))
	}
	return out, nil
}

// nthWeekday returns the nth weekday w of a month (-1: the last); ok is
// false when the month has no such day (the day returned names the month).
func nthWeekday(year int, month time.Month, w time.Weekday, nth int) (Day, bool) {
	first := time.Date(year, month, 1, 12, 0, 0, 0, time.UTC)
	mon := Day{first.Year(), first.Month(), 1}
	if nth == -1 {
		last := time.Date(first.Year(), first.Month()+1, 0, 12, 0, 0, 0, time.UTC)
		back := (int(last.Weekday()) - int(w) + 7) % 7
		return Day{last.Year(), last.Month(), last.Day() - back}, true
	}
	day := 1 + (int(w)-int(first.Weekday())+7)%7 + 7*(nth-1)
	if t := time.Date(first.Year(), first.Month(), day, 12, 0, 0, 0, time.UTC); t.Month() != first.Month() {
		return mon, false
	}
	return Day{first.Year(), first.Month(), day}, true
}

// SeriesInput is a new series: the first date's booking (its Start and End
// give the time of day) and the rule.
type SeriesInput struct {
	BookingInput
	Rule SeriesRule
}

// SeriesDate is one date of a series and what became of it.
type SeriesDate struct {
	Day     Day
	State   string   // SeriesApproved, SeriesClashed, …
	Booking *Booking // nil when the date could not be booked
	Err     *Error   // why the date is clashed (a clash names the booking in the way)
}

// Series is a recurring booking (重复预约) with its dates.
type Series struct {
	ID        int64
	Rule      SeriesRule
	VenueID   int64
	VenueName string
	Org       string
	Contact   string
	Title     string
	Attendees int
	Start     Clock
	Minutes   int
	Source    string
	CreatedBy string
	CreatedAt time.Time
	Dates     []SeriesDate
}

// Count returns how many of its dates are in each state.
func (s Series) Count() map[string]int {
	n := map[string]int{}
	for _, d := range s.Dates {
		n[d.State]++
	}
	return n
}

// seriesPlan checks a series whole: every field, the rule, and the rules of
// the venue that are the same on every date (open, capacity, hours: a series
// past the venue's closing is refused, not booked date by date).
func (t *tx) seriesPlan(in *SeriesInput) ([]Day, error) {
	var p problems
	b, err := in.BookingInput.Validate()
	p.add(err)
	if err == nil {
		in.BookingInput = b
		if in.Rule.First.IsZero() {
			in.Rule.First = t.db.DayOf(b.Start)
		}
	}
	var dates []Day
	if !in.Rule.First.IsZero() {
		dates, err = in.Rule.Dates()
		p.add(err)
	}
	if err := p.err(); err != nil {
		return nil, err
	}
	v, err := t.venue(in.VenueID)
	if err != nil {
		return nil, err
	}
	if !v.Active {
		return nil, invalid("venue", lang.VenueClosed)
	}
	first := in.BookingInput
	first.Start, first.End = t.slotOn(dates[0], in.Start, in.End)
	t.fitsVenue(v, first, &p)
	if in.Source == SourceKiosk {
		if limit := t.db.DayOf(t.now).AddDays(KioskSeriesAhead); limit.Before(dates[len(dates)-1]) {
			p.add(invalid("last", lang.SeriesPhoneAhead.Format(limit)))
		}
	}
	return dates, p.err()
}

// slotOn returns the slot of the time of day [start, end) on day d; each date
// keeps the first one's length, so a meeting that ends at 24:00 still ends
// after it starts.
func (t *tx) slotOn(d Day, start, end time.Time) (time.Time, time.Time) {
	loc := t.db.Location()
	from := start.In(loc)
	s := d.At(Clock{from.Hour(), from.Minute()}, loc).UTC()
	return s, s.Add(end.Sub(start))
}

// PreviewSeries checks a series without writing: every date with its clash
// or the rule it breaks, so the desk sees them before saving.
func (db *DB) PreviewSeries(ctx context.Context, in SeriesInput) ([]SeriesDate, error) {
	var out []SeriesDate
	err := db.read(ctx, func(t *tx) error {
		dates, err := t.seriesPlan(&in)
		if err != nil {
			return err
		}
		for _, d := range dates {
			one := in.BookingInput
			one.Start, one.End = t.slotOn(d, in.Start, in.End)
			sd := SeriesDate{Day: d, State: SeriesPending}
			if in.Approve {
				sd.State = SeriesApproved
			}
			if _, err := t.checkSlot(one); err != nil {
				if sd.Err = storeError(err); sd.Err == nil {
					return err
				}
				sd.State = SeriesClashed
			}
			out = append(out, sd)
		}
		return nil
	})
	return out, err
}

// storeError returns err as a rule broken on a date, or nil for a fault.
func storeError(err error) *Error {
	e, ok := err.(*Error)
	if !ok || e.Code == EINTERNAL {
		return nil
	}
	return e
}

// CreateSeriesRule books a series: every date of its rule in one write. A
// date that clashes or breaks a rule is kept on the series as clashed (and
// reported in Clashes); the others are booked, approved at the desk or
// pending from a phone. Bad input writes nothing.
func (db *DB) CreateSeriesRule(ctx context.Context, in SeriesInput) (SeriesResult, error) {
	var res SeriesResult
	err := db.write(ctx, func(t *tx) error {
		res = SeriesResult{} // afresh, should the batch run again (see write)
		dates, err := t.seriesPlan(&in)
		if err != nil {
			return err
		}
		// A form sent twice is one series: its key remembers the first
		// date booked, whose series the second sending answers with.
		id, err := t.replayed(in.Key, "booking")
		if err != nil {
			return err
		}
		if id != 0 {
			b, err := t.booking("WHERE b.id = ?", id)
			res.SeriesID = b.SeriesID
			return err
		}
		r := in.Rule
		var wds []string
		for _, w := range r.weekdays() {
			wds = append(wds, strconv.Itoa(int(w)))
		}
		rule, weekday := "weekly", r.First.Weekday()
		if r.Monthly {
			rule, weekday, wds = "monthly", r.Weekday, nil
		}
		loc := t.db.Location()
		from := in.Start.In(loc)
		last := ""
		if !r.Last.IsZero() {
			last = r.Last.String()
		}
		x, err := t.Exec(`INSERT INTO series (venue_id, title, weekday, first_day, weeks, created_by, created_at, rule, weekdays,
			every, nth, last_day, count, start_clock, minutes, org, contact, attendees, source)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			in.VenueID, in.Title, int(weekday), r.First.String(), len(dates), in.Actor, unix(t.now), rule, strings.Join(wds, ","),
			r.every(), r.Nth, last, r.Count, Clock{from.Hour(), from.Minute()}.String(), int(in.End.Sub(in.Start)/time.Minute),
			in.Org, in.Contact, in.Attendees, in.Source)
		if err != nil {
			return fmt.Errorf("insert series: %w", err)
		}
		res.SeriesID, _ = x.LastInsertId()
		for _, d := range dates {
			one := in.BookingInput
			one.Start, one.End = t.slotOn(d, in.Start, in.End)
			b, err := t.insertBooking(one, res.SeriesID)
			var bookingID sql.NullInt64
			var zh, en string
			if err != nil {
				e := storeError(err)
				if e == nil {
					return err
				}
				zh, en = e.ZH, e.EN
				res.Clashes = append(res.Clashes, SeriesClash{Day: d, Err: err})
			} else {
				bookingID = sql.NullInt64{Int64: b.ID, Valid: true}
				res.Booked = append(res.Booked, b)
			}
			if _, err := t.Exec("INSERT INTO series_dates (series_id, day, booking_id, clash_zh, clash_en) VALUES (?, ?, ?, ?, ?)",
				res.SeriesID, d.String(), bookingID, zh, en); err != nil {
				return fmt.Errorf("insert series date: %w", err)
			}
		}
		if len(res.Booked) == 0 {
			return nil
		}
		return t.remember(in.Key, "booking", res.Booked[0].ID)
	})
	return res, err
}

// SeriesByID returns a series with its dates, each in its state now: a
// pending date another booking has since taken shows as clashed, a date
// moved off the rule's time or venue as moved.
func (db *DB) SeriesByID(ctx context.Context, id int64) (Series, error) {
	var s Series
	err := db.read(ctx, func(t *tx) (err error) { s, err = t.series(id); return })
	return s, err
}

func (t *tx) series(id int64) (Series, error) {
	var s Series
	var rule, wds, first, last, clock string
	var created int64
	var weekday, weeks int
	err := t.QueryRow(`SELECT s.id, s.venue_id, v.name, s.title, s.weekday, s.first_day, s.weeks, s.created_by, s.created_at, s.rule,
		s.weekdays, s.every, s.nth, s.last_day, s.count, s.start_clock, s.minutes, s.org, s.contact, s.attendees, s.source
		FROM series s JOIN venues v ON v.id = s.venue_id WHERE s.id = ?`, id).Scan(&s.ID, &s.VenueID, &s.VenueName, &s.Title,
		&weekday, &first, &weeks, &s.CreatedBy, &created, &rule, &wds, &s.Rule.Every, &s.Rule.Nth, &last, &s.Rule.Count,
		&clock, &s.Minutes, &s.Org, &s.Contact, &s.Attendees, &s.Source)
	if err == sql.ErrNoRows {
		return s, notFound(lang.SeriesNotFound)
	}
	if err != nil {
		return s, fmt.Errorf("read series: %w", err)
	}
	s.CreatedAt = fromUnix(created)
	if s.Rule.Count == 0 && last == "" {
		s.Rule.Count = weeks
	}
	s.Rule.Monthly, s.Rule.Weekday = rule == "monthly", time.Weekday(weekday)
	s.Rule.First, _ = ParseDay(first)
	if last != "" {
		s.Rule.Last, _ = ParseDay(last)
	}
	for _, w := range strings.Split(wds, ",") {
		if n, err := strconv.Atoi(w); err == nil {
			s.Rule.Weekdays = append(s.Rule.Weekdays, time.Weekday(n))
		}
	}
	if len(s.Rule.Weekdays) == 0 && !s.Rule.Monthly {
		s.Rule.Weekdays = []time.Weekday{time.Weekday(weekday)}
	}
	s.Start, _ = ParseClock(clock)
	bookings, err := t.bookings("WHERE b.series_id = ? ORDER BY b.start_at, b.id", id)
	if err != nil {
		return s, err
	}
	if clock == "" && len(bookings) > 0 { // a series from before 0007
		from := bookings[0].Start.In(t.db.Location())
		s.Start, s.Minutes = Clock{from.Hour(), from.Minute()}, int(bookings[0].End.Sub(bookings[0].Start)/time.Minute)
		s.Org, s.Contact, s.Attendees, s.Source = bookings[0].Org, bookings[0].Contact, bookings[0].Attendees, bookings[0].Source
	}
	byID := map[int64]*Booking{}
	for i := range bookings {
		byID[bookings[i].ID] = &bookings[i]
	}
	rows, err := t.Query("SELECT day, COALESCE(booking_id, 0), clash_zh, clash_en FROM series_dates WHERE series_id = ? ORDER BY day", id)
	if err != nil {
		return s, fmt.Errorf("read series dates: %w", err)
	}
	defer rows.Close()
	seen := map[int64]bool{}
	for rows.Next() {
		var day, zh, en string
		var bid int64
		if err := rows.Scan(&day, &bid, &zh, &en); err != nil {
			return s, fmt.Errorf("scan series date: %w", err)
		}
		d := SeriesDate{State: SeriesClashed}
		d.Day, _ = ParseDay(day)
		if b := byID[bid]; b != nil {
			d.Booking, seen[bid] = b, true
		} else {
			d.Err = &Error{Code: ECONFLICT, Text: lang.Text{ZH: zh, EN: en}}
		}
		s.Dates = append(s.Dates, d)
	}
	if err := rows.Err(); err != nil {
		return s, err
	}
	for i := range bookings { // bookings of a series from before 0007
		if !seen[bookings[i].ID] {
			s.Dates = append(s.Dates, SeriesDate{Day: t.db.DayOf(bookings[i].Start), Booking: &bookings[i]})
		}
	}
	for i := range s.Dates {
		if err := t.dateState(s, &s.Dates[i]); err != nil {
			return s, err
		}
	}
	return s, nil
}

// dateState works out what a date is now from its booking.
func (t *tx) dateState(s Series, d *SeriesDate) error {
	b := d.Booking
	if b == nil {
		return nil
	}
	switch b.Status {
	case BookingCancelled:
		d.State = SeriesCancelled
		return nil
	case BookingRejected:
		d.State = SeriesRejected
		return nil
	case BookingNoShow:
		d.State = SeriesNoShow
		return nil
	case BookingPending:
		d.State = SeriesPending
		c, err := t.clash(b.VenueID, b.Start, b.End, b.ID)
		if err != nil {
			return err
		}
		if c != nil {
			d.State, d.Err = SeriesClashed, t.clashError(c).(*Error)
			return nil
		}
	default:
		d.State = SeriesApproved
	}
	from := b.Start.In(t.db.Location())
	if t.db.DayOf(b.Start) != d.Day || (Clock{from.Hour(), from.Minute()}) != s.Start || int(b.End.Sub(b.Start)/time.Minute) != s.Minutes ||
		b.VenueID != s.VenueID {
		d.State = SeriesMoved
	}
	return nil
}

// SeriesScope is which dates of a series an action takes: the one, it and
// the later ones, or all of them.
type SeriesScope string

// The scopes of a series action.
const (
	SeriesThis  SeriesScope = "this"
	SeriesLater SeriesScope = "later"
	SeriesAll   SeriesScope = "all"
)

// SeriesChange is what to do to dates of a series: cancel them, or move
// them (a new day for one date, a new time, venue or number of attendees;
// zero values keep what each date has).
type SeriesChange struct {
	Cancel    bool
	Reason    string
	Day       Day   // SeriesThis only: the date moves to this day
	Start     Clock // with End: the new time of day
	End       Clock
	VenueID   int64
	Attendees int
	Actor     string
}

// SeriesReport is what a series action did and what it could not do, date
// by date.
type SeriesReport struct {
	SeriesID int64
	Changed  []Booking
	Failed   []SeriesClash
}

// add notes what became of date b: changed to nb, or failed with a rule's
// error; a fault is returned.
func (rep *SeriesReport) add(t *tx, b, nb Booking, err error) error {
	if err == nil {
		rep.Changed = append(rep.Changed, nb)
		return nil
	}
	e := storeError(err)
	if e == nil {
		return err
	}
	rep.Failed = append(rep.Failed, SeriesClash{Day: t.db.DayOf(b.Start), Err: e})
	return nil
}

// seriesTargets returns the dates of booking id's series that a scope takes
// and that still hold a slot and are not over.
func (t *tx) seriesTargets(id int64, scope SeriesScope) (Booking, []Booking, error) {
	anchor, err := t.booking("WHERE b.id = ?", id)
	if err != nil {
		return anchor, nil, err
	}
	if anchor.SeriesID == 0 {
		return anchor, nil, Errorf(EINVALID, lang.SeriesNotASeries)
	}
	where := "WHERE b.series_id = ? AND b.status IN ('pending', 'approved') AND b.end_at > ?"
	args := []any{anchor.SeriesID, unix(t.now)}
	switch scope {
	case SeriesThis:
		where += " AND b.id = ?"
		args = append(args, id)
	case SeriesLater:
		where += " AND b.start_at >= ?"
		args = append(args, unix(anchor.Start))
	case SeriesAll:
	default:
		return anchor, nil, Errorf(EINVALID, lang.SeriesScopeRequired)
	}
	list, err := t.bookings(where+" ORDER BY b.start_at, b.id", args...)
	if err == nil && len(list) == 0 {
		err = Errorf(ECONFLICT, lang.SeriesNothingLeft)
	}
	return anchor, list, err
}

// ChangeSeries cancels or moves the dates of booking id's series that scope
// takes. Each moved date is checked again on its own (the venue open, its
// capacity and hours, not past, no clash); what cannot move stays as it was
// and is reported in Failed, the rest move.
func (db *DB) ChangeSeries(ctx context.Context, id int64, scope SeriesScope, ch SeriesChange) (SeriesReport, error) {
	var rep SeriesReport
	actor, err := cleanActor(ch.Actor)
	if err != nil {
		return rep, err
	}
	if ch.Reason, err = cleanText("reason", ch.Reason, 200, false, lang.SeriesReason); err != nil {
		return rep, err
	}
	if !ch.Day.IsZero() && scope != SeriesThis {
		return rep, invalid("date", lang.SeriesOnlyThisMoves)
	}
	if ch.Attendees < 0 || ch.Attendees > 5000 {
		return rep, invalid("attendees", lang.AttendeesRange)
	}
	err = db.write(ctx, func(t *tx) error {
		anchor, list, err := t.seriesTargets(id, scope)
		if err != nil {
			return err
		}
		rep.SeriesID = anchor.SeriesID
		// From the first date still to come on, "this and later" is the
		// whole series.
		whole := scope == SeriesAll
		if scope == SeriesLater {
			_, all, err := t.seriesTargets(id, SeriesAll)
			if err != nil {
				return err
			}
			whole = len(all) == len(list)
		}
		for _, b := range list {
			var nb Booking
			if ch.Cancel {
				nb, err = t.setBookingStatus(b, BookingCancelled, ch.Reason, actor)
			} else {
				nb, err = t.moveSeriesDate(b, ch, actor)
			}
			if err := rep.add(t, b, nb, err); err != nil {
				return err
			}
		}
		if whole && !ch.Cancel && len(rep.Failed) == 0 {
			// The whole series moved: its rule's time and venue are the new ones.
			s, err := t.series(anchor.SeriesID)
			if err != nil {
				return err
			}
			start, minutes, venue, att := s.Start, s.Minutes, s.VenueID, s.Attendees
			if ch.Start != ch.End {
				start, minutes = ch.Start, ch.End.Minutes()-ch.Start.Minutes()
			}
			if ch.VenueID != 0 {
				venue = ch.VenueID
			}
			if ch.Attendees != 0 {
				att = ch.Attendees
			}
			if _, err := t.Exec("UPDATE series SET start_clock = ?, minutes = ?, venue_id = ?, attendees = ? WHERE id = ?",
				start.String(), minutes, venue, att, s.ID); err != nil {
				return fmt.Errorf("update series: %w", err)
			}
		}
		return nil
	})
	return rep, err
}

// moveSeriesDate moves one booking of a series as ch says, if the new slot
// keeps every rule.
func (t *tx) moveSeriesDate(b Booking, ch SeriesChange, actor string) (Booking, error) {
	loc := t.db.Location()
	day := t.db.DayOf(b.Start)
	if !ch.Day.IsZero() {
		day = ch.Day
	}
	from := b.Start.In(loc)
	start, end := day.At(Clock{from.Hour(), from.Minute()}, loc), day.At(Clock{from.Hour(), from.Minute()}, loc).Add(b.End.Sub(b.Start))
	if ch.Start != ch.End {
		start, end = day.At(ch.Start, loc), day.At(ch.End, loc)
	}
	in := BookingInput{VenueID: b.VenueID, Attendees: b.Attendees, Start: start.UTC(), End: end.UTC()}
	if ch.VenueID != 0 {
		in.VenueID = ch.VenueID
	}
	if ch.Attendees != 0 {
		in.Attendees = ch.Attendees
	}
	if !in.End.After(in.Start) {
		return b, invalid("end", lang.EndMustBeAfterStart)
	}
	v, err := t.slotRules(in, b.ID)
	if err != nil {
		return b, err
	}
	cs := changes(change{"venue", b.VenueName, v.Name}, change{"attendees", strconv.Itoa(b.Attendees), strconv.Itoa(in.Attendees)},
		change{"start", t.stamp(b.Start), t.stamp(in.Start)}, change{"end", t.stamp(b.End), t.stamp(in.End)})
	if len(cs) == 0 {
		return b, nil
	}
	if _, err := t.Exec("UPDATE bookings SET venue_id = ?, venue_name = ?, attendees = ?, start_at = ?, end_at = ?, updated_at = ? WHERE id = ?",
		in.VenueID, v.Name, in.Attendees, unix(in.Start), unix(in.End), unix(t.now), b.ID); err != nil {
		return b, fmt.Errorf("move series date: %w", err)
	}
	if err := t.record(KindBooking, b.ID, actor, cs); err != nil {
		return b, err
	}
	t.publish(KindBooking, "corrected", b.ID, SourceDesk)
	return t.booking("WHERE b.id = ?", b.ID)
}

// DecideSeries approves or rejects the pending dates of booking id's series
// that scope takes (a phone's series is decided whole or date by date). Each
// approval is checked as Approve checks one booking; what cannot be approved
// stays pending and is reported.
func (db *DB) DecideSeries(ctx context.Context, id int64, scope SeriesScope, approve bool, actor, reason string) (SeriesReport, error) {
	var rep SeriesReport
	actor, err := cleanActor(actor)
	if err != nil {
		return rep, err
	}
	to := BookingApproved
	if !approve {
		to = BookingRejected
		if reason, err = cleanText("reason", reason, 200, true, lang.RejectBookingReason); err != nil {
			return rep, err
		}
	}
	err = db.write(ctx, func(t *tx) error {
		anchor, list, err := t.seriesTargets(id, scope)
		if err != nil {
			return err
		}
		rep.SeriesID = anchor.SeriesID
		for _, b := range list {
			if b.Status != BookingPending {
				continue
			}
			if approve {
				err = t.approvable(b, actor)
			}
			var nb Booking
			if err == nil {
				nb, err = t.setBookingStatus(b, to, reason, actor)
			}
			if err := rep.add(t, b, nb, err); err != nil {
				return err
			}
		}
		return nil
	})
	return rep, err
}

// CancelSeriesByCode is the organiser's own cancellation of one date or of
// it and the later ones, from the status page of the date's booking.
func (db *DB) CancelSeriesByCode(ctx context.Context, code string, scope SeriesScope) (SeriesReport, error) {
	b, err := db.BookingByCode(ctx, code)
	if err != nil {
		return SeriesReport{}, err
	}
	if scope == SeriesAll {
		scope = SeriesLater
	}
	return db.ChangeSeries(ctx, b.ID, scope, SeriesChange{Cancel: true, Reason: lang.CancelledByBooker.ZH, Actor: ActorKiosk})
}
