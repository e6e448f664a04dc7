package hub

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"frontdesk/lang"
	"frontdesk/store"
)

// Flags a row of the rollup may carry.
const (
	FlagBottom = "bottom" // in the lowest tenth of its level on the three rates
	FlagStale  = "stale"  // has not reported for over StaleAfter
)

// StaleAfter is how long a center may stay silent before it is flagged.
const StaleAfter = 24 * time.Hour

// Network is the rollup of a subtree of centers over a period: one row per
// center, a subtotal per level and a total, every figure with the daily
// log's definitions.
type Network struct {
	Hub      string // the hub's address, without a password
	Center   string // the subtree's root; "" for the whole hub
	Name     string // the root's name
	From, To store.Day
	AsOf     time.Time // statuses and overdue are as at this instant
	Rows     []Row     // by level top down, then by rank
	Levels   []Subtotal
	Total    Subtotal
}

// Row is one center's line of the rollup.
type Row struct {
	Code, Name, Level, Parent string
	TimeZone                  string
	LastSyncAt                time.Time
	// Rank is the place within its level on Score, 1 the best; centers
	// with nothing to rate come last.
	Rank    int
	Score   float64 // the mean of the rates that have anything counted, in percent
	Scored  bool
	Flags   []string
	Summary store.Summary
}

// Subtotal adds up the rows of a level, or of all levels.
type Subtotal struct {
	Level   string // "" for the total
	Centers int
	Summary store.Summary
}

// Rollup computes the network report of the subtree under center ("" for
// every center on the hub) for the days from..to, each center counted on
// its own calendar days, as of now. The figures are computed in SQL over
// the center tree; Go only puts them in place.
func (h *Hub) Rollup(ctx context.Context, center string, from, to store.Day, now time.Time) (*Network, error) {
	if from.IsZero() || to.IsZero() || to.Before(from) || from.AddDays(store.MaxLogDays-1).Before(to) {
		return nil, store.Errorf(store.EINVALID, lang.HubBadPeriod.Format(from, to, store.MaxLogDays))
	}
	if err := h.checkSchema(ctx); err != nil {
		return nil, err
	}
	now = now.UTC().Truncate(time.Second)
	n := &Network{Hub: h.url, Center: center, From: from, To: to, AsOf: now}
	err := pgx.BeginTxFunc(ctx, h.pool, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}, func(tx pgx.Tx) error {
		// The rollup's queries are short over index ranges: compiling them
		// (JIT) costs more than running them, and its sorts fit in memory.
		if _, err := tx.Exec(ctx, "SET LOCAL jit = off; SET LOCAL work_mem = '64MB'"); err != nil {
			return err
		}
		p := newSpan(from, to)
		args := p.args()
		args["root"], args["now"] = center, now
		rows, err := tx.Query(ctx, treeCTE+`SELECT c.code, c.name, c.level, COALESCE(c.parent, ''), c.time_zone, c.last_sync_at
			FROM centers c JOIN tree USING (code) ORDER BY c.code`, args)
		if err != nil {
			return err
		}
		for rows.Next() {
			var r Row
			if err := rows.Scan(&r.Code, &r.Name, &r.Level, &r.Parent, &r.TimeZone, &r.LastSyncAt); err != nil {
				return err
			}
			n.Rows = append(n.Rows, r)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		byCode := make(map[string]*Row, len(n.Rows))
		codes := make([]string, len(n.Rows))
		for i := range n.Rows {
			r := &n.Rows[i]
			byCode[r.Code], codes[i] = r, r.Code
			r.Summary.ByPurpose = make([]store.PurposeCount, len(store.Purposes))
			for j, p := range store.Purposes {
				r.Summary.ByPurpose[j].Purpose = p.Code
			}
			r.Summary.ByCategory = make([]store.CategoryCount, len(store.Categories))
			for j, c := range store.Categories {
				r.Summary.ByCategory[j].Category = c.Code
			}
		}
		args["codes"] = codes
		if center != "" && byCode[center] == nil {
			return store.Errorf(store.ENOTFOUND, lang.HubNoSuchCenter.Format(center))
		}
		if r := byCode[center]; r != nil {
			n.Name = r.Name
		}
		if err := rollVisits(ctx, tx, args, p, byCode); err != nil {
			return fmt.Errorf("roll up visits: %w", err)
		}
		if err := rollRequests(ctx, tx, args, p, byCode); err != nil {
			return fmt.Errorf("roll up requests: %w", err)
		}
		if err := rollBookings(ctx, tx, args, p, byCode); err != nil {
			return fmt.Errorf("roll up bookings: %w", err)
		}
		return nil
	})
	if err != nil {
		var se *store.Error
		if errors.As(err, &se) {
			return nil, err
		}
		return nil, unreachable(h.url, err)
	}
	n.rank(now)
	return n, nil
}

