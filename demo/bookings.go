package demo

import (
	"context"
	"fmt"
	"slices"
	"time"

	"frontdesk/store"
)

// bookingEnd is where a booking's story ends.
type bookingEnd int

const (
	bookArrived    bookingEnd = iota // approved, and the group came
	bookUnrecorded                   // approved; nobody recorded the arrival
	bookNoShow                       // approved; nobody came
	bookCancelled                    // called off before the day
	bookRejected                     // turned down (kiosk bookings)
	bookPending                      // still waiting for the desk (kiosk bookings)
)

// bookingAction is one thing that happens to a booking after it is made.
type bookingAction struct {
	at     time.Time
	to     string // approved, rejected, cancelled, no_show; or "arrived"
	actor  string
	reason string
	byCode bool // the organiser cancelled from their status page
}

// bookingPlan is one booking and its story.
type bookingPlan struct {
	in      store.BookingInput
	day     store.Day
	created time.Time
	end     bookingEnd
	actions []bookingAction
	keep    bool // the booking the series clashes with: its story stays
}

// slot is a booked time of day, in minutes after midnight.
type slot struct{ start, end int }

// periods are the mornings, afternoons and evenings rooms are booked in;
// slots of different periods never overlap, so one booking per venue per
// period never clashes.
var periods = [][]slot{
	{{9 * 60, 11 * 60}, {9*60 + 30, 11*60 + 30}, {9 * 60, 11*60 + 30}},
	{{14*60 + 30, 16*60 + 30}, {15 * 60, 17 * 60}, {14*60 + 30, 17*60 + 30}},
	{{19 * 60, 20*60 + 30}, {19 * 60, 21 * 60}},
}

// planBookings plans the bookings of the month and the coming week: the
// weekly 三会一课 series with its clash, one-off bookings from the desk and
// the kiosk, and what became of each.
func (p *planner) planBookings(ctx context.Context) error {
	all, err := p.db.Venues(ctx, true)
	if err != nil {
		return fmt.Errorf("demo: list venues: %w", err)
	}
	var venues []store.Venue
	for _, dv := range demoVenues {
		for _, v := range all {
			if v.Name == dv.Name {
				venues = append(venues, v)
			}
		}
	}
	if len(venues) == 0 {
		return fmt.Errorf("demo: none of the demo venues is open for bookings")
	}
	contacts := map[string]person{}
	for _, bp := range store.BookingPurposes {
		for _, org := range bookingOrgs[bp.Code] {
			contacts[org] = person{name: randomName(p.r), phone: randomMobile(p.r)}
		}
	}
	taken := map[string]bool{} // venue, day and period already spoken for
	key := func(v store.Venue, d store.Day, period int) string { return fmt.Sprintf("%d %s %d", v.ID, d, period) }

	var plans []*bookingPlan
	if clash := p.planSeries(venues, contacts, taken, key); clash != nil {
		plans = append(plans, clash)
	}
	for _, d := range days(p.from, p.today.AddDays(7)) {
		odds := []int{35, 40, 20}
		if weekend(d) {
			odds = []int{15, 15, 10}
		}
		for _, v := range venues {
			for period, slots := range periods {
				if taken[key(v, d, period)] || !chance(p.r, odds[period]) {
					continue
				}
				s := pick(p.r, slots)
				if s.start < v.OpensAt.Minutes() || s.end > v.ClosesAt.Minutes() {
					continue
				}
				if bp := p.planBooking(v, d, s, contacts); bp != nil {
					taken[key(v, d, period)] = true
					plans = append(plans, bp)
				}
			}
		}
	}
	p.ensureBookingStatuses(plans)
	for _, bp := range plans {
		p.addBooking(bp)
	}
	return nil
}

