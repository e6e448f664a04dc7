package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// LogRows reads the records of a log's days one at a time, in the log's read
// transaction: the visits, requests and bookings DailyLog would list, in the
// same order, without the voided ones. Each list can be read more than once
// (the text layout measures its columns before it prints them); every read
// sees the same snapshot.
type LogRows struct {
	t          *tx
	start, end time.Time
	voided     map[string]map[int64]bool // by kind, the records of the days voided
	// counted reads only the columns the log's figures count (countColumns):
	// the pass that counts them reads a third of the text.
	counted bool
}

// The columns a log's figures count, of a visit, a request (and its first
// handling) and a booking; the fields of the other columns stay empty.
const (
	countVisit   = `id, visitor_id, purpose, party_member, headcount, checked_in_at, checked_out_at, auto_closed, source`
	countRequest = `id, community, category, urgency, promised_by, respond_by, status, satisfaction, source, created_at, ` + firstResponse
	countBooking = `b.id, b.venue_id, COALESCE(b.series_id, 0), b.start_at, b.end_at, b.status, b.arrived_at, b.source`
)

// countScan reads rows of the count columns into one reused target.
type countScan struct {
	col  [11]any
	dest [11]any
}

func newCountScan() *countScan {
	s := new(countScan)
	for i := range s.col {
		s.dest[i] = &s.col[i]
	}
	return s
}

func (s *countScan) visit(r interface{ Scan(...any) error }) (Visit, error) {
	if err := r.Scan(s.dest[:9]...); err != nil {
		return Visit{}, err
	}
	c := &s.col
	return Visit{ID: colInt(c[0]), VisitorID: colInt(c[1]), Purpose: colText(c[2]), PartyMember: colInt(c[3]) != 0,
		Headcount: int(colInt(c[4])), CheckedInAt: colTime(c[5]), CheckedOutAt: colTime(c[6]), AutoClosed: colInt(c[7]) != 0,
		Source: colText(c[8])}, nil
}

func (s *countScan) request(t *tx, today Day, r *sql.Rows) (LogRequest, error) {
	if err := r.Scan(s.dest[:11]...); err != nil {
		return LogRequest{}, err
	}
	c := &s.col
	q := Request{ID: colInt(c[0]), Community: colText(c[1]), Category: colText(c[2]), Urgency: colText(c[3]),
		RespondBy: colTime(c[5]), Status: colText(c[6]), Satisfaction: colText(c[7]), Source: colText(c[8]), CreatedAt: colTime(c[9])}
	q.PromisedBy, _ = ParseDay(colText(c[4]))
	q.Overdue = !Done(q.Status) && q.PromisedBy.Before(today)
	return t.logRequest(q, colTime(c[10])), nil
}

func (s *countScan) booking(r interface{ Scan(...any) error }) (Booking, error) {
	if err := r.Scan(s.dest[:8]...); err != nil {
		return Booking{}, err
	}
	c := &s.col
	return Booking{ID: colInt(c[0]), VenueID: colInt(c[1]), SeriesID: colInt(c[2]), Start: colTime(c[3]), End: colTime(c[4]),
		Status: colText(c[5]), ArrivedAt: colTime(c[6]), Source: colText(c[7])}, nil
}

// Visits calls yield with each visit checked in on the log's days, in
// check-in order, and stops at the first error yield returns.
func (r *LogRows) Visits(yield func(Visit) error) error {
	cols, scan := visitColumns, newVisitScan().scan
	if r.counted {
		cols, scan = countVisit, newCountScan().visit
	}
	rows, err := r.t.Query("SELECT "+cols+" FROM visits "+visitsOfSpan,
		unix(r.start), unix(r.end))
	if err != nil {
		return fmt.Errorf("query visits: %w", err)
	}
	defer rows.Close()
	return eachRow(rows, "visit", r.voided[KindVisit], func() (Visit, int64, error) {
		v, err := scan(rows)
		return v, v.ID, err
	}, yield)
}

