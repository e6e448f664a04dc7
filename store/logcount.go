package store

import (
	"sort"
	"time"
)

// tallier counts visits, requests and bookings into Figures, one record at
// a time: the one place where the log's numbers are made. Distinct people
// and series are counted as they are first seen, so forget can drop the
// sets once no more records of the tally will come.
type tallier struct {
	f                          Figures
	people, volunteers, series idSet
}

// idSet is a set of record ids: a bitmap for the ids SQLite hands out,
// small and dense, and a map past idSetDense. A year's distinct visitors
// took a third of the time of counting its visits in a map.
type idSet struct {
	bits []uint64
	more map[int64]bool
}

// idSetDense is where idSet's bitmap ends: 1 MB at the most.
const idSetDense = 1 << 23

// firstSeen adds id to set and reports whether it was new.
func firstSeen(set *idSet, id int64) bool {
	if id < 0 || id >= idSetDense {
		if set.more == nil {
			set.more = map[int64]bool{}
		}
		if set.more[id] {
			return false
		}
		set.more[id] = true
		return true
	}
	w, bit := int(id>>6), uint64(1)<<(id&63)
	if w >= len(set.bits) {
		set.bits = append(set.bits, make([]uint64, max(w+1, 2*len(set.bits))-len(set.bits))...)
	}
	if set.bits[w]&bit != 0 {
		return false
	}
	set.bits[w] |= bit
	return true
}

func (a *tallier) visit(v Visit) {
	f := &a.f
	f.Visits++
	f.Headcount += v.Headcount
	if firstSeen(&a.people, v.VisitorID) {
		f.Visitors++
	}
	if v.PartyMember {
		f.PartyMembers++
	}
	if d := v.ServiceDuration(); d > 0 {
		f.ServiceVisits++
		f.ServiceTime += d
		if firstSeen(&a.volunteers, v.VisitorID) {
			f.Volunteers++
		}
	}
	f.VisitSources.add(v.Source)
}

func (a *tallier) request(r LogRequest) {
	f := &a.f
	f.RequestsReceived++
	f.RequestSources.add(r.Source)
	if r.Urgency == "urgent" {
		f.Urgent++
	}
	switch r.Status {
	case StatusResolved, StatusClosed:
		f.Resolved++
	case StatusRejected:
		f.Rejected++
	default:
		f.Open++
		if r.Status == StatusTransferred {
			f.Transferred++
		}
	}
	if r.Overdue {
		f.Overdue++
	}
	switch r.Satisfaction {
	case "satisfied":
		f.Satisfied++
	case "basic":
		f.FairlySatisfied++
	case "unsatisfied":
		f.Unsatisfied++
	}
	switch r.Response {
	case ResponseOnTime:
		f.Response.Num++
		f.Response.Den++
	case ResponseLate:
		f.Response.Den++
	}
}

func (a *tallier) booking(b Booking) {
	f := &a.f
	f.Bookings++
	f.BookingSources.add(b.Source)
	if b.SeriesID != 0 {
		f.SeriesDates++
		if firstSeen(&a.series, b.SeriesID) {
			f.Series++
		}
	}
	switch b.Status {
	case BookingApproved:
		f.BookingsApproved++
		f.BookedTime += b.End.Sub(b.Start)
		if !b.ArrivedAt.IsZero() {
			f.BookingsArrived++
		}
	case BookingPending:
		f.BookingsPending++
	case BookingCancelled:
		f.BookingsCancelled++
	case BookingRejected:
		f.BookingsRejected++
	case BookingNoShow:
		f.NoShows++
	}
}

// forget drops the sets of people and series seen: no record of the tally
// is to come.
func (a *tallier) forget() { a.people, a.volunteers, a.series = idSet{}, idSet{}, idSet{} }

// figures returns the counts, with the rates derived.
func (a *tallier) figures() Figures {
	f := a.f
	f.DeriveRates()
	return f
}

// logCounter counts a log's records into its summary and day rows as they
// come, each list in time order, without keeping them: DailyLog feeds it
// its lists, StreamLog the rows as it reads them. What it keeps grows with
// the days, the venues, the distinct people and the communities, never
// with the records.
type logCounter struct {
	l           *DailyLog
	loc         *time.Location
	venues      []Venue
	bounds      []time.Time // each day's start, then the last day's end
	days        []tallier
	last        int // the day of the latest visit, whose people are still counted
	sum         tallier
	purposes    map[string]*PurposeCount
	categories  map[string]*tallier
	use         map[int64]*VenueUse
	communities map[string]*CommunityCount
}

