package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// LogRows reads the records of a log's days one at a time, in the snapshot
// of the log's read transaction: the visits, requests and bookings DailyLog
// would list, in the same order, without the voided ones. They are read on
// the bulk reader (bulkConn) when it reads that very snapshot, else in the
// transaction. Each list can be read more than once; every read sees the
// same snapshot.
type LogRows struct {
	t          *tx
	ctx        context.Context
	bulk       *bulkConn // where the lists are read, when not nil; else in t
	start, end time.Time
	voided     map[string]map[int64]bool // by kind, the records of the days voided
	// counted reads only the columns the log's figures count (countColumns):
	// the pass that counts them reads a third of the text.
	counted bool
}

// The columns a log's figures count, of a visit, a request (Requests adds
// its first handling) and a booking; the fields of the other columns stay
// empty.
const (
	countVisit   = `id, visitor_id, purpose, party_member, headcount, checked_in_at, checked_out_at, auto_closed, source`
	countRequest = `id, community, category, urgency, promised_by, respond_by, status, satisfaction, source, created_at`
	countBooking = `b.id, b.venue_id, COALESCE(b.series_id, 0), b.start_at, b.end_at, b.status, b.arrived_at, b.source`
)

// countedVisit, countedRequest and countedBooking are the records of rows
// of the count columns; today is the day by which a request is overdue.
func countedVisit(c cols) Visit {
	return Visit{ID: c.num(0), VisitorID: c.num(1), Purpose: c.str(2), PartyMember: c.num(3) != 0,
		Headcount: int(c.num(4)), CheckedInAt: c.at(5), CheckedOutAt: c.at(6), AutoClosed: c.num(7) != 0,
		Source: c.str(8)}
}

func countedRequest(c cols, today Day) Request {
	q := Request{ID: c.num(0), Community: c.str(1), Category: c.str(2), Urgency: c.str(3),
		RespondBy: c.at(5), Status: c.str(6), Satisfaction: c.str(7), Source: c.str(8), CreatedAt: c.at(9)}
	q.PromisedBy, _ = ParseDay(c.str(4))
	q.Overdue = !Done(q.Status) && q.PromisedBy.Before(today)
	return q
}

func countedBooking(c cols) Booking {
	return Booking{ID: c.num(0), VenueID: c.num(1), SeriesID: c.num(2), Start: c.at(3), End: c.at(4),
		Status: c.str(5), ArrivedAt: c.at(6), Source: c.str(7)}
}

// Visits calls yield with each visit checked in on the log's days, in
// check-in order, and stops at the first error yield returns.
func (r *LogRows) Visits(yield func(Visit) error) error {
	list, of := visitColumns, visitOf
	if r.counted {
		list, of = countVisit, countedVisit
	}
	return readList(r, "SELECT "+list+" FROM visits "+visitsOfSpan, "visit", KindVisit, func(c cols) (Visit, int64) {
		v := of(c)
		return v, v.ID
	}, yield)
}

// query runs a query of the log's span (its two arguments) on the bulk
// reader, when the log has one, else in the log's transaction.
func (r *LogRows) query(query string) (rowSource, func(), error) {
	if r.bulk != nil {
		rows, err := r.bulk.query(r.ctx, query, unix(r.start), unix(r.end))
		if err != nil {
			return nil, nil, err
		}
		return rows, rows.close, nil
	}
	return r.t.rowsOf(query, unix(r.start), unix(r.end))
}

// rowsOf runs query in the transaction, its rows a rowSource.
func (t *tx) rowsOf(query string, args ...any) (rowSource, func(), error) {
	rows, err := t.Query(query, args...)
	if err != nil {
		return nil, nil, err
	}
	names, err := rows.Columns()
	if err != nil {
		rows.Close()
		return nil, nil, err
	}
	return newSQLRows(rows, len(names)), func() { rows.Close() }, nil
}

// readList reads the records of kind the log's span query picks, each
// made of its row by of, and yields them but the voided ones; what names
// them in errors.
func readList[T any](r *LogRows, query, what, kind string, of func(cols) (T, int64), yield func(T) error) error {
	src, done, err := r.query(query)
	if err != nil {
		return fmt.Errorf("query %ss: %w", what, err)
	}
	defer done()
	return eachRow(src, what, r.voided[kind], of, yield)
}

