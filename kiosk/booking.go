package kiosk

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"frontdesk/lang"
	"frontdesk/store"
)

// bookingPage is the data of booking.html.
type bookingPage struct {
	formPage
	Venues, Purposes []option
	MinDate, MaxDate string
	RepeatMax        string // the last day a repeat may run to
	// Starts and Ends are the times offered, on the 24-hour clock, within
	// the chosen venue's hours.
	Starts, Ends []option
	// Day is the chosen venue's day, when the venue and date are known.
	Day *dayView
}

// dayView is a venue's day as the booking form shows it.
type dayView struct {
	Venue, Date, Hours string
	Capacity           int
	Rows               []dayRow
	// Pending is set when a pending booking holds part of the chosen
	// time: the visitor may still ask, and is warned.
	Pending bool
}

// dayRow is one span of the day: free (with a button that chooses it) or
// held by an approved or pending booking. No one's name or title is shown.
type dayRow struct {
	Time, State, StateCode string
	Start, End             string // HH:MM, for a free span
	Pick                   string // HH:MM-HH:MM, the value of a free span's button
}

// errShowOnly is a booking form posted to show a day or pick a free span:
// it is drawn again with the day, and nothing is stored.
var errShowOnly = errors.New("show the day only")

// timeStep is the spacing of the times offered.
const timeStep = 30 * time.Minute

// bookingFields is the store's view of the form's text.
func bookingFields(f formPage) store.BookingForm {
	return store.BookingForm{Venue: f.V("venue"), Org: f.V("org"), Contact: f.V("contact"), Phone: f.V("phone"),
		Title: f.V("title"), Purpose: f.V("purpose"), Attendees: f.V("attendees"), Date: f.V("date"),
		Start: f.V("start"), End: f.V("end")}
}

func (s *Server) bookingPage(r *http.Request, f formPage) (bookingPage, error) {
	venues, err := s.db.Venues(r.Context(), true)
	if err != nil {
		return bookingPage{}, err
	}
	today := s.db.Today()
	if r.Method == http.MethodGet {
		// A fresh form starts at today and, where there is one venue, at it;
		// a blank sent back stays blank beside its message.
		if f.V("date") == "" {
			f.Values["date"] = today.String()
		}
		if f.V("venue") == "" && len(venues) == 1 {
			f.Values["venue"] = strconv.FormatInt(venues[0].ID, 10)
		}
	}
	p := bookingPage{formPage: f, Purposes: labelOptions(store.BookingPurposes, s.cfg.Lang, f.V("purpose"))}
	opens, closes := store.DefaultOpensAt, store.DefaultClosesAt
	var chosen *store.Venue
	for i, v := range venues {
		id := strconv.FormatInt(v.ID, 10)
		text := v.Name + s.tr(lang.CapacityNote.Format(v.Capacity))
		sel := f.V("venue") == id
		p.Venues = append(p.Venues, option{Value: id, Text: text, Selected: sel})
		if sel {
			chosen = &venues[i]
			opens, closes = v.OpensAt, v.ClosesAt
		}
	}
	p.MinDate, p.MaxDate = today.String(), today.AddDays(store.MaxBookingDays).String()
	p.RepeatMax = today.AddDays(store.KioskSeriesAhead).String()
	p.Starts = clockOptions(opens, closes, 0, f.V("start"))
	p.Ends = clockOptions(opens, closes, 1, f.V("end"))
	if chosen != nil {
		if d, err := store.ParseDay(strings.TrimSpace(f.V("date"))); err == nil {
			if p.Day, err = s.dayView(r, p.formPage, *chosen, d); err != nil {
				return p, err
			}
		}
	}
	return p, nil
}

// clockOptions lists HH:MM choices timeStep apart from opens to closes,
// leaving out the last (skip 0, for starts) or the first (skip 1, for
// ends). A chosen time off the list is kept, so nothing typed is lost.
func clockOptions(opens, closes store.Clock, skip int, chosen string) []option {
	var out []option
	found := chosen == ""
	step := int(timeStep / time.Minute)
	for m := opens.Minutes(); m <= closes.Minutes(); m += step {
		if (skip == 0 && m+step > closes.Minutes()) || (skip == 1 && m == opens.Minutes()) {
			continue
		}
		c := store.Clock{Hour: m / 60, Minute: m % 60}.String()
		out = append(out, option{Value: c, Text: c, Selected: c == chosen})
		found = found || c == chosen
	}
	if !found {
		out = append([]option{{Value: chosen, Text: chosen, Selected: true}}, out...)
	}
	return out
}

