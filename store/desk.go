package store

import (
	"context"
	"fmt"
	"sort"
	"time"

	"frontdesk/lang"
)

// Submission is a record that came in from the kiosk: a check-in, a request
// or a booking, as the desk lists the newest of them.
type Submission struct {
	Kind      string // KindVisit, KindRequest or KindBooking
	ID        int64
	ReceiptNo string
	Name      string // the visitor, the requester or the organisation
	Summary   string // purpose, category or title code/text
	Status    string
	CreatedAt time.Time
	// At is when the record happens: a booking's start; a visit's or a
	// request's creation.
	At time.Time
}

// kioskWindow bounds how far back KioskSubmissions looks, so the scan of
// each table's time index stays short on a large database.
const kioskWindow = 7 * 24 * time.Hour

// KioskSubmissions returns the newest records the kiosk created in the last
// week, newest first, at most limit of them.
func (db *DB) KioskSubmissions(ctx context.Context, limit int) ([]Submission, error) {
	if limit <= 0 {
		limit = 10
	}
	var out []Submission
	err := db.read(ctx, func(t *tx) error {
		since := unix(t.now.Add(-kioskWindow))
		for _, kind := range []string{KindVisit, KindRequest, KindBooking} {
			q := kioskSelect[kind]
			if err := t.submissions(&out, kind, `SELECT `+q.cols+` FROM `+q.table+` WHERE `+q.at+` >= ? AND source = '`+SourceKiosk+`' ORDER BY `+q.at+` DESC LIMIT ?`,
				since, limit); err != nil {
				return err
			}
		}
		return nil
	})
	return newestFirst(out, limit), err
}

// kioskSelect is, per kind, a Submission's columns, the table they come
// from and the column its newest are ordered by.
var kioskSelect = map[string]struct {
	cols, table, at string
	what            lang.Text
}{
	KindVisit: {`id, receipt_no, name, purpose, CASE WHEN checked_out_at IS NULL THEN 'in' ELSE 'out' END, created_at, created_at`,
		"visits", "checked_in_at", lang.Visit},
	KindRequest: {`id, receipt_no, name, category, status, created_at, created_at`, "requests", "created_at", lang.Request},
	KindBooking: {`id, receipt_no, org, title, status, created_at, start_at`, "bookings", "created_at", lang.Booking},
}

// KioskSubmission returns the kiosk record kind/id as KioskSubmissions would
// list it: one read by its key, for the desk that heard it arrive. A record
// that is not there or did not come from the kiosk is ENOTFOUND.
func (db *DB) KioskSubmission(ctx context.Context, kind string, id int64) (Submission, error) {
	q, ok := kioskSelect[kind]
	if !ok {
		return Submission{}, fmt.Errorf("kiosk submission: unknown kind %q", kind)
	}
	var out []Submission
	err := db.read(ctx, func(t *tx) error {
		return t.submissions(&out, kind, `SELECT `+q.cols+` FROM `+q.table+` WHERE id = ? AND source = '`+SourceKiosk+`'`, id)
	})
	if err != nil {
		return Submission{}, err
	}
	if len(out) == 0 {
		return Submission{}, notFound(q.what)
	}
	return out[0], nil
}

// submissions appends the rows of query (id, receipt, name, summary,
// status, created, at) to out as Submissions of kind.
func (t *tx) submissions(out *[]Submission, kind, query string, args ...any) error {
	rows, err := t.Query(query, args...)
	if err != nil {
		return fmt.Errorf("kiosk submissions: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		s := Submission{Kind: kind}
		var created, at int64
		if err := rows.Scan(&s.ID, &s.ReceiptNo, &s.Name, &s.Summary, &s.Status, &created, &at); err != nil {
			return err
		}
		s.CreatedAt, s.At = fromUnix(created), fromUnix(at)
		*out = append(*out, s)
	}
	return rows.Err()
}

// newestFirst sorts submissions newest first and keeps limit of them.
func newestFirst(out []Submission, limit int) []Submission {
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].CreatedAt.Equal(out[j].CreatedAt) {
			return out[i].CreatedAt.After(out[j].CreatedAt)
		}
		return out[i].ID > out[j].ID
	})
	if len(out) > limit {
		out = out[:limit]
	}
	return out
}

