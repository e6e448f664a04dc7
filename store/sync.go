package store

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"slices"
	"strconv"
	"time"
)

// The network's change feed. Every venue, visit, request and booking carries
// a change sequence that triggers set from one counter on each insert and
// update (migration 0002); the hub's side of the sync reads batches of what
// changed after the acknowledged cursor and moves the cursor only after the
// hub has committed them (the outbox pattern). The records read here are
// already minimised: no name, phone, organisation, note, description or
// status code ever leaves the center, and a visitor is a pseudonym made with
// a key that stays in this file.

// SyncVisit is a visit as the hub receives it.
type SyncVisit struct {
	Seq          int64 // the change sequence this state of the record carries
	ID           int64
	Visitor      int64 // pseudonymous: the same person gives the same number in this center only
	Purpose      string
	PartyMember  bool
	Headcount    int
	CheckedInAt  time.Time
	CheckedOutAt time.Time // zero while open
	AutoClosed   bool
	Source       string
	CreatedAt    time.Time
	Voided       bool // taken out of the counts (作废)
}

// SyncRequest is a request as the hub receives it: its category, urgency,
// status with the timestamps of its workflow, and satisfaction.
type SyncRequest struct {
	Seq          int64
	ID           int64
	Category     string
	Urgency      string
	Status       string
	PromisedBy   Day
	RespondBy    time.Time
	RespondedAt  time.Time // first handled; zero if not yet
	AcceptedAt   time.Time
	ResolvedAt   time.Time
	ClosedAt     time.Time
	Satisfaction string
	Source       string
	CreatedAt    time.Time
	UpdatedAt    time.Time
	Voided       bool
}

// SyncBooking is a booking as the hub receives it.
type SyncBooking struct {
	Seq       int64
	ID        int64
	VenueID   int64
	Purpose   string
	Attendees int
	Start     time.Time
	End       time.Time
	Status    string
	ArrivedAt time.Time
	Source    string
	CreatedAt time.Time
	Voided    bool
}

// SyncVenue is a venue as the hub receives it: the booked-hours share needs
// its opening hours.
type SyncVenue struct {
	Seq      int64
	ID       int64
	Name     string
	Capacity int
	OpensAt  Clock
	ClosesAt Clock
	Active   bool
}

// SyncBatch is a run of changes: every change with a sequence in
// (After, Upto], each record as it is now.
type SyncBatch struct {
	After, Upto int64
	Venues      []SyncVenue
	Visits      []SyncVisit
	Requests    []SyncRequest
	Bookings    []SyncBooking
}

// Len returns how many records the batch holds.
func (b *SyncBatch) Len() int {
	return len(b.Venues) + len(b.Visits) + len(b.Requests) + len(b.Bookings)
}

// SyncStatus is the state of the center's reporting to its hub.
type SyncStatus struct {
	Seq         int64 // the last change made
	Acked       int64 // the last change the hub has committed
	Pending     int   // records changed since Acked
	LastOK      time.Time
	LastError   string
	LastErrorAt time.Time
}

// SyncStatus reads how far the sync has come.
func (db *DB) SyncStatus(ctx context.Context) (SyncStatus, error) {
	var s SyncStatus
	err := db.read(ctx, func(t *tx) error {
		var ok, errAt sql.NullInt64
		if err := t.QueryRow("SELECT seq, acked, last_ok_at, last_error, last_error_at FROM sync_state").
			Scan(&s.Seq, &s.Acked, &ok, &s.LastError, &errAt); err != nil {
			return fmt.Errorf("read sync state: %w", err)
		}
		s.LastOK, s.LastErrorAt = fromNullUnix(ok), fromNullUnix(errAt)
		return t.QueryRow(`SELECT (SELECT COUNT(*) FROM venues WHERE sync_seq > ?1) + (SELECT COUNT(*) FROM visits WHERE sync_seq > ?1)
			+ (SELECT COUNT(*) FROM requests WHERE sync_seq > ?1) + (SELECT COUNT(*) FROM bookings WHERE sync_seq > ?1)`, s.Acked).Scan(&s.Pending)
	})
	return s, err
}