func newLogCounter(db *DB, l *DailyLog, venues []Venue) *logCounter {
	loc := l.Location
	if loc == nil {
		loc = time.UTC
	}
	c := &logCounter{l: l, loc: loc, venues: venues, purposes: map[string]*PurposeCount{}, categories: map[string]*tallier{},
		use: map[int64]*VenueUse{}, communities: map[string]*CommunityCount{}}
	for d := l.From; !l.To.Before(d); d = d.AddDays(1) {
		start, _ := db.Bounds(d)
		c.bounds = append(c.bounds, start)
	}
	_, end := db.Bounds(l.To)
	c.bounds = append(c.bounds, end)
	c.days = make([]tallier, len(c.bounds)-1)
	for _, p := range Purposes {
		c.purposes[p.Code] = &PurposeCount{Purpose: p.Code}
	}
	for _, v := range venues {
		c.use[v.ID] = &VenueUse{VenueID: v.ID, Name: v.Name}
	}
	return c
}

// day is the day of the log an instant falls on.
func (c *logCounter) day(t time.Time) int {
	i := sort.Search(len(c.bounds), func(k int) bool { return c.bounds[k].After(t) }) - 1
	return min(max(i, 0), len(c.days)-1)
}

func (c *logCounter) visit(v Visit) {
	d := c.day(v.CheckedInAt)
	if d != c.last {
		// Visits come in check-in order: the earlier day is complete.
		c.days[c.last].forget()
		c.last = d
	}
	c.days[d].visit(v)
	c.sum.visit(v)
	if p := c.purposes[v.Purpose]; p != nil {
		p.Visits++
		p.Headcount += v.Headcount
	}
	if v.AutoClosed {
		c.l.AutoClosed++
	}
	c.l.ByHour[v.CheckedInAt.In(c.loc).Hour()]++
}

func (c *logCounter) request(r LogRequest) {
	c.days[c.day(r.CreatedAt)].request(r)
	c.sum.request(r)
	cat := c.categories[r.Category]
	if cat == nil {
		cat = &tallier{}
		c.categories[r.Category] = cat
	}
	cat.request(r)
	if r.Community != "" {
		cc := c.communities[r.Community]
		if cc == nil {
			cc = &CommunityCount{Community: r.Community}
			c.communities[r.Community] = cc
		}
		cc.Received++
		if r.Overdue {
			cc.Overdue++
		}
	}
}

func (c *logCounter) booking(b Booking) {
	c.days[c.day(b.Start)].booking(b)
	c.sum.booking(b)
	u := c.use[b.VenueID]
	if u == nil {
		return
	}
	u.Bookings++
	switch b.Status {
	case BookingApproved:
		u.Approved++
		u.BookedTime += b.End.Sub(b.Start)
	case BookingNoShow:
		u.NoShows++
	}
}

// finish sets the log's summary and day rows, and a period report's
// rankings, from what was counted.
func (c *logCounter) finish() {
	l := c.l
	l.Days = make([]DayFigures, len(c.days))
	for i := range c.days {
		l.Days[i] = DayFigures{Day: l.From.AddDays(i), Figures: c.days[i].figures()}
	}
	sum := &l.Summary
	sum.Figures = c.sum.figures()
	for _, p := range Purposes {
		sum.ByPurpose = append(sum.ByPurpose, *c.purposes[p.Code])
	}
	for _, cat := range Categories {
		var f Figures
		if t := c.categories[cat.Code]; t != nil {
			f = t.figures()
		} else {
			f = (&tallier{}).figures()
		}
		sum.ByCategory = append(sum.ByCategory, CategoryCount{Category: cat.Code, Received: f.RequestsReceived,
			Resolved: f.Resolved, Overdue: f.Overdue, Response: f.Response, Resolution: f.Resolution, Satisfaction: f.Satisfaction})
	}
	for _, v := range c.venues {
		u := *c.use[v.ID]
		if !v.Active && u.Bookings == 0 {
			continue
		}
		for _, d := range l.Days {
			u.OpenTime += d.Day.At(v.ClosesAt, l.Location).Sub(d.Day.At(v.OpensAt, l.Location))
		}
		sum.Venues = append(sum.Venues, u)
	}
	if l.Period != nil {
		l.Period.rank(sum.ByCategory, c.communities)
	}
}

// rank sets a period report's rankings: the categories with requests, most
// first (ties in Categories order), and the communities, most first (ties
// by name), at most TopN of each.
func (p *Period) rank(categories []CategoryCount, communities map[string]*CommunityCount) {
	p.Categories = nil
	for _, c := range categories {
		if c.Received > 0 {
			p.Categories = append(p.Categories, c)
		}
	}
	sort.SliceStable(p.Categories, func(i, j int) bool { return p.Categories[i].Received > p.Categories[j].Received })
	p.Categories = p.Categories[:min(len(p.Categories), TopN)]
	p.Communities = nil
	for _, c := range communities {
		p.Communities = append(p.Communities, *c)
	}
	sort.Slice(p.Communities, func(i, j int) bool {
		a, b := p.Communities[i], p.Communities[j]
		if a.Received != b.Received {
			return a.Received > b.Received
		}
		return a.Community < b.Community
	})
	p.Communities = p.Communities[:min(len(p.Communities), TopN)]
}