// eachRow reads rows with scan, which returns a record and its id, and
// yields each one but those in skip, the reading piped beside the
// yielding; what names the records in errors.
func eachRow[T any](rows *sql.Rows, what string, skip map[int64]bool, scan func() (T, int64, error), yield func(T) error) error {
	return piped(func(emit func(T) bool) error {
		for rows.Next() {
			x, id, err := scan()
			if err != nil {
				return fmt.Errorf("scan %s: %w", what, err)
			}
			if !skip[id] && !emit(x) {
				return nil
			}
		}
		return rows.Err()
	}, yield)
}

// The records in flight between piped's two goroutines: at most
// pipeDepth+1 batches of pipeBatch, whatever the number of rows.
const (
	pipeBatch = 256
	pipeDepth = 4
)

// piped runs scan, which reads rows and hands each record to emit, on a
// goroutine of its own, and calls yield with the records in their order on
// this one: SQLite steps and scans the next rows while the caller counts
// and lays out the last, on the machine's other core. scan stops when emit
// returns false, which it does once yield has failed; piped returns
// yield's error, else scan's.
func piped[T any](scan func(emit func(T) bool) error, yield func(T) error) error {
	batches := make(chan []T, pipeDepth)
	free := make(chan []T, pipeDepth+2)
	stop := make(chan struct{})
	var scanErr error
	go func() {
		defer close(batches)
		batch := make([]T, 0, pipeBatch)
		send := func() bool {
			select {
			case batches <- batch:
			case <-stop:
				return false
			}
			select {
			case batch = <-free:
			default:
				batch = make([]T, 0, pipeBatch)
			}
			return true
		}
		scanErr = scan(func(x T) bool {
			batch = append(batch, x)
			return len(batch) < pipeBatch || send()
		})
		if len(batch) > 0 { // what was read before an error too, as a plain loop would yield it
			send()
		}
	}()
	var err error
	for batch := range batches {
		for i := 0; i < len(batch) && err == nil; i++ {
			if err = yield(batch[i]); err != nil {
				close(stop)
			}
		}
		clear(batch)
		select {
		case free <- batch[:0]:
		default:
		}
	}
	if err != nil {
		return err
	}
	return scanErr
}

// The records of a span of time, in the log's order: by when they happened,
// then (a booking) by venue, then by id; each order is its index's
// (visits_in, requests_created, bookings_start: 0015), so SQLite reads the
// rows in order and sorts nothing.
const (
	visitsOfSpan   = "WHERE checked_in_at >= ? AND checked_in_at < ? ORDER BY checked_in_at, id"
	requestsOfSpan = "WHERE created_at >= ? AND created_at < ? ORDER BY created_at, id"
	bookingsOfSpan = "WHERE b.start_at >= ? AND b.start_at < ? ORDER BY b.start_at, b.venue_id, b.id"
)

// firstResponse is the column of a request's first handling: its first
// status change (logRequests reads the same for a whole period at once).
const firstResponse = `(SELECT MIN(e.at) FROM request_events e WHERE e.request_id = requests.id AND e.from_status <> '')`

// withFirst scans a request's columns and then its firstResponse.
type withFirst struct {
	rows  *sql.Rows
	first sql.NullInt64
}

func (w *withFirst) Scan(dest ...any) error { return w.rows.Scan(append(dest, &w.first)...) }

// Requests calls yield with each request received on the log's days, in
// the order received, with when it was first handled; it stops at the
// first error yield returns.
func (r *LogRows) Requests(yield func(LogRequest) error) error {
	if !r.counted {
		return r.t.eachRequest(requestsOfSpan, []any{unix(r.start), unix(r.end)}, r.voided[KindRequest], yield)
	}
	rows, err := r.t.Query("SELECT "+countRequest+" FROM requests "+requestsOfSpan, unix(r.start), unix(r.end))
	if err != nil {
		return fmt.Errorf("query requests: %w", err)
	}
	defer rows.Close()
	s, today, skip := newCountScan(), r.t.db.DayOf(r.t.now), r.voided[KindRequest]
	return eachRow(rows, "request", skip, func() (LogRequest, int64, error) {
		q, err := s.request(r.t, today, rows)
		return q, q.ID, err
	}, yield)
}