// SyncBatch reads up to limit records changed after the sequence after, the
// oldest changes first, in one snapshot. Each change has its own sequence,
// so a cursor moved to the batch's Upto misses nothing and repeats nothing.
func (db *DB) SyncBatch(ctx context.Context, after int64, limit int) (*SyncBatch, error) {
	limit = max(limit, 1)
	b := &SyncBatch{After: after, Upto: after}
	var seqs []int64
	err := db.read(ctx, func(t *tx) error {
		var key string
		if err := t.QueryRow("SELECT visitor_key FROM sync_state").Scan(&key); err != nil {
			return fmt.Errorf("read visitor key: %w", err)
		}
		pseudonym := visitorPseudonym(key)
		var err error
		if b.Venues, err = syncRows(t, &seqs, `SELECT sync_seq, id, name, capacity, opens_at, closes_at, active FROM venues`,
			after, limit, scanSyncVenue); err != nil {
			return err
		}
		if b.Visits, err = syncRows(t, &seqs, `SELECT sync_seq, id, visitor_id, purpose, party_member, headcount, checked_in_at,
			checked_out_at, auto_closed, source, created_at, `+voidedColumn("visit", "visits")+` FROM visits`, after, limit, func(s scanner) (SyncVisit, error) {
			var v SyncVisit
			var visitor int64
			var out sql.NullInt64
			var in, created int64
			err := s.Scan(&v.Seq, &v.ID, &visitor, &v.Purpose, &v.PartyMember, &v.Headcount, &in, &out, &v.AutoClosed, &v.Source, &created, &v.Voided)
			v.Visitor, v.CheckedInAt, v.CheckedOutAt, v.CreatedAt = pseudonym(visitor), fromUnix(in), fromNullUnix(out), fromUnix(created)
			return v, err
		}); err != nil {
			return err
		}
		if b.Requests, err = syncRows(t, &seqs, `SELECT sync_seq, id, category, urgency, status, promised_by, respond_by,
			(SELECT MIN(e.at) FROM request_events e WHERE e.request_id = requests.id AND e.from_status <> ''),
			accepted_at, resolved_at, closed_at, satisfaction, source, created_at, updated_at, `+voidedColumn("request", "requests")+` FROM requests`,
			after, limit, scanSyncRequest); err != nil {
			return err
		}
		b.Bookings, err = syncRows(t, &seqs, `SELECT sync_seq, id, venue_id, purpose, attendees, start_at, end_at, status,
			arrived_at, source, created_at, `+voidedColumn("booking", "bookings")+` FROM bookings`, after, limit, scanSyncBooking)
		return err
	})
	if err != nil || len(seqs) == 0 {
		return b, err
	}
	// Each table gave its own oldest changes; the batch is the oldest limit
	// of them all, so every change up to the last of those is in it.
	slices.Sort(seqs)
	b.Upto = seqs[min(limit, len(seqs))-1]
	b.Venues = slices.DeleteFunc(b.Venues, func(r SyncVenue) bool { return r.Seq > b.Upto })
	b.Visits = slices.DeleteFunc(b.Visits, func(r SyncVisit) bool { return r.Seq > b.Upto })
	b.Requests = slices.DeleteFunc(b.Requests, func(r SyncRequest) bool { return r.Seq > b.Upto })
	b.Bookings = slices.DeleteFunc(b.Bookings, func(r SyncBooking) bool { return r.Seq > b.Upto })
	return b, nil
}

// scanner is a row database/sql can scan: *sql.Rows or *sql.Row.
type scanner interface{ Scan(...any) error }

// voidedColumn is whether a record of kind in table is voided, as a column.
func voidedColumn(kind, table string) string {
	return "EXISTS (SELECT 1 FROM voids WHERE kind = '" + kind + "' AND record_id = " + table + ".id)"
}

