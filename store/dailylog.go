package store

import (
	"context"
	"fmt"
	"sort"
	"time"

	"frontdesk/lang"
)

// MaxLogDays is the longest period one log covers: a year.
const MaxLogDays = 366

// Response outcomes of a request, as the response rate counts them.
const (
	ResponseOnTime  = "on_time" // first handled at or before its respond-by instant
	ResponseLate    = "late"    // first handled after it, or not at all with the time passed
	ResponseWaiting = "waiting" // not handled yet, and its time has not passed: not counted yet
)

// ResponseOutcomes names each response outcome.
var ResponseOutcomes = []Label{
	{ResponseOnTime, lang.OnTime},
	{ResponseLate, lang.Late},
	{ResponseWaiting, lang.WaitingResponse},
}

// The definitions the daily log prints beside its figures, so a reader knows
// what each number counts. The computation below follows them word for word.
var (
	DefineRequests = Label{"requests",
		lang.DefineRequestsText}
	DefineResponseRate = Label{"response_rate",
		lang.DefineResponseRateText}
	DefineResolutionRate = Label{"resolution_rate",
		lang.DefineResolutionRateText}
	DefineSatisfactionRate = Label{"satisfaction_rate",
		lang.DefineSatisfactionRateText}
	DefineVisits = Label{"visits",
		lang.DefineVisitsText}
	DefineBookings = Label{"bookings",
		lang.DefineBookingsText}
)

// LogDefinitions lists the definitions every log carries, in print order.
var LogDefinitions = []Label{DefineVisits, DefineRequests, DefineResponseRate, DefineResolutionRate, DefineSatisfactionRate, DefineBookings}

// Rate is a share of a whole: Num of Den.
type Rate struct{ Num, Den int }

// Valid reports whether the rate has anything to count.
func (r Rate) Valid() bool { return r.Den > 0 }

// Percent returns the rate in percent, 0 when nothing was counted.
func (r Rate) Percent() float64 {
	if r.Den == 0 {
		return 0
	}
	return 100 * float64(r.Num) / float64(r.Den)
}

// SourceCount counts records by where they came from.
type SourceCount struct{ Desk, Kiosk int }

// Total returns the records from both.
func (s SourceCount) Total() int { return s.Desk + s.Kiosk }

func (s *SourceCount) add(source string) {
	if source == SourceKiosk {
		s.Kiosk++
	} else {
		s.Desk++
	}
}

// Figures are the counts of a day or a whole period; the log's summary and
// each of its day rows are Figures computed by the same code.
type Figures struct {
	Visits       int // visit records
	Headcount    int // people, a group counting its headcount
	Visitors     int // distinct people who checked in
	PartyMembers int // visits by party members
	// ServiceVisits are the visits that count as service time, by
	// Volunteers distinct people, adding up to ServiceTime.
	ServiceVisits int
	Volunteers    int
	ServiceTime   time.Duration

	RequestsReceived int
	Urgent           int
	Resolved         int // resolved or closed
	Rejected         int
	Transferred      int // currently with another department
	Open             int // new, accepted, in progress or transferred
	Overdue          int
	Satisfied        int
	FairlySatisfied  int
	Unsatisfied      int
	Response         Rate
	Resolution       Rate
	Satisfaction     Rate

	Bookings          int // every booking that starts in the period
	BookingsApproved  int // approved, arrived or not
	BookingsArrived   int
	BookingsPending   int
	BookingsCancelled int
	BookingsRejected  int
	NoShows           int
	BookedTime        time.Duration // of approved bookings
	Series            int           // series with a booking in the period
	SeriesDates       int           // bookings in the period that belong to a series

	VisitSources   SourceCount
	RequestSources SourceCount
	BookingSources SourceCount
}

// ServiceHours returns ServiceTime in hours.
func (f Figures) ServiceHours() float64 { return f.ServiceTime.Hours() }

// BookedHours returns BookedTime in hours.
func (f Figures) BookedHours() float64 { return f.BookedTime.Hours() }

// DayFigures are one day's row of a log that covers several days.
type DayFigures struct {
	Day Day
	Figures
}

// PurposeCount is the visits of one purpose.
type PurposeCount struct {
	Purpose   string
	Visits    int
	Headcount int
}

// CategoryCount is the requests of one category.
type CategoryCount struct {
	Category     string
	Received     int
	Resolved     int
	Overdue      int
	Response     Rate
	Resolution   Rate
	Satisfaction Rate
}