// treeCTE is the subtree under @root, or every center when @root is empty.
const treeCTE = `WITH RECURSIVE tree (code) AS (
	SELECT code FROM centers WHERE @root::text = '' OR code = @root::text
	UNION
	SELECT c.code FROM centers c JOIN tree t ON c.parent = t.code
) `

// winCTE is each of the centers @codes (the subtree, read first) with its
// period in its own zone (@from 00:00 to the day after @to) and its
// calendar day at @now. The planner knows how many they are, and so reads
// a district's few by their indexes and a city's many in bulk.
const winCTE = `WITH win AS MATERIALIZED (
	SELECT c.code, c.time_zone,
		(@from::date)::timestamp AT TIME ZONE c.time_zone AS lo,
		(@to::date + 1)::timestamp AT TIME ZONE c.time_zone AS hi,
		(@now::timestamptz AT TIME ZONE c.time_zone)::date AS today
	FROM centers c WHERE c.code = ANY(@codes::text[])
) `

// span is a period split for the summaries: the whole months from fm to
// before lm, and the days from..fm-1 and lm..to either side. A period with
// no whole month is all days (fm = lm = the day after to).
type span struct{ from, to, fm, lm store.Day }

func newSpan(from, to store.Day) span {
	fm, lm := from, to.AddDays(1).MonthStart()
	if fm.Day != 1 {
		fm = from.MonthEnd().AddDays(1)
	}
	if !fm.Before(lm) {
		fm, lm = to.AddDays(1), to.AddDays(1)
	}
	return span{from, to, fm, lm}
}

// args are the span's named arguments: @from, @to, @fm, @lm and @mfrom,
// the first day of from's month.
func (p span) args() pgx.NamedArgs {
	return pgx.NamedArgs{"from": dayDate(p.from), "to": dayDate(p.to), "fm": dayDate(p.fm), "lm": dayDate(p.lm),
		"mfrom": dayDate(p.from.MonthStart())}
}

// months is how many calendar months the period touches.
func (p span) months() int { return (p.to.Year-p.from.Year)*12 + int(p.to.Month-p.from.Month) + 1 }

// rows is a LATERAL subquery of the summary s's rows of center w.code over
// the span: its whole months and the days at either end, each part only
// if it has any day.
func (p span) rows(s summary) string {
	cols := strings.Join(s.cols, ", ")
	if s.key != "" {
		cols = s.key + ", " + cols
	}
	var parts []string
	if p.fm.Before(p.lm) {
		parts = append(parts, fmt.Sprintf("SELECT %s FROM %s WHERE center = w.code AND month >= @fm::date AND month < @lm::date", cols, s.months))
	}
	if p.from.Before(p.fm) {
		parts = append(parts, fmt.Sprintf("SELECT %s FROM %s WHERE center = w.code AND day >= @from::date AND day < @fm::date", cols, s.days))
	}
	if !p.to.Before(p.lm) {
		parts = append(parts, fmt.Sprintf("SELECT %s FROM %s WHERE center = w.code AND day >= @lm::date AND day <= @to::date", cols, s.days))
	}
	return "(" + strings.Join(parts, " UNION ALL ") + ") d"
}

// visitorMonthsUpTo is the longest period, in calendar months touched,
// whose distinct visitors are counted from visitor_months; a longer one
// counts them from visitor_days.
var visitorMonthsUpTo = 2