// syncRows reads one table's oldest changes after the cursor, collecting
// their sequences (each scan puts the sequence first in its record).
func syncRows[T any](t *tx, seqs *[]int64, query string, after int64, limit int, scan func(scanner) (T, error)) ([]T, error) {
	rows, err := t.Query(query+" WHERE sync_seq > ? ORDER BY sync_seq LIMIT ?", after, limit)
	if err != nil {
		return nil, fmt.Errorf("read changes: %w", err)
	}
	defer rows.Close()
	var out []T
	var seq int64
	for rows.Next() {
		rec, err := scan(seqCapture{rows, &seq})
		if err != nil {
			return nil, fmt.Errorf("scan change: %w", err)
		}
		out = append(out, rec)
		*seqs = append(*seqs, seq)
	}
	return out, rows.Err()
}

// seqCapture passes a scan through and keeps a copy of its first column,
// the change sequence.
type seqCapture struct {
	s   scanner
	seq *int64
}

func (c seqCapture) Scan(dest ...any) error {
	if err := c.s.Scan(dest...); err != nil {
		return err
	}
	if p, ok := dest[0].(*int64); ok {
		*c.seq = *p
	}
	return nil
}

func scanSyncVenue(s scanner) (SyncVenue, error) {
	var v SyncVenue
	var o, c string
	err := s.Scan(&v.Seq, &v.ID, &v.Name, &v.Capacity, &o, &c, &v.Active)
	v.OpensAt, _ = ParseClock(o)
	v.ClosesAt, _ = ParseClock(c)
	return v, err
}

func scanSyncRequest(s scanner) (SyncRequest, error) {
	var r SyncRequest
	var promised string
	var respondBy, created, updated int64
	var responded, accepted, resolved, closed sql.NullInt64
	err := s.Scan(&r.Seq, &r.ID, &r.Category, &r.Urgency, &r.Status, &promised, &respondBy, &responded,
		&accepted, &resolved, &closed, &r.Satisfaction, &r.Source, &created, &updated, &r.Voided)
	if err != nil {
		return r, err
	}
	r.PromisedBy, _ = ParseDay(promised)
	r.RespondBy, r.RespondedAt = fromUnix(respondBy), fromNullUnix(responded)
	r.AcceptedAt, r.ResolvedAt, r.ClosedAt = fromNullUnix(accepted), fromNullUnix(resolved), fromNullUnix(closed)
	r.CreatedAt, r.UpdatedAt = fromUnix(created), fromUnix(updated)
	return r, nil
}

func scanSyncBooking(s scanner) (SyncBooking, error) {
	var b SyncBooking
	var start, end, created int64
	var arrived sql.NullInt64
	err := s.Scan(&b.Seq, &b.ID, &b.VenueID, &b.Purpose, &b.Attendees, &start, &end, &b.Status, &arrived, &b.Source, &created, &b.Voided)
	b.Start, b.End, b.ArrivedAt, b.CreatedAt = fromUnix(start), fromUnix(end), fromNullUnix(arrived), fromUnix(created)
	return b, err
}

// visitorPseudonym returns the function that turns a local visitor id into
// the number the hub sees: the first 63 bits of HMAC-SHA256 under the
// center's own key. Without the key the hub cannot go back to the person, nor
// match the same person across centers.
func visitorPseudonym(hexKey string) func(int64) int64 {
	key, err := hex.DecodeString(hexKey)
	if err != nil || len(key) == 0 {
		key = []byte(hexKey)
	}
	return func(id int64) int64 {
		m := hmac.New(sha256.New, key)
		m.Write([]byte(strconv.FormatInt(id, 10)))
		return int64(binary.BigEndian.Uint64(m.Sum(nil)) >> 1)
	}
}

// AckSync records that the hub has committed every change up to upto, at
// the instant at. The cursor never moves back.
func (db *DB) AckSync(ctx context.Context, upto int64, at time.Time) error {
	return db.write(ctx, func(t *tx) error {
		_, err := t.Exec("UPDATE sync_state SET acked = MAX(acked, ?), last_ok_at = ?, last_error = '', last_error_at = NULL",
			upto, unix(at))
		return err
	})
}

// SyncFailed records why the last sync failed, for the desk's header; the
// cursor stays where it is.
func (db *DB) SyncFailed(ctx context.Context, reason string, at time.Time) error {
	return db.write(ctx, func(t *tx) error {
		_, err := t.Exec("UPDATE sync_state SET last_error = ?, last_error_at = ?", reason, unix(at))
		return err
	})
}