// VenueUse is how much a venue was booked over the period.
type VenueUse struct {
	VenueID    int64
	Name       string
	Bookings   int // every booking that starts in the period
	Approved   int
	NoShows    int
	BookedTime time.Duration // of approved bookings
	OpenTime   time.Duration // opening hours over the period's days
}

// Share returns the part of the opening hours booked, 0..1.
func (u VenueUse) Share() float64 {
	if u.OpenTime <= 0 {
		return 0
	}
	return float64(u.BookedTime) / float64(u.OpenTime)
}

// Summary is the log's statistics over its whole period.
type Summary struct {
	Figures
	ByPurpose  []PurposeCount  // every purpose, in Purposes order
	ByCategory []CategoryCount // every category, in Categories order
	Venues     []VenueUse      // every active venue, and inactive ones that were booked
}

// LogRequest is a request as the log shows it: with when it was first
// handled and how that counts for the response rate.
type LogRequest struct {
	Request
	RespondedAt time.Time // zero if not handled yet
	Response    string    // ResponseOnTime, ResponseLate or ResponseWaiting
}

// DailyLog is the daily log (台账) of a day or a range of days: everything
// the printed log shows, read in one snapshot and counted once.
type DailyLog struct {
	Center   string
	Identity Identity // the center's code in the network, if it has one
	TimeZone string
	Location *time.Location
	From, To Day
	// AsOf is the instant of the snapshot; statuses and overdue are as of then.
	AsOf     time.Time
	Summary  Summary
	Days     []DayFigures // one per day from From to To
	Visits   []Visit      // checked in on the days, in check-in order
	Requests []LogRequest // received on the days, in order received
	Bookings []Booking    // starting on the days, by start
	Backlog  []LogRequest // received before From, open and overdue at AsOf
	// BacklogMore is how many more such requests a brief log
	// (DailyLogBrief) leaves out of Backlog; 0 in a whole log.
	BacklogMore int
	Voided      []Voided // records of the days voided (作废); in no list or figure above
	AutoClosed  int      // of Visits, those checked out by the system at closing
	ByHour      [24]int  // Visits by the hour of check-in in Location (VisitsByHour)
	Definitions []Label  // what the figures mean
	// Period is the comparison and the rankings of a period report
	// (PeriodLog); nil in a plain log.
	Period *Period
}

// SingleDay reports whether the log covers one day.
func (l *DailyLog) SingleDay() bool { return l.From == l.To }

// checkPeriod refuses a period that ends before it starts or is too long.
func checkPeriod(from, to Day) error {
	if from.IsZero() || to.IsZero() {
		return invalid("date", lang.DateIsRequired)
	}
	if to.Before(from) {
		return invalid("to", lang.LastDayBeforeFirst.Format(to, from))
	}
	if from.AddDays(MaxLogDays - 1).Before(to) {
		return invalid("to", lang.TooManyDays.Format(MaxLogDays))
	}
	return nil
}

// DailyLog assembles the log of the days from..to inclusive, in the center's
// zone, from one read transaction.
func (db *DB) DailyLog(ctx context.Context, from, to Day) (*DailyLog, error) {
	return db.dailyLog(ctx, from, to, -1, nil)
}

// DailyLogBrief is DailyLog with at most backlog rows of the backlog: the
// ones promised earliest, with BacklogMore counting the rest. Everything
// else is as in DailyLog. The backlog is history, not the day: a file of
// years holds thousands of open overdue requests, and reading them all was
// most of a day's log. The desk's 台账 tab shows the brief log; the printed
// log is DailyLog, with every one.
func (db *DB) DailyLogBrief(ctx context.Context, from, to Day, backlog int) (*DailyLog, error) {
	return db.dailyLog(ctx, from, to, max(backlog, 0), nil)
}

// dailyLog reads the log, with at most backlog rows of the backlog (all of
// them when backlog < 0); more, when given, reads further in the same
// transaction, after the log's own records.
func (db *DB) dailyLog(ctx context.Context, from, to Day, backlog int, more func(t *tx, l *DailyLog) error) (*DailyLog, error) {
	if err := checkPeriod(from, to); err != nil {
		return nil, err
	}
	l := db.newLog(from, to)
	start, _ := db.Bounds(from)
	_, end := db.Bounds(to)
	var venues []Venue
	err := db.read(ctx, func(t *tx) error {
		err := t.begin(l)
		if err != nil {
			return err
		}
		if l.Visits, err = t.visitsIn(start, end, "checked_in_at, id"); err != nil {
			return err
		}
		reqs, err := t.requests(requestsOfSpan, unix(start), unix(end))
		if err != nil {
			return err
		}
		if l.Requests, err = t.logRequests(reqs, start, end); err != nil {
			return err
		}
		if err := t.backlog(l, db.DayOf(t.now), start, backlog); err != nil {
			return err
		}
		if l.Bookings, err = t.bookings(bookingsOfSpan, unix(start), unix(end)); err != nil {
			return err
		}
		if venues, err = t.venues(); err != nil {
			return err
		}
		if err := t.dropVoided(l); err != nil || more == nil {
			return err
		}
		return more(t, l)
	})
	if err != nil {
		return nil, err
	}
	l.count(db, venues)
	return l, nil
}