func rollVisits(ctx context.Context, tx pgx.Tx, args pgx.NamedArgs, p span, byCode map[string]*Row) error {
	rows, err := tx.Query(ctx, winCTE+`SELECT w.code, d.purpose, sum(d.visits)::int, sum(d.headcount)::int, sum(d.party_members)::int,
		sum(d.service_visits)::int, sum(d.service_secs)::bigint, sum(d.kiosk)::int
		FROM win w CROSS JOIN LATERAL `+p.rows(visitSummary)+`
		GROUP BY GROUPING SETS ((w.code), (w.code, d.purpose))`, args)
	if err != nil {
		return err
	}
	var code string
	var purpose *string
	var visits, headcount, party, service, kiosk int
	var secs int64
	_, err = pgx.ForEachRow(rows, []any{&code, &purpose, &visits, &headcount, &party, &service, &secs, &kiosk}, func() error {
		s := &byCode[code].Summary
		if purpose != nil {
			if i := slices.IndexFunc(s.ByPurpose, func(p store.PurposeCount) bool { return p.Purpose == *purpose }); i >= 0 {
				s.ByPurpose[i].Visits, s.ByPurpose[i].Headcount = visits, headcount
			}
			return nil
		}
		f := &s.Figures
		f.Visits, f.Headcount, f.PartyMembers = visits, headcount, party
		f.ServiceVisits, f.ServiceTime = service, time.Duration(secs)*time.Second
		f.VisitSources = store.SourceCount{Desk: visits - kiosk, Kiosk: kiosk}
		return nil
	})
	if err != nil {
		return err
	}
	q := visitorsByBounds(p)
	if p.months() <= visitorMonthsUpTo {
		q = visitorsByMonth
	}
	rows, err = tx.Query(ctx, winCTE+q, args)
	if err != nil {
		return err
	}
	var visitors, volunteers int
	_, err = pgx.ForEachRow(rows, []any{&code, &visitors, &volunteers}, func() error {
		f := &byCode[code].Summary.Figures
		f.Visitors, f.Volunteers = visitors, volunteers
		return nil
	})
	return err
}

// visitorsByMonth counts a short period's distinct visitors and volunteers
// from the rows of the visitors who came in its months, each month's days
// masked to the period's.
const visitorsByMonth = `SELECT w.code, count(DISTINCT m.visitor) FILTER (WHERE m.days & m.mask <> 0),
	count(DISTINCT m.visitor) FILTER (WHERE m.service_days & m.mask <> 0)
	FROM win w CROSS JOIN LATERAL (SELECT m.visitor, m.days, m.service_days,
		((1::bigint << CASE WHEN m.month + interval '1 month' > @to::date THEN extract(day FROM @to::date)::int ELSE 31 END)
			- (1::bigint << CASE WHEN m.month < @from::date THEN extract(day FROM @from::date)::int - 1 ELSE 0 END))::int AS mask
		FROM visitor_months m WHERE m.center = w.code
		AND m.month >= @mfrom::date AND m.month <= @to::date) m
	GROUP BY w.code`

// visitorsByBounds counts a long period's distinct visitors and
// volunteers: those whose first day falls in the period (from the first
// days' summary), those who came before it whose last day falls in it
// (from visitor_days_bounds alone), and those who came both before and
// after it whose set of days meets it.
func visitorsByBounds(p span) string {
	return `SELECT w.code, f.visitors + a.visitors + b.visitors, f.volunteers + a.volunteers + b.volunteers
	FROM win w CROSS JOIN LATERAL (SELECT COALESCE(sum(d.visitors), 0)::int AS visitors, COALESCE(sum(d.volunteers), 0)::int AS volunteers
		FROM ` + p.rows(firstsSummary) + `) f
	CROSS JOIN LATERAL (SELECT count(*) FILTER (WHERE p.last_day >= @from::date AND p.last_day <= @to::date) AS visitors,
		count(*) FILTER (WHERE p.service_first < @from::date AND p.service_last >= @from::date AND p.service_last <= @to::date) AS volunteers
		FROM visitor_days p WHERE p.center = w.code AND p.first_day < @from::date) a
	CROSS JOIN LATERAL (SELECT count(*) FILTER (WHERE p.days && daterange(@from::date, @to::date, '[]')) AS visitors,
		count(*) FILTER (WHERE p.service_first < @from::date AND p.service_last > @to::date
			AND p.service_days && daterange(@from::date, @to::date, '[]')) AS volunteers
		FROM visitor_days p WHERE p.center = w.code AND p.first_day < @from::date AND p.last_day > @to::date) b`
}