// eachRequest calls yield with each request query picks but those in skip,
// as the log shows them.
func (t *tx) eachRequest(query string, args []any, skip map[int64]bool, yield func(LogRequest) error) error {
	rows, err := t.Query("SELECT "+requestColumns+", "+firstResponse+" FROM requests "+query, args...)
	if err != nil {
		return fmt.Errorf("query requests: %w", err)
	}
	defer rows.Close()
	s := &withFirst{rows: rows}
	scan := t.newRequestScan()
	return eachRow(rows, "request", skip, func() (LogRequest, int64, error) {
		q, err := scan.scan(s)
		return t.logRequest(q, fromNullUnix(s.first)), q.ID, err
	}, yield)
}

// Bookings calls yield with each booking starting on the log's days, by
// start, and stops at the first error yield returns.
func (r *LogRows) Bookings(yield func(Booking) error) error {
	cols, scan := bookingColumns, scanBooking
	if r.counted {
		cols, scan = countBooking, newCountScan().booking
	}
	rows, err := r.t.Query("SELECT "+cols+bookingFrom+bookingsOfSpan,
		unix(r.start), unix(r.end))
	if err != nil {
		return fmt.Errorf("query bookings: %w", err)
	}
	defer rows.Close()
	return eachRow(rows, "booking", r.voided[KindBooking], func() (Booking, int64, error) {
		b, err := scan(rows)
		return b, b.ID, err
	}, yield)
}

// StreamLog reads the log of the days from..to as DailyLog does, or with
// period as PeriodLog does, in one read transaction, without holding its
// records: the log fn gets has everything but Visits, Requests and
// Bookings, which stay nil; its summary, day rows and rankings are counted
// in one pass over them. fn then reads the records through rows, in the same
// snapshot. What StreamLog holds grows with the days, the venues, the
// distinct people, the voided records and the open backlog, never with the
// visits, requests or bookings.
//
// watch, when not nil, sees each record of the days as it is counted,
// before fn: a writer that must measure its rows before it prints them
// (the text layout) measures them there, in the same pass.
func (db *DB) StreamLog(ctx context.Context, from, to Day, period bool, watch *LogWatch, fn func(l *DailyLog, rows *LogRows) error) error {
	if err := checkPeriod(from, to); err != nil {
		return err
	}
	l := db.newLog(from, to)
	var aside *asideRead
	if period {
		// The previous period is counted on a second connection, beside
		// this one, if it reads the same snapshot (asideRead).
		aside = db.openAside(ctx)
		defer aside.close()
	}
	return db.read(ctx, func(t *tx) error {
		if err := t.begin(l); err != nil {
			return err
		}
		var prev <-chan previousCount
		if aside != nil {
			prev = aside.start(ctx, t, func(b *tx) (Figures, error) { return b.previousFigures(db, from, to) })
		}
		var counted *previousCount
		wait := func() previousCount {
			if counted == nil {
				r := <-prev
				counted = &r
			}
			return *counted
		}
		if prev != nil {
			defer wait() // its transaction ends before the connection goes back
		}
		rows, voided, err := t.logRows(db, from, to)
		if err != nil {
			return err
		}
		l.Voided = voided
		bl := &DailyLog{}
		if err := t.backlog(bl, db.DayOf(t.now), rows.start, -1); err != nil {
			return err
		}
		if err := t.dropVoided(bl); err != nil {
			return err
		}
		l.Backlog = bl.Backlog
		venues, err := t.venues()
		if err != nil {
			return err
		}
		if period {
			if l.Period, err = t.streamPeriod(db, from, to); err != nil {
				return err
			}
		}
		// The previous period's figures go in before fn, as counted aside
		// or, when the second connection could not be sure of reading this
		// snapshot, here after the log's own pass.
		previous := func() error {
			if !period {
				return nil
			}
			if prev != nil {
				r := wait()
				l.Period.Previous.Figures = r.f
				return r.err
			}
			l.Period.Previous.Figures, err = t.previousFigures(db, from, to)
			return err
		}
		c := newLogCounter(db, l, venues)
		var w LogWatch
		count := *rows
		if watch != nil {
			w = *watch
		} else {
			count.counted = true // nothing but the counter sees the records
		}
		if err := count.each(func(v Visit) error {
			c.visit(v)
			if w.Visit != nil {
				w.Visit(v)
			}
			return nil
		}, func(r LogRequest) error {
			c.request(r)
			if w.Request != nil {
				w.Request(r)
			}
			return nil
		}, func(b Booking) error {
			c.booking(b)
			if w.Booking != nil {
				w.Booking(b)
			}
			return nil
		}); err != nil {
			return err
		}
		if err := previous(); err != nil {
			return err
		}
		c.finish()
		return fn(l, rows)
	})
}