// planBooking plans one booking of venue v on day d in slot s, or returns
// nil when there was no time to make it within the month.
func (p *planner) planBooking(v store.Venue, d store.Day, s slot, contacts map[string]person) *bookingPlan {
	weights, ok := venuePurposes[v.Name]
	if !ok {
		weights = anyVenuePurposes
	}
	purpose := store.BookingPurposes[weighted(p.r, weights)].Code
	title := pick(p.r, bookingTitles[purpose])
	if v.Name == "书画室" && purpose == "residents" {
		title = pick(p.r, paintingTitles)
	}
	org := pick(p.r, bookingOrgs[purpose])
	c := contacts[org]
	lo := max(1, v.Capacity*35/100)
	in := store.BookingInput{VenueID: v.ID, Org: org, Contact: c.name, Phone: c.phone, Title: title, Purpose: purpose,
		Attendees: between(p.r, lo, max(lo, v.Capacity*95/100)),
		Start:     p.clockAt(d, s.start), End: p.clockAt(d, s.end)}
	bp := &bookingPlan{in: in, day: d}
	kiosk := chance(p.r, 35)
	lead := between(p.r, 1, 14)
	if kiosk {
		lead = between(p.r, 1, 10)
	}
	if chance(p.r, 10) {
		lead = 0
	}
	// Booked at least an hour before the start, and within the month.
	cday := d.AddDays(-lead)
	if cday.Before(p.from) {
		cday = p.from.AddDays(p.r.IntN(daysBetween(p.from, d) + 1))
	}
	for {
		if kiosk {
			bp.created = p.moment(cday, between(p.r, 7*60+30, 21*60+30))
		} else {
			bp.created = p.moment(cday, deskOpens+30*weighted(p.r, arrivalWeights)+p.r.IntN(30))
		}
		if bp.created.Before(in.Start.Add(-time.Hour)) {
			break
		}
		if cday = cday.AddDays(-1); cday.Before(p.from) {
			return nil
		}
	}
	if kiosk {
		bp.in.Source, bp.in.Actor = "kiosk", "kiosk"
		ends := []bookingEnd{bookArrived, bookRejected, bookCancelled, bookNoShow, bookPending}
		weights := []int{76, 12, 6, 3, 0}
		if p.today.Before(d) {
			weights[4] = 60 // the coming week: much still waits for the desk
		}
		bp.end = ends[weighted(p.r, weights)]
	} else {
		bp.in.Source, bp.in.Actor, bp.in.Approve = "desk", p.staffAt(bp.created), true
		ends := []bookingEnd{bookArrived, bookUnrecorded, bookNoShow, bookCancelled}
		bp.end = ends[weighted(p.r, []int{84, 3, 5, 8})]
	}
	p.tellBooking(bp)
	return bp
}

// tellBooking writes what happens to a booking after it is made, each
// action after the one before.
func (p *planner) tellBooking(bp *bookingPlan) {
	bp.actions = nil
	act := func(at time.Time, to, reason string) time.Time {
		bp.actions = append(bp.actions, bookingAction{at: at, to: to, actor: p.staffAt(at), reason: reason})
		return at
	}
	start := bp.in.Start
	at := bp.created
	if bp.in.Source == "kiosk" {
		if bp.end == bookPending {
			return
		}
		if bp.end == bookCancelled {
			act(p.within(at, start.Add(-30*time.Minute)), store.BookingCancelled, "")
			bp.actions[0].byCode, bp.actions[0].actor = true, "kiosk"
			return
		}
		// The desk reviews within the day, and always before the start.
		decide := p.after(at, 20, 1200)
		if !decide.Before(start.Add(-45 * time.Minute)) {
			decide = at.Add(time.Duration(between(p.r, 5, 15)) * time.Minute)
		}
		if chance(p.r, 30) {
			bp.actions = append(bp.actions, bookingAction{at: decide, actor: staffManager})
		} else {
			act(decide, "", "")
		}
		if bp.end == bookRejected {
			bp.actions[0].to, bp.actions[0].reason = store.BookingRejected, pick(p.r, bookingRejectReasons)
			return
		}
		bp.actions[0].to = store.BookingApproved
		at = decide
	}
	switch bp.end {
	case bookCancelled:
		act(p.within(at, start.Add(-30*time.Minute)), store.BookingCancelled, pick(p.r, bookingCancelReasons))
	case bookArrived:
		act(start.Add(time.Duration(between(p.r, -20, 10))*time.Minute+time.Duration(p.r.IntN(60))*time.Second),
			"arrived", "")
	case bookNoShow:
		act(start.Add(time.Duration(between(p.r, 35, 70))*time.Minute), store.BookingNoShow, "")
	}
}