func rollRequests(ctx context.Context, tx pgx.Tx, args pgx.NamedArgs, p span, byCode map[string]*Row) error {
	// Everything but the instant's part comes from the summaries. A
	// request is overdue if open and its promised day is before today, and
	// unhandled past its time if not responded to by @now: the open ones
	// less those not yet due, and the unhandled less those whose time has
	// not come. Only the not yet due are read from the requests.
	rows, err := tx.Query(ctx, winCTE+`, sums AS (
		SELECT w.code, d.category, sum(d.received)::int AS received, sum(d.urgent)::int AS urgent, sum(d.resolved)::int AS resolved,
			sum(d.rejected)::int AS rejected, sum(d.transferred)::int AS transferred, sum(d.open)::int AS open,
			sum(d.satisfied)::int AS satisfied, sum(d.basic)::int AS basic, sum(d.unsatisfied)::int AS unsatisfied,
			sum(d.on_time)::int AS on_time, sum(d.responded)::int AS responded, sum(d.kiosk)::int AS kiosk
		FROM win w CROSS JOIN LATERAL `+p.rows(requestSummary)+`
		GROUP BY w.code, d.category
	), not_due AS (
		SELECT w.code, r.category, count(*)::int AS n
		FROM win w JOIN requests r ON r.center = w.code AND r.promised_by >= w.today
			AND r.created_at >= w.lo AND r.created_at < w.hi
		-- no zone's today is before the day before UTC's: only those
		-- promised from then on are looked at
		WHERE r.promised_by >= (@now::timestamptz AT TIME ZONE 'UTC')::date - 1
			AND NOT r.voided AND r.status NOT IN ('resolved', 'closed', 'rejected')
		GROUP BY w.code, r.category
	), not_late AS (
		SELECT w.code, r.category, count(*)::int AS n
		FROM win w JOIN requests r ON r.center = w.code AND r.created_at >= w.lo AND r.created_at < w.hi
		WHERE r.respond_by >= @now::timestamptz AND NOT r.voided AND r.responded_at IS NULL
		GROUP BY w.code, r.category
	)
	SELECT s.code, s.category, s.received, s.urgent, s.resolved, s.rejected, s.transferred, s.open,
		s.open - COALESCE(d.n, 0), s.satisfied, s.basic, s.unsatisfied, s.on_time, s.received - COALESCE(l.n, 0), s.kiosk
	FROM sums s LEFT JOIN not_due d USING (code, category) LEFT JOIN not_late l USING (code, category)`, args)
	if err != nil {
		return err
	}
	var code, category string
	var c store.Figures
	var onTime, due, kiosk int
	_, err = pgx.ForEachRow(rows, []any{&code, &category, &c.RequestsReceived, &c.Urgent, &c.Resolved, &c.Rejected,
		&c.Transferred, &c.Open, &c.Overdue, &c.Satisfied, &c.FairlySatisfied, &c.Unsatisfied, &onTime, &due, &kiosk}, func() error {
		s := &byCode[code].Summary
		c.Response = store.Rate{Num: onTime, Den: due}
		c.DeriveRates()
		if i := slices.IndexFunc(s.ByCategory, func(k store.CategoryCount) bool { return k.Category == category }); i >= 0 {
			s.ByCategory[i] = store.CategoryCount{Category: category, Received: c.RequestsReceived, Resolved: c.Resolved,
				Overdue: c.Overdue, Response: c.Response, Resolution: c.Resolution, Satisfaction: c.Satisfaction}
		}
		// The center's figures are its categories added up.
		t := &s.Figures
		addRequests(t, c)
		t.DeriveRates()
		t.RequestSources.Kiosk += kiosk
		t.RequestSources.Desk += c.RequestsReceived - kiosk
		return nil
	})
	return err
}