// newLog is the log of from..to with the center's settings, nothing read.
func (db *DB) newLog(from, to Day) *DailyLog {
	s := db.Settings()
	return &DailyLog{Center: s.CenterName, TimeZone: s.TimeZone, Location: db.Location(), From: from, To: to,
		Definitions: LogDefinitions}
}

// begin sets what a log takes from its transaction before any record: the
// instant of the snapshot and the center's identity.
func (t *tx) begin(l *DailyLog) error {
	l.AsOf = t.now
	id, err := t.identity()
	l.Identity = id
	return err
}

// backlog reads the log's backlog: all of it when limit < 0; else the first
// limit rows and the count of the others, both leaving out voided requests
// (dropVoided would take them out of the rows afterwards and leave the page
// short).
func (t *tx) backlog(l *DailyLog, today Day, start time.Time, limit int) error {
	var reqs []Request
	var err error
	if limit < 0 {
		reqs, err = t.requests(backlogWhere, today.String(), unix(start))
	} else {
		var n int
		if err := t.QueryRow("SELECT COUNT(*) FROM requests "+backlogCountWhere, today.String(), unix(start)).Scan(&n); err != nil {
			return fmt.Errorf("count backlog: %w", err)
		}
		reqs, err = t.requests(backlogBriefWhere, today.String(), unix(start), limit)
		l.BacklogMore = n - len(reqs)
	}
	if err != nil {
		return err
	}
	if len(reqs) > 0 {
		l.Backlog = make([]LogRequest, len(reqs))
		for i, r := range reqs {
			l.Backlog[i] = LogRequest{Request: r}
		}
	}
	return nil
}

// logRequests adds to each request when it was first handled: the first
// status change after its creation.
func (t *tx) logRequests(reqs []Request, start, end time.Time) ([]LogRequest, error) {
	first := map[int64]time.Time{}
	rows, err := t.Query(`SELECT e.request_id, MIN(e.at) FROM request_events e JOIN requests r ON r.id = e.request_id
		WHERE r.created_at >= ? AND r.created_at < ? AND e.from_status <> '' GROUP BY e.request_id`, unix(start), unix(end))
	if err != nil {
		return nil, fmt.Errorf("first responses: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, at int64
		if err := rows.Scan(&id, &at); err != nil {
			return nil, fmt.Errorf("scan first response: %w", err)
		}
		first[id] = fromUnix(at)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]LogRequest, len(reqs))
	for i, r := range reqs {
		out[i] = t.logRequest(r, first[r.ID])
	}
	return out, nil
}

// logRequest is r as the log shows it, first handled at first (zero if not
// yet), with how that counts for the response rate.
func (t *tx) logRequest(r Request, first time.Time) LogRequest {
	lr := LogRequest{Request: r, RespondedAt: first}
	switch {
	case !first.IsZero() && !first.After(r.RespondBy):
		lr.Response = ResponseOnTime
	case !first.IsZero() || t.now.After(r.RespondBy):
		lr.Response = ResponseLate
	default:
		lr.Response = ResponseWaiting
	}
	return lr
}