// within returns a moment between a and b, in the desk's hours if that still
// falls before b.
func (p *planner) within(a, b time.Time) time.Time {
	if !a.Before(b) {
		return a.Add(time.Minute)
	}
	t := a.Add(time.Duration(p.r.Int64N(int64(b.Sub(a)))))
	if w := p.work(t); w.Before(b) {
		return w
	}
	return t
}

// statusAt is the status bp is in at now, "" before it is made.
func (bp *bookingPlan) statusAt(now time.Time) string {
	if bp.created.After(now) {
		return ""
	}
	s := store.BookingPending
	if bp.in.Approve {
		s = store.BookingApproved
	}
	for _, a := range bp.actions {
		if a.at.After(now) {
			break
		}
		if a.to != "arrived" {
			s = a.to
		}
	}
	return s
}

// ensureBookingStatuses makes sure that, as of now, every booking status is
// there, with pending bookings in the coming week for the desk to approve:
// where chance left one out, a booking whose day suits is given that story.
func (p *planner) ensureBookingStatuses(plans []*bookingPlan) {
	have := map[string]bool{}
	futurePending := false
	for _, bp := range plans {
		s := bp.statusAt(p.now)
		have[s] = true
		if s == store.BookingPending && p.today.Before(bp.day) {
			futurePending = true
		}
	}
	retell := func(end bookingEnd, fits func(*bookingPlan) bool) {
		var fit []*bookingPlan
		for _, bp := range plans {
			if bp.end == bookArrived && !bp.keep && fits(bp) {
				fit = append(fit, bp)
			}
		}
		if len(fit) == 0 {
			return
		}
		bp := fit[p.r.IntN(len(fit))]
		bp.end = end
		if end == bookPending || end == bookRejected {
			bp.in.Source, bp.in.Actor, bp.in.Approve = "kiosk", "kiosk", false
		}
		p.tellBooking(bp)
	}
	// Past days whose story is over, however late in the day it is now.
	past := func(bp *bookingPlan) bool {
		return bp.day.Before(p.today) && p.from.AddDays(2).Before(bp.day) && bp.in.Source == "desk"
	}
	if !futurePending {
		retell(bookPending, func(bp *bookingPlan) bool { return p.today.Before(bp.day) && !bp.created.After(p.now) })
	}
	if !have[store.BookingRejected] {
		retell(bookRejected, past)
	}
	if !have[store.BookingCancelled] {
		retell(bookCancelled, past)
	}
	if !have[store.BookingNoShow] {
		retell(bookNoShow, past)
	}
}

// addBooking plans the steps of a booking: making it and what follows.
func (p *planner) addBooking(bp *bookingPlan) {
	var id int64
	var no, code string
	p.add(bp.created, "booking", func(ctx context.Context) error {
		b, err := p.db.CreateBooking(ctx, bp.in)
		id, no, code = b.ID, b.ReceiptNo, b.StatusCode
		if err == nil {
			p.sum.Bookings++
		}
		return err
	})
	for _, a := range bp.actions {
		p.add(a.at, "booking "+a.to, func(ctx context.Context) error {
			var err error
			switch {
			case a.to == store.BookingApproved:
				_, err = p.db.Approve(ctx, id, a.actor)
			case a.to == store.BookingRejected:
				_, err = p.db.RejectBooking(ctx, id, a.actor, a.reason)
			case a.to == store.BookingCancelled && a.byCode:
				_, err = p.db.CancelBookingByCode(ctx, code)
			case a.to == store.BookingCancelled:
				_, err = p.db.CancelBooking(ctx, id, a.actor, a.reason)
			case a.to == store.BookingNoShow:
				_, err = p.db.MarkNoShow(ctx, id, a.actor)
			case a.to == "arrived":
				_, err = p.db.Arrive(ctx, no, a.actor)
			default:
				err = fmt.Errorf("no such move %q", a.to)
			}
			return err
		})
	}
}