// dayView lays out venue's day d for the form: every span in time order,
// free ones with a link that chooses them.
func (s *Server) dayView(r *http.Request, f formPage, v store.Venue, d store.Day) (*dayView, error) {
	day, err := s.db.VenueDayOf(r.Context(), v.ID, d)
	if err != nil {
		return nil, err
	}
	loc := s.db.Location()
	hm := func(t time.Time) string { return t.In(loc).Format("15:04") }
	out := &dayView{Venue: v.Name, Date: d.String(), Capacity: v.Capacity, Hours: v.OpensAt.String() + "–" + v.ClosesAt.String()}
	chosenStart, chosenEnd, _ := s.db.BookingTimes(d.String(), f.V("start"), f.V("end"))
	free, taken := day.Free, day.Taken
	for len(free) > 0 || len(taken) > 0 {
		if len(taken) == 0 || (len(free) > 0 && free[0].Start.Before(taken[0].Start)) {
			sl := free[0]
			free = free[1:]
			out.Rows = append(out.Rows, dayRow{Time: hm(sl.Start) + "–" + hm(sl.End), State: s.tr(lang.Free),
				StateCode: "free", Start: hm(sl.Start), End: hm(sl.End), Pick: hm(sl.Start) + "-" + hm(sl.End)})
			continue
		}
		sl := taken[0]
		taken = taken[1:]
		state := s.tr(lang.KioskBooked)
		if sl.Status == store.BookingPending {
			state = s.tr(lang.PendingMayAsk)
			if !chosenStart.IsZero() && sl.Start.Before(chosenEnd) && sl.End.After(chosenStart) {
				out.Pending = true
			}
		}
		out.Rows = append(out.Rows, dayRow{Time: hm(sl.Start) + "–" + hm(sl.End), State: state, StateCode: sl.Status})
	}
	return out, nil
}

func (s *Server) renderBooking(w http.ResponseWriter, r *http.Request, status int, f formPage) error {
	p, err := s.bookingPage(r, f)
	if err != nil {
		return err
	}
	s.render(w, status, "booking.html", p)
	return nil
}

func (s *Server) bookingForm(w http.ResponseWriter, r *http.Request) error {
	f, err := s.openForm(r, "booking")
	if err != nil {
		return err
	}
	return s.renderBooking(w, r, http.StatusOK, f)
}

func (s *Server) submitBooking(w http.ResponseWriter, r *http.Request) error {
	return s.submitForm(w, r, "booking", func(f formPage) (string, error) {
		if pick, show := r.PostFormValue("pick"), r.PostFormValue("show"); pick != "" || show != "" {
			if start, end, ok := strings.Cut(pick, "-"); ok {
				f.Values["start"], f.Values["end"] = start, end
			}
			return "", errShowOnly
		}
		in, err := s.db.ReadBookingForm(bookingFields(f), store.BookingInput{Actor: store.ActorKiosk, Source: store.SourceKiosk, Key: f.Key})
		if err != nil {
			return "", err
		}
		if repeat := f.V("repeat"); repeat != "" {
			return s.submitSeries(r, in, repeat, f.V("until"))
		}
		b, err := s.db.CreateBooking(r.Context(), in)
		if err == nil {
			s.log.Debug("kiosk booking", "receipt", b.ReceiptNo, "addr", s.clientAddr(r))
		}
		return b.StatusCode, err
	}, s.renderBooking)
}

// submitSeries asks for a repeat of the booking: weekly, or monthly on the
// same weekday of the month, until a day at most three months ahead (the
// store holds that rule). The status page of the first date that could be
// asked for lists them all.
func (s *Server) submitSeries(r *http.Request, in store.BookingInput, repeat, until string) (string, error) {
	first := s.db.DayOf(in.Start)
	rule := store.SeriesRule{First: first}
	switch repeat {
	case "weekly":
	case "monthly":
		rule.Monthly, rule.Weekday, rule.Nth = true, first.Weekday(), (first.Day-1)/7+1
	default:
		return "", &store.Error{Code: store.EINVALID, Field: "repeat", Text: lang.RepeatChoose}
	}
	last, err := store.ParseDay(strings.TrimSpace(until))
	if err != nil {
		return "", &store.Error{Code: store.EINVALID, Field: "until", Text: lang.RepeatUntilNeeded}
	}
	rule.Last = last
	res, err := s.db.CreateSeriesRule(r.Context(), store.SeriesInput{BookingInput: in, Rule: rule})
	if err != nil {
		return "", untilField(err)
	}
	sr, err := s.db.SeriesByID(r.Context(), res.SeriesID)
	if err != nil {
		return "", err
	}
	for _, d := range sr.Dates {
		if d.Booking != nil {
			s.log.Debug("kiosk series", "series", sr.ID, "dates", len(sr.Dates), "addr", s.clientAddr(r))
			return d.Booking.StatusCode, nil
		}
	}
	// Every date clashed: say why the first could not be asked for.
	return "", sr.Dates[0].Err
}

// untilField puts the messages of the rule's end (last, count, nth) beside
// the form's "until" and "repeat" fields, where the visitor changes them.
func untilField(err error) error {
	var e *store.Error
	if !errors.As(err, &e) {
		return err
	}
	move := func(x *store.Error) {
		switch x.Field {
		case "last", "count":
			x.Field = "until"
		case "nth", "every":
			x.Field = "repeat"
		}
	}
	out := *e
	move(&out)
	out.Fields = nil
	for _, f := range e.Fields {
		g := *f
		move(&g)
		out.Fields = append(out.Fields, &g)
	}
	return &out
}