// asideRead is a second read connection for a part of a log counted
// beside its main pass, on the other core. It may only be used when it
// reads the main transaction's very snapshot. SQLite's data_version, read
// twice on the aside connection, changes if any other connection committed
// in between; the first reading comes before the main transaction's
// snapshot is taken and the second is the aside transaction's own, so when
// the two agree nothing was committed between them and both transactions
// read the same file. When they differ, or the connection cannot be had,
// the part is read in the main transaction instead.
type asideRead struct {
	conn    *sql.Conn
	version int64
}

// openAside takes the connection and its first reading, before the main
// transaction starts; nil when there is none to take.
func (db *DB) openAside(ctx context.Context) *asideRead {
	conn, err := db.r.Conn(ctx)
	if err != nil {
		return nil
	}
	a := &asideRead{conn: conn}
	if err := conn.QueryRowContext(ctx, "PRAGMA data_version").Scan(&a.version); err != nil {
		conn.Close()
		return nil
	}
	return a
}

func (a *asideRead) close() {
	if a != nil {
		a.conn.Close()
	}
}

// previousCount is what the aside read returns.
type previousCount struct {
	f   Figures
	err error
}

// start runs count in a read transaction of its own, on its own
// goroutine, when that reads t's snapshot, and returns where its answer
// comes; nil when the snapshots may differ, and the caller counts in t.
func (a *asideRead) start(ctx context.Context, t *tx, count func(*tx) (Figures, error)) <-chan previousCount {
	if a == nil {
		return nil
	}
	// A statement that reads the file takes t's snapshot, if its reads
	// so far have not.
	var v int64
	if err := t.Tx.QueryRow("PRAGMA data_version").Scan(&v); err != nil {
		return nil
	}
	sqlTx, err := a.conn.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil
	}
	var now int64
	if err := sqlTx.QueryRow("PRAGMA data_version").Scan(&now); err != nil || now != a.version {
		sqlTx.Rollback()
		return nil
	}
	out := make(chan previousCount, 1)
	go func() {
		defer sqlTx.Rollback()
		f, err := count(&tx{Tx: sqlTx, db: t.db, now: t.now})
		out <- previousCount{f, translate(err)}
	}()
	return out
}

// LogWatch is what sees StreamLog's records as they are counted; any of
// its functions may be nil.
type LogWatch struct {
	Visit   func(Visit)
	Request func(LogRequest)
	Booking func(Booking)
}

// each reads the three lists in turn.
func (r *LogRows) each(visit func(Visit) error, request func(LogRequest) error, booking func(Booking) error) error {
	if err := r.Visits(visit); err != nil {
		return err
	}
	if err := r.Requests(request); err != nil {
		return err
	}
	return r.Bookings(booking)
}

// logRows is the rows of the days from..to, with the records of those days
// voided, in the order dropVoided lists them.
func (t *tx) logRows(db *DB, from, to Day) (*LogRows, []Voided, error) {
	r := &LogRows{t: t, voided: map[string]map[int64]bool{}}
	r.start, _ = db.Bounds(from)
	_, r.end = db.Bounds(to)
	// CROSS JOIN keeps voids outside: there are few of them, and the days
	// may hold hundreds of thousands of records.
	var out []Voided
	for _, q := range []struct{ kind, query string }{
		{KindVisit, `SELECT v.record_id, v.at, v.actor, v.reason, x.receipt_no, x.name, x.purpose, x.headcount
			FROM voids v CROSS JOIN visits x ON x.id = v.record_id
			WHERE v.kind = 'visit' AND x.checked_in_at >= ? AND x.checked_in_at < ? ORDER BY x.checked_in_at, x.id`},
		{KindRequest, `SELECT v.record_id, v.at, v.actor, v.reason, x.receipt_no, x.name, x.category, 0
			FROM voids v CROSS JOIN requests x ON x.id = v.record_id
			WHERE v.kind = 'request' AND x.created_at >= ? AND x.created_at < ? ORDER BY x.created_at, x.id`},
		{KindBooking, `SELECT v.record_id, v.at, v.actor, v.reason, x.receipt_no, x.org, x.title, x.attendees
			FROM voids v CROSS JOIN bookings x ON x.id = v.record_id
			WHERE v.kind = 'booking' AND x.start_at >= ? AND x.start_at < ? ORDER BY x.start_at, x.venue_id, x.id`},
	} {
		r.voided[q.kind] = map[int64]bool{}
		rows, err := t.Query(q.query, unix(r.start), unix(r.end))
		if err != nil {
			return nil, nil, fmt.Errorf("list voids: %w", err)
		}
		for rows.Next() {
			v := Voided{Void: Void{Kind: q.kind}}
			var at int64
			if err := rows.Scan(&v.RecordID, &at, &v.Actor, &v.Reason, &v.ReceiptNo, &v.Name, &v.Summary, &v.Headcount); err != nil {
				rows.Close()
				return nil, nil, fmt.Errorf("scan void: %w", err)
			}
			v.At = fromUnix(at)
			r.voided[q.kind][v.RecordID] = true
			out = append(out, v)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, nil, err
		}
	}
	return r, out, nil
}