func rollBookings(ctx context.Context, tx pgx.Tx, args pgx.NamedArgs, p span, byCode map[string]*Row) error {
	// The venues first: every active venue of each center, and the
	// inactive ones if they were booked, with their opening hours over
	// the period's days in the center's zone, worked out once for each
	// zone and hours they share.
	rows, err := tx.Query(ctx, winCTE+`, hours AS MATERIALIZED (
		SELECT h.time_zone, h.opens_at, h.closes_at,
			(SELECT sum(extract(epoch FROM ((d + h.closes_at) AT TIME ZONE h.time_zone) - ((d + h.opens_at) AT TIME ZONE h.time_zone)))::bigint
				FROM generate_series(@from::date, @to::date, interval '1 day') d) AS secs
		FROM (SELECT DISTINCT w.time_zone, v.opens_at, v.closes_at FROM win w JOIN venues v ON v.center = w.code) h
	)
	SELECT w.code, v.id, v.name, v.active, h.secs
		FROM win w JOIN venues v ON v.center = w.code
		JOIN hours h ON h.time_zone = w.time_zone AND h.opens_at = v.opens_at AND h.closes_at = v.closes_at
		ORDER BY w.code, v.id`, args)
	if err != nil {
		return err
	}
	type venue struct {
		use    store.VenueUse
		active bool
	}
	venues := map[string][]venue{}
	var code, name string
	var id, openSecs int64
	var active bool
	if _, err := pgx.ForEachRow(rows, []any{&code, &id, &name, &active, &openSecs}, func() error {
		venues[code] = append(venues[code], venue{store.VenueUse{VenueID: id, Name: name, OpenTime: time.Duration(openSecs) * time.Second}, active})
		return nil
	}); err != nil {
		return err
	}
	rows, err = tx.Query(ctx, winCTE+`SELECT w.code, d.venue_id, sum(d.bookings)::int, sum(d.approved)::int, sum(d.arrived)::int,
		sum(d.pending)::int, sum(d.cancelled)::int, sum(d.rejected)::int, sum(d.no_shows)::int, sum(d.booked_secs)::bigint, sum(d.kiosk)::int
		FROM win w CROSS JOIN LATERAL `+p.rows(bookingSummary)+`
		GROUP BY GROUPING SETS ((w.code), (w.code, d.venue_id))`, args)
	if err != nil {
		return err
	}
	var venueID *int64
	var f store.Figures
	var secs int64
	var kiosk int
	_, err = pgx.ForEachRow(rows, []any{&code, &venueID, &f.Bookings, &f.BookingsApproved, &f.BookingsArrived, &f.BookingsPending,
		&f.BookingsCancelled, &f.BookingsRejected, &f.NoShows, &secs, &kiosk}, func() error {
		if venueID != nil {
			vs := venues[code]
			if i := slices.IndexFunc(vs, func(v venue) bool { return v.use.VenueID == *venueID }); i >= 0 {
				u := &vs[i].use
				u.Bookings, u.Approved, u.NoShows, u.BookedTime = f.Bookings, f.BookingsApproved, f.NoShows, time.Duration(secs)*time.Second
			}
			return nil
		}
		t := &byCode[code].Summary.Figures
		t.Bookings, t.BookingsApproved, t.BookingsArrived, t.BookingsPending = f.Bookings, f.BookingsApproved, f.BookingsArrived, f.BookingsPending
		t.BookingsCancelled, t.BookingsRejected, t.NoShows = f.BookingsCancelled, f.BookingsRejected, f.NoShows
		t.BookedTime = time.Duration(secs) * time.Second
		t.BookingSources = store.SourceCount{Desk: f.Bookings - kiosk, Kiosk: kiosk}
		return nil
	})
	if err != nil {
		return err
	}
	for code, vs := range venues {
		for _, v := range vs {
			if v.active || v.use.Bookings > 0 {
				byCode[code].Summary.Venues = append(byCode[code].Summary.Venues, v.use)
			}
		}
	}
	return nil
}

// levelOrder puts the levels top down.
func levelOrder(level string) int {
	return slices.IndexFunc(store.Levels, func(l store.Label) bool { return l.Code == level })
}