// KioskWaiting is what the phones sent that still waits for the desk, for
// its 待办 inbox: today's kiosk check-ins still in the building and kiosk
// requests not yet taken (kiosk bookings wait with the other pending ones).
// It returns the newest limit of them and how many there are in all.
func (db *DB) KioskWaiting(ctx context.Context, limit int) ([]Submission, int, error) {
	var out []Submission
	total := 0
	err := db.read(ctx, func(t *tx) error {
		todayStart, _ := t.db.Bounds(t.db.DayOf(t.now))
		// Each list is counted only when it filled its limit: a shorter
		// one, read in the same snapshot, is all there is.
		for _, w := range []struct {
			kind, where string
			args        []any
		}{
			{KindVisit, `checked_in_at >= ? AND checked_out_at IS NULL AND source = '` + SourceKiosk + `'`, []any{unix(todayStart)}},
			{KindRequest, `status = '` + StatusNew + `' AND source = '` + SourceKiosk + `'`, nil},
		} {
			q := kioskSelect[w.kind]
			from := ` FROM ` + q.table + ` WHERE ` + w.where
			had := len(out)
			if err := t.submissions(&out, w.kind, `SELECT `+q.cols+from+` ORDER BY `+q.at+` DESC LIMIT ?`, append(w.args, limit)...); err != nil {
				return err
			}
			n := len(out) - had
			if n >= limit {
				if err := t.QueryRow(`SELECT COUNT(*)`+from, w.args...).Scan(&n); err != nil {
					return fmt.Errorf("kiosk waiting: %w", err)
				}
			}
			total += n
		}
		return nil
	})
	return newestFirst(out, limit), total, err
}

// DeskCounts are the request counts on the desk's first screen.
type DeskCounts struct {
	Waiting   int // new, not yet taken
	Overdue   int // past the promised day and not done
	Callbacks int // resolved, awaiting the callback
}

// CountsForDesk counts waiting, overdue and callback requests with index
// range scans, so a center with years of records still opens at once.
//
// Every desk asks after every write; with many desks open (one per SSH
// session) the counts are computed once per write and shared.
func (db *DB) CountsForDesk(ctx context.Context) (DeskCounts, error) {
	return db.deskCounts.get(db, db.Today().String(), func() (DeskCounts, error) { return db.countsForDesk(ctx) })
}

// The desk's counts, built from the Go rules (StatusNew, Done, the callback
// rule) so the SQL cannot drift from them; each is an index range scan of
// requests_status (TestDeskCountPlans).
var (
	waitingCountSQL  = "SELECT COUNT(*) FROM requests WHERE status = '" + StatusNew + "'"
	overdueCountSQL  = "SELECT COUNT(*) FROM requests WHERE " + openStatusIn + " AND promised_by < ?"
	callbackCountSQL = "SELECT COUNT(*) FROM requests WHERE " + callbackDue
)

func (db *DB) countsForDesk(ctx context.Context) (DeskCounts, error) {
	var c DeskCounts
	today := db.Today().String()
	err := db.read(ctx, func(t *tx) error {
		if err := t.QueryRow(waitingCountSQL).Scan(&c.Waiting); err != nil {
			return fmt.Errorf("count waiting: %w", err)
		}
		if err := t.QueryRow(overdueCountSQL, today).Scan(&c.Overdue); err != nil {
			return fmt.Errorf("count overdue: %w", err)
		}
		if err := t.QueryRow(callbackCountSQL).Scan(&c.Callbacks); err != nil {
			return fmt.Errorf("count callbacks: %w", err)
		}
		v, err := t.voidedCounts(db.Today())
		c.Waiting, c.Overdue, c.Callbacks = c.Waiting-v.Waiting, c.Overdue-v.Overdue, c.Callbacks-v.Callbacks
		return err
	})
	return c, err
}