// previousFigures counts the figures of the period before from..to as
// PeriodLog does, but the voided records, in three aggregate queries: the
// comparison needs the totals alone, and SQLite adds them up without a row
// crossing into Go. A year's previous period took a second of the year's
// report when its records were read and tallied one by one.
// TestPreviousFiguresAsTallied holds the sums to tallier's counting.
func (t *tx) previousFigures(db *DB, from, to Day) (Figures, error) {
	pf, pt := PreviousPeriod(from, to)
	start, _ := db.Bounds(pf)
	_, end := db.Bounds(pt)
	var f Figures
	var kiosk int
	var serviceSeconds int64
	if err := t.QueryRow(sumVisits, unix(start), unix(end)).Scan(&f.Visits, &f.Visitors, &f.Volunteers, &f.Headcount,
		&f.PartyMembers, &f.ServiceVisits, &serviceSeconds, &kiosk); err != nil {
		return Figures{}, fmt.Errorf("sum visits: %w", err)
	}
	f.ServiceTime = time.Duration(serviceSeconds) * time.Second
	f.VisitSources = fromKiosk(f.Visits, kiosk)

	// A request is late once now, whole seconds (db.read), is past its
	// respond_by (logRequest).
	if err := t.QueryRow(sumRequests, db.DayOf(t.now).String(), unix(t.now), unix(start), unix(end)).Scan(&f.RequestsReceived, &kiosk,
		&f.Urgent, &f.Resolved, &f.Rejected, &f.Transferred, &f.Overdue, &f.Satisfied, &f.FairlySatisfied, &f.Unsatisfied,
		&f.Response.Num, &f.Response.Den); err != nil {
		return Figures{}, fmt.Errorf("sum requests: %w", err)
	}
	f.Open = f.RequestsReceived - f.Resolved - f.Rejected
	f.RequestSources = fromKiosk(f.RequestsReceived, kiosk)

	var bookedSeconds int64
	if err := t.QueryRow(sumBookings, unix(start), unix(end)).Scan(&f.Bookings, &f.Series, &kiosk, &f.SeriesDates,
		&f.BookingsApproved, &bookedSeconds, &f.BookingsArrived, &f.BookingsPending, &f.BookingsCancelled,
		&f.BookingsRejected, &f.NoShows); err != nil {
		return Figures{}, fmt.Errorf("sum bookings: %w", err)
	}
	f.BookedTime = time.Duration(bookedSeconds) * time.Second
	f.BookingSources = fromKiosk(f.Bookings, kiosk)
	f.DeriveRates()
	return f, nil
}

// fromKiosk is the sources of n records, kiosk of them from the kiosk: the
// others are the desk's, as SourceCount.add counts them.
func fromKiosk(n, kiosk int) SourceCount { return SourceCount{Desk: n - kiosk, Kiosk: kiosk} }