// rank orders the rows by level and score, numbers them within their level,
// flags the bottom tenth of each level with two or more centers and the
// silent centers, and adds up the subtotals and the total.
func (n *Network) rank(now time.Time) {
	for i := range n.Rows {
		r := &n.Rows[i]
		f := r.Summary.Figures
		var sum float64
		var k int
		for _, rate := range []store.Rate{f.Response, f.Resolution, f.Satisfaction} {
			if rate.Valid() {
				sum += rate.Percent()
				k++
			}
		}
		if k > 0 {
			r.Score, r.Scored = sum/float64(k), true
		}
		if now.Sub(r.LastSyncAt) > StaleAfter {
			r.Flags = append(r.Flags, FlagStale)
		}
	}
	sort.SliceStable(n.Rows, func(i, j int) bool {
		a, b := n.Rows[i], n.Rows[j]
		if la, lb := levelOrder(a.Level), levelOrder(b.Level); la != lb {
			return la < lb
		}
		if a.Scored != b.Scored {
			return a.Scored
		}
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		return a.Code < b.Code
	})
	n.Total = Subtotal{}
	for start := 0; start < len(n.Rows); {
		end := start
		for end < len(n.Rows) && n.Rows[end].Level == n.Rows[start].Level {
			end++
		}
		group := n.Rows[start:end]
		scored := 0
		for i := range group {
			group[i].Rank = i + 1
			if group[i].Scored {
				scored++
			}
		}
		if scored >= 2 {
			bottom := int(math.Ceil(float64(scored) / 10))
			for i := scored - bottom; i < scored; i++ {
				group[i].Flags = append([]string{FlagBottom}, group[i].Flags...)
			}
		}
		sub := Subtotal{Level: group[0].Level}
		for _, r := range group {
			sub.add(r.Summary)
			n.Total.add(r.Summary)
		}
		n.Levels = append(n.Levels, sub)
		start = end
	}
}

// add counts one center's summary into the subtotal. Rates add up their
// counts, so a total's rate is the share over all its centers' requests.
func (s *Subtotal) add(o store.Summary) {
	s.Centers++
	a, b := &s.Summary.Figures, o.Figures
	a.Visits += b.Visits
	a.Headcount += b.Headcount
	a.Visitors += b.Visitors
	a.PartyMembers += b.PartyMembers
	a.ServiceVisits += b.ServiceVisits
	a.Volunteers += b.Volunteers
	a.ServiceTime += b.ServiceTime
	addRequests(a, b)
	a.Resolution = addRate(a.Resolution, b.Resolution)
	a.Satisfaction = addRate(a.Satisfaction, b.Satisfaction)
	a.Bookings += b.Bookings
	a.BookingsApproved += b.BookingsApproved
	a.BookingsArrived += b.BookingsArrived
	a.BookingsPending += b.BookingsPending
	a.BookingsCancelled += b.BookingsCancelled
	a.BookingsRejected += b.BookingsRejected
	a.NoShows += b.NoShows
	a.BookedTime += b.BookedTime
	a.VisitSources = addSources(a.VisitSources, b.VisitSources)
	a.RequestSources = addSources(a.RequestSources, b.RequestSources)
	a.BookingSources = addSources(a.BookingSources, b.BookingSources)
	if s.Summary.ByPurpose == nil {
		s.Summary.ByPurpose = slices.Clone(o.ByPurpose)
		s.Summary.ByCategory = slices.Clone(o.ByCategory)
		return
	}
	for i, p := range o.ByPurpose {
		s.Summary.ByPurpose[i].Visits += p.Visits
		s.Summary.ByPurpose[i].Headcount += p.Headcount
	}
	for i, c := range o.ByCategory {
		t := &s.Summary.ByCategory[i]
		t.Received += c.Received
		t.Resolved += c.Resolved
		t.Overdue += c.Overdue
		t.Response = addRate(t.Response, c.Response)
		t.Resolution = addRate(t.Resolution, c.Resolution)
		t.Satisfaction = addRate(t.Satisfaction, c.Satisfaction)
	}
}

// addRequests adds b's request counts and response rate into a; the
// resolution and satisfaction rates follow from the counts.
func addRequests(a *store.Figures, b store.Figures) {
	a.RequestsReceived += b.RequestsReceived
	a.Urgent += b.Urgent
	a.Resolved += b.Resolved
	a.Rejected += b.Rejected
	a.Transferred += b.Transferred
	a.Open += b.Open
	a.Overdue += b.Overdue
	a.Satisfied += b.Satisfied
	a.FairlySatisfied += b.FairlySatisfied
	a.Unsatisfied += b.Unsatisfied
	a.Response = addRate(a.Response, b.Response)
}

func addRate(a, b store.Rate) store.Rate { return store.Rate{Num: a.Num + b.Num, Den: a.Den + b.Den} }

func addSources(a, b store.SourceCount) store.SourceCount {
	return store.SourceCount{Desk: a.Desk + b.Desk, Kiosk: a.Kiosk + b.Kiosk}
}