// planSeries plans a branch's weekly 三会一课 in the party room (or the first
// venue that will do) every Tuesday afternoon, booked at the start of the
// month for every Tuesday to the end of the coming week. One Tuesday the
// room was already lent to the seniors' college, so the series reports a
// clash for that date. It returns that earlier booking's plan.
func (p *planner) planSeries(venues []store.Venue, contacts map[string]person, taken map[string]bool,
	key func(store.Venue, store.Day, int) string) *bookingPlan {
	i := slices.IndexFunc(venues, func(v store.Venue) bool { return v.Name == "党员活动室" })
	if i < 0 {
		i = 0
	}
	v := venues[i]
	series, other := slot{14*60 + 30, 16*60 + 30}, slot{14 * 60, 16 * 60}
	if other.start < v.OpensAt.Minutes() || series.end > v.ClosesAt.Minutes() {
		return nil
	}
	first := p.from
	for first.Weekday() != time.Tuesday {
		first = first.AddDays(1)
	}
	var tuesdays []store.Day
	for d := first; !p.today.AddDays(7).Before(d); d = d.AddDays(7) {
		tuesdays = append(tuesdays, d)
		taken[key(v, d, 1)] = true
	}
	clashAt := min(2, len(tuesdays)-1)
	clashDay := tuesdays[clashAt]

	college := "新建南路社区老年大学"
	c := contacts[college]
	made := p.moment(p.from, 9*60+2)
	clash := &bookingPlan{day: clashDay, created: made, end: bookArrived, keep: true, in: store.BookingInput{
		VenueID: v.ID, Org: college, Contact: c.name, Phone: c.phone, Title: "老年大学健康养生讲座",
		Purpose: "training", Attendees: min(v.Capacity, 26), Start: p.clockAt(clashDay, other.start),
		End: p.clockAt(clashDay, other.end), Approve: true, Source: "desk", Actor: p.staffAt(made)}}
	p.tellBooking(clash)

	branch := "新建南路社区第一党支部"
	secretary := person{name: randomName(p.r), phone: randomMobile(p.r)}
	at := p.moment(p.from, 9*60+20)
	in := store.BookingInput{VenueID: v.ID, Org: branch, Contact: secretary.name, Phone: secretary.phone,
		Title: "第一党支部“三会一课”", Purpose: "three_one", Attendees: min(v.Capacity, 22),
		Start: p.clockAt(first, series.start), End: p.clockAt(first, series.end), Approve: true,
		Source: "desk", Actor: p.staffAt(at)}
	booked := map[store.Day]string{}
	p.add(at, "series", func(ctx context.Context) error {
		res, err := p.db.CreateSeries(ctx, in, len(tuesdays))
		if err != nil {
			return err
		}
		for _, b := range res.Booked {
			booked[p.db.DayOf(b.Start)] = b.ReceiptNo
		}
		p.sum.Bookings += len(res.Booked)
		return nil
	})
	for k, d := range tuesdays {
		if k == clashAt {
			continue
		}
		at := p.moment(d, 14*60+10+p.r.IntN(25))
		actor := p.staffAt(at)
		p.add(at, "series arrival", func(ctx context.Context) error {
			no, ok := booked[d]
			if !ok {
				return fmt.Errorf("the series has no booking on %s", d)
			}
			_, err := p.db.Arrive(ctx, no, actor)
			return err
		})
	}
	return clash
}