// The sums of previousFigures, each what tallier counts of a visit, a
// request or a booking, over the records of a span but the voided ones.
// A request counts as open but the done ones.
var (
	serviceVisit = "(" + servicePurposeIn("") + " AND checked_out_at > checked_in_at AND auto_closed = 0)"
	sumVisits    = "SELECT COUNT(*), COUNT(DISTINCT visitor_id), COUNT(DISTINCT CASE WHEN " + serviceVisit + " THEN visitor_id END), " +
		sums("headcount", "party_member <> 0", serviceVisit, "CASE WHEN "+serviceVisit+" THEN checked_out_at - checked_in_at END",
			"source = '"+SourceKiosk+"'") +
		" FROM visits WHERE checked_in_at >= ?1 AND checked_in_at < ?2 AND " + notVoided(KindVisit, "id")
	// MATERIALIZED: SQLite would otherwise put the first handling's
	// subquery in each of the two sums that read it, and seek it twice.
	sumRequests = "WITH r AS MATERIALIZED (SELECT source, urgency, status, promised_by, satisfaction, respond_by, " + firstResponse + " AS first" +
		" FROM requests WHERE created_at >= ?3 AND created_at < ?4 AND " + notVoided(KindRequest, "id") + ")" +
		" SELECT COUNT(*), " + sums("source = '"+SourceKiosk+"'", "urgency = 'urgent'",
		"status IN ('"+StatusResolved+"', '"+StatusClosed+"')", "status = '"+StatusRejected+"'", "status = '"+StatusTransferred+"'",
		openStatusIn+" AND promised_by < ?1", "satisfaction = 'satisfied'", "satisfaction = 'basic'", "satisfaction = 'unsatisfied'",
		"first <= respond_by", "first IS NOT NULL OR respond_by < ?2") + " FROM r"
	sumBookings = "SELECT COUNT(*), COUNT(DISTINCT NULLIF(b.series_id, 0)), " + sums("b.source = '"+SourceKiosk+"'",
		"COALESCE(b.series_id, 0) <> 0", "b.status = '"+BookingApproved+"'",
		"CASE WHEN b.status = '"+BookingApproved+"' THEN b.end_at - b.start_at END",
		"b.status = '"+BookingApproved+"' AND b.arrived_at IS NOT NULL", "b.status = '"+BookingPending+"'",
		"b.status = '"+BookingCancelled+"'", "b.status = '"+BookingRejected+"'", "b.status = '"+BookingNoShow+"'") +
		bookingFrom + "WHERE b.start_at >= ?1 AND b.start_at < ?2 AND " + notVoided(KindBooking, "b.id")
)

// notVoided is the SQL predicate "the record id, of kind, is not voided".
func notVoided(kind, id string) string {
	return id + " NOT IN (SELECT record_id FROM voids WHERE kind = '" + kind + "')"
}

// sums is the SQL columns of the sums of terms, 0 over no rows.
func sums(terms ...string) string {
	out := make([]string, len(terms))
	for i, x := range terms {
		out[i] = "IFNULL(SUM(" + x + "), 0)"
	}
	return strings.Join(out, ", ")
}

// errEnough stops a read that has what it needs.
var errEnough = errors.New("enough")

// streamPeriod is PeriodLog's comparison but the previous period's
// figures (previousFigures): the periods and the open requests waiting
// longest. The rankings are counted with the log (logCounter.finish).
func (t *tx) streamPeriod(db *DB, from, to Day) (*Period, error) {
	p := &Period{}
	p.Previous.From, p.Previous.To = PreviousPeriod(from, to)
	// The open requests, oldest first, but the voided ones: the first TopN.
	_, last := db.Bounds(to)
	voided, err := t.Prepare("SELECT COUNT(*) FROM voids WHERE kind = 'request' AND record_id = ?")
	if err != nil {
		return nil, err
	}
	defer voided.Close()
	err = t.eachRequest("WHERE "+openStatusIn+" AND created_at < ? ORDER BY created_at, id", []any{unix(last)}, nil, func(r LogRequest) error {
		var n int
		if err := voided.QueryRow(r.ID).Scan(&n); err != nil {
			return fmt.Errorf("void of request %d: %w", r.ID, err)
		}
		if n == 0 {
			p.SlowestOpen = append(p.SlowestOpen, r.Request)
		}
		if len(p.SlowestOpen) == TopN {
			return errEnough
		}
		return nil
	})
	if err != nil && err != errEnough {
		return nil, err
	}
	return p, nil
}