// eachRow reads src's rows, makes each one's record and id with of, and
// yields each record but those in skip, the reading piped beside the
// yielding; what names the records in errors.
func eachRow[T any](src rowSource, what string, skip map[int64]bool, of func(cols) (T, int64), yield func(T) error) error {
	return piped(func(emit func(T) bool) error {
		for src.next() {
			x, id := of(src)
			if !skip[id] && !emit(x) {
				return nil
			}
		}
		if err := src.err(); err != nil {
			return fmt.Errorf("read %s: %w", what, err)
		}
		return nil
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

// Requests calls yield with each request received on the log's days, in
// the order received, with when it was first handled; it stops at the
// first error yield returns.
func (r *LogRows) Requests(yield func(LogRequest) error) error {
	list, of, first := requestColumns, requestOf, nRequestColumns
	if r.counted {
		list, of, first = countRequest, countedRequest, columnCount(countRequest)
	}
	today := r.t.db.DayOf(r.t.now)
	return readList(r, "SELECT "+list+", "+firstResponse+" FROM requests "+requestsOfSpan, "request", KindRequest,
		func(c cols) (LogRequest, int64) {
			q := of(c, today)
			return r.t.logRequest(q, c.at(first)), q.ID
		}, yield)
}

// eachRequest calls yield with each request query picks, in the
// transaction, as the log shows them.
func (t *tx) eachRequest(query string, args []any, yield func(LogRequest) error) error {
	src, done, err := t.rowsOf("SELECT "+requestColumns+", "+firstResponse+" FROM requests "+query, args...)
	if err != nil {
		return fmt.Errorf("query requests: %w", err)
	}
	defer done()
	today := t.db.DayOf(t.now)
	return eachRow(src, "request", nil, func(c cols) (LogRequest, int64) {
		q := requestOf(c, today)
		return t.logRequest(q, c.at(nRequestColumns)), q.ID
	}, yield)
}

// Bookings calls yield with each booking starting on the log's days, by
// start, and stops at the first error yield returns.
func (r *LogRows) Bookings(yield func(Booking) error) error {
	list, of := bookingColumns, bookingOf
	if r.counted {
		list, of = countBooking, countedBooking
	}
	return readList(r, "SELECT "+list+bookingFrom+bookingsOfSpan, "booking", KindBooking, func(c cols) (Booking, int64) {
		b := of(c)
		return b, b.ID
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
	// The lists are read on the bulk reader, when it reads this
	// transaction's snapshot.
	bulk := db.openBulk()
	defer bulk.close()
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
		rows.ctx, rows.bulk = ctx, bulk.begin(t)
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
	var sqlTx *sql.Tx
	if !t.sameSnapshot(a.version, func() (v int64, err error) {
		if sqlTx, err = a.conn.BeginTx(ctx, &sql.TxOptions{ReadOnly: true}); err == nil {
			err = sqlTx.QueryRow("PRAGMA data_version").Scan(&v)
		}
		return v, err
	}) {
		if sqlTx != nil {
			sqlTx.Rollback()
		}
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

// sameSnapshot reports whether a second connection's transaction reads t's
// snapshot (asideRead): before is the connection's data_version read before
// t began, and begin begins its transaction and returns the data_version
// read in it.
func (t *tx) sameSnapshot(before int64, begin func() (int64, error)) bool {
	// A statement that reads the file takes t's snapshot, if its reads
	// so far have not.
	var v int64
	if err := t.Tx.QueryRow("PRAGMA data_version").Scan(&v); err != nil {
		return false
	}
	now, err := begin()
	return err == nil && now == before
}

// bulkRead is a bulk connection (bulkConn) for a log's lists, used, as
// asideRead, only when it reads the log transaction's snapshot.
type bulkRead struct {
	c       *bulkConn
	version int64
	begun   bool
}

// openBulk opens the connection and takes its first reading, before the
// main transaction starts; nil when it cannot.
func (db *DB) openBulk() *bulkRead {
	if db.readDSN == "" {
		return nil
	}
	c, err := openBulkConn(db.readDSN)
	if err != nil {
		return nil
	}
	b := &bulkRead{c: c}
	if b.version, err = c.version(); err != nil {
		c.close()
		return nil
	}
	return b
}

// begin begins the bulk connection's read transaction and returns the
// connection when it reads t's snapshot; nil (and the lists are read in
// t) when it may not.
func (b *bulkRead) begin(t *tx) *bulkConn {
	if b == nil {
		return nil
	}
	if !t.sameSnapshot(b.version, func() (int64, error) {
		if _, err := b.c.run("BEGIN"); err != nil {
			return 0, err
		}
		b.begun = true
		return b.c.version()
	}) {
		return nil
	}
	return b.c
}

func (b *bulkRead) close() {
	if b == nil {
		return
	}
	if b.begun {
		b.c.run("ROLLBACK")
	}
	b.c.close()
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
	err = t.eachRequest("WHERE "+openStatusIn+" AND created_at < ? ORDER BY created_at, id", []any{unix(last)}, func(r LogRequest) error {
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