func (t *tx) venues() ([]Venue, error) {
	rows, err := t.Query("SELECT " + venueColumns + " FROM venues ORDER BY id")
	if err != nil {
		return nil, fmt.Errorf("list venues: %w", err)
	}
	defer rows.Close()
	var out []Venue
	for rows.Next() {
		v, err := scanVenue(rows)
		if err != nil {
			return nil, fmt.Errorf("scan venue: %w", err)
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// count computes the summary and the day rows from the records, once.
func (l *DailyLog) count(db *DB, venues []Venue) {
	c := newLogCounter(db, l, venues)
	for _, v := range l.Visits {
		c.visit(v)
	}
	for _, r := range l.Requests {
		c.request(r)
	}
	for _, b := range l.Bookings {
		c.booking(b)
	}
	c.finish()
}

// tally counts visits, requests and bookings into Figures (tallier).
func tally(visits []Visit, requests []LogRequest, bookings []Booking) Figures {
	var a tallier
	for _, v := range visits {
		a.visit(v)
	}
	for _, r := range requests {
		a.request(r)
	}
	for _, b := range bookings {
		a.booking(b)
	}
	return a.figures()
}

// ServicePerson is one person's service over a period, with the visits that
// make it up.
type ServicePerson struct {
	ServiceHours
	Activities []Visit // the counted visits, in time order
}

// ServiceLog is the volunteer service-hours record (志愿服务时长) of a period:
// the monthly table and the certificates are printed from it.
type ServiceLog struct {
	Center   string
	Location *time.Location
	From, To Day
	AsOf     time.Time
	People   []ServicePerson // most hours first, then by name
	Visits   int             // the counted visits of all of them
	Total    time.Duration
}

// ServiceLog reads the service hours per person for check-ins on the days
// from..to inclusive, counted by Visit.ServiceDuration, the same rule as
// ServiceHoursBetween and the daily log.
func (db *DB) ServiceLog(ctx context.Context, from, to Day) (*ServiceLog, error) {
	if err := checkPeriod(from, to); err != nil {
		return nil, err
	}
	l := &ServiceLog{Center: db.Settings().CenterName, Location: db.Location(), From: from, To: to}
	start, _ := db.Bounds(from)
	_, end := db.Bounds(to)
	var visits []Visit
	err := db.read(ctx, func(t *tx) (err error) {
		l.AsOf = t.now
		visits, err = t.visits(`WHERE checked_in_at >= ? AND checked_in_at < ? AND `+servicePurposeIn("")+`
			AND checked_out_at IS NOT NULL AND auto_closed = 0 ORDER BY checked_in_at, id`, unix(start), unix(end))
		return err
	})
	if err != nil {
		return nil, err
	}
	byID := map[int64]*ServicePerson{}
	var order []int64
	for _, v := range visits {
		d := v.ServiceDuration()
		if d <= 0 {
			continue
		}
		p := byID[v.VisitorID]
		if p == nil {
			p = &ServicePerson{ServiceHours: ServiceHours{VisitorID: v.VisitorID, Name: v.Name, Phone: v.Phone, Org: v.Org}}
			byID[v.VisitorID] = p
			order = append(order, v.VisitorID)
		}
		p.PartyMember = p.PartyMember || v.PartyMember
		if v.Org != "" {
			p.Org = v.Org
		}
		p.Visits++
		p.Duration += d
		p.Activities = append(p.Activities, v)
		l.Visits++
		l.Total += d
	}
	for _, id := range order {
		l.People = append(l.People, *byID[id])
	}
	sort.SliceStable(l.People, func(i, j int) bool {
		a, b := l.People[i], l.People[j]
		if a.Duration != b.Duration {
			return a.Duration > b.Duration
		}
		return a.Name < b.Name
	})
	return l, nil
}

// backlogWhere picks the log's overdue requests from before its period: open
// (by the Go rule), past their promised day, received before the first day.
// It seeks requests_status (TestDeskCountPlans).
var backlogWhere = "WHERE " + backlogIs + " ORDER BY promised_by, id"

// backlogIs is the backlog's predicate, with today and the period's first
// instant as its arguments.
var backlogIs = openStatusIn + " AND promised_by < ? AND created_at < ?"

// backlogCountWhere and backlogBriefWhere count the backlog and list its
// first rows (a LIMIT argument), voided requests left out. Both seek
// requests_status too; the count reads the rows it counts for created_at,
// about a millisecond for two thousand (an index holding it too would need
// a migration and a rebuilt file for under a millisecond).
var (
	backlogCountWhere = "WHERE " + backlogIs + " AND NOT " + voidedRequest
	backlogBriefWhere = backlogCountWhere + " ORDER BY promised_by, id LIMIT ?"
)

// voidedRequest is true of a voided request, in a query of requests.
const voidedRequest = "EXISTS (SELECT 1 FROM voids v WHERE v.kind = 'request' AND v.record_id = requests.id)"

// DeriveRates sets the resolution and satisfaction rates from the counts, by
// the daily log's definitions: resolved or closed ÷ (received − rejected), and
// (满意 + 基本满意) ÷ rated. The hub's rollup derives its rates here too, so a
// center's row and its own log cannot disagree.
func (f *Figures) DeriveRates() {
	f.Resolution = Rate{Num: f.Resolved, Den: f.RequestsReceived - f.Rejected}
	f.Satisfaction = Rate{Num: f.Satisfied + f.FairlySatisfied, Den: f.Satisfied + f.FairlySatisfied + f.Unsatisfied}
}
