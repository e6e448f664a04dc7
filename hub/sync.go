package hub

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"frontdesk/lang"
	"frontdesk/store"
)

// DefaultBatch is how many records one sync transaction carries.
const DefaultBatch = 5000

// SyncResult is what one sync sent.
type SyncResult struct {
	Records int   // records sent
	Batches int   // transactions committed with records in them
	Upto    int64 // the center's change sequence the hub now has
}

// SyncOptions tune a sync; the zero value is the usual one.
type SyncOptions struct {
	Batch int // records per transaction, DefaultBatch when 0
	// AfterBatch, when set, is called after each batch is committed on the
	// hub and acknowledged in the center's file.
	AfterBatch func(SyncResult)
}

// testHookCommitted runs between the hub's commit and the center's
// acknowledgement: the window where a crash must neither lose nor repeat.
var testHookCommitted func() error

// Sync pushes every change of the center since the last acknowledged sync,
// in batches: each batch is upserted by (center, local id) in one hub
// transaction that also records how far the center has come, and only
// after that commits does the center's cursor move. A sync cut short
// anywhere leaves the hub with whole batches and the cursor at or before
// them, so the next sync resends at most one batch, which the upserts
// absorb: no gap and, in effect, no duplicate.
func (h *Hub) Sync(ctx context.Context, db *store.DB, opt SyncOptions) (SyncResult, error) {
	var res SyncResult
	err := h.sync(ctx, db, opt, &res)
	if err != nil && ctx.Err() == nil {
		if ferr := db.SyncFailed(context.WithoutCancel(ctx), store.ErrorMessage(err, "zh"), db.Now()); ferr != nil {
			slog.Error("record sync failure", "err", ferr)
		}
	}
	return res, err
}

func (h *Hub) sync(ctx context.Context, db *store.DB, opt SyncOptions, res *SyncResult) error {
	if opt.Batch <= 0 {
		opt.Batch = DefaultBatch
	}
	id, err := db.Identity(ctx)
	if err != nil {
		return err
	}
	if !id.Set() {
		return store.Errorf(store.EINVALID, lang.CenterHasNoCode)
	}
	if err := h.checkSchema(ctx); err != nil {
		return err
	}
	st, err := db.SyncStatus(ctx)
	if err != nil {
		return err
	}
	cursor := st.Acked
	// A hub that has less of this center than the center believes (a new
	// or restored hub) gets it again from where it stands.
	var hubSeq int64
	err = h.pool.QueryRow(ctx, "SELECT acked_seq FROM centers WHERE code = $1", id.Code).Scan(&hubSeq)
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		cursor = 0
	case err != nil:
		return unreachable(h.url, err)
	case hubSeq < cursor:
		cursor = hubSeq
	}
	s := db.Settings()
	c := centerRow{id: id, name: s.CenterName, tz: s.TimeZone}
	for {
		b, err := db.SyncBatch(ctx, cursor, opt.Batch)
		if err != nil {
			return err
		}
		if err := h.push(ctx, c, b, db.Now()); err != nil {
			return err
		}
		if testHookCommitted != nil {
			if err := testHookCommitted(); err != nil {
				return err
			}
		}
		if err := db.AckSync(ctx, b.Upto, db.Now()); err != nil {
			return err
		}
		res.Upto = b.Upto
		if b.Len() == 0 {
			return nil
		}
		res.Records += b.Len()
		res.Batches++
		cursor = b.Upto
		if opt.AfterBatch != nil {
			opt.AfterBatch(*res)
		}
	}
}

type centerRow struct {
	id       store.Identity
	name, tz string
}

// push commits one batch: the center's row, the records, the sync log.
func (h *Hub) push(ctx context.Context, c centerRow, b *store.SyncBatch, now time.Time) error {
	err := pgx.BeginFunc(ctx, h.pool, func(tx pgx.Tx) error {
		// A batch's statements are small, over a few days and visitors:
		// compiling them (JIT, which the planner picks on the guesses it
		// makes for the temporary tables) takes longer than running them.
		if _, err := tx.Exec(ctx, "SET LOCAL jit = off"); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `INSERT INTO centers (code, name, level, parent, time_zone, acked_seq, first_sync_at, last_sync_at)
			VALUES ($1, $2, $3, NULLIF($4, ''), $5, $6, $7, $7)
			ON CONFLICT (code) DO UPDATE SET name = excluded.name, level = excluded.level, parent = excluded.parent,
				time_zone = excluded.time_zone, acked_seq = excluded.acked_seq, last_sync_at = excluded.last_sync_at`,
			c.id.Code, c.name, c.id.Level, c.id.Parent, c.tz, b.Upto, now)
		if err != nil {
			return fmt.Errorf("upsert center: %w", err)
		}
		if b.Len() == 0 {
			return nil
		}
		for _, t := range batchTables(c.id.Code, b) {
			if err := upsert(ctx, tx, t); err != nil {
				return err
			}
		}
		_, err = tx.Exec(ctx, `INSERT INTO sync_log (center, at, after_seq, upto_seq, venues, visits, requests, bookings)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, c.id.Code, now, b.After, b.Upto,
			len(b.Venues), len(b.Visits), len(b.Requests), len(b.Bookings))
		return err
	})
	if err != nil {
		var se *store.Error
		if errors.As(err, &se) {
			return err
		}
		return unreachable(h.url, err)
	}
	return nil
}

// table is a set of rows for one of the hub's tables, keyed by its first two
// columns (center, id).
type table struct {
	name string
	cols []string
	rows [][]any
}

// Columns of each record table, in the order their rows are built.
var (
	venueCols   = []string{"center", "id", "name", "capacity", "opens_at", "closes_at", "active"}
	visitCols   = []string{"center", "id", "visitor", "purpose", "party_member", "headcount", "checked_in_at", "checked_out_at", "auto_closed", "source", "created_at", "voided"}
	requestCols = []string{"center", "id", "category", "urgency", "status", "promised_by", "respond_by", "responded_at",
		"accepted_at", "resolved_at", "closed_at", "satisfaction", "source", "created_at", "updated_at", "voided"}
	bookingCols = []string{"center", "id", "venue_id", "purpose", "attendees", "start_at", "end_at", "status", "arrived_at", "source", "created_at", "voided"}
)

func batchTables(center string, b *store.SyncBatch) []table {
	venues := table{name: "venues", cols: venueCols}
	for _, v := range b.Venues {
		venues.rows = append(venues.rows, []any{center, v.ID, v.Name, v.Capacity, clockTime(v.OpensAt), clockTime(v.ClosesAt), v.Active})
	}
	visits := table{name: "visits", cols: visitCols}
	for _, v := range b.Visits {
		visits.rows = append(visits.rows, VisitRow(center, v))
	}
	requests := table{name: "requests", cols: requestCols}
	for _, r := range b.Requests {
		requests.rows = append(requests.rows, RequestRow(center, r))
	}
	bookings := table{name: "bookings", cols: bookingCols}
	for _, k := range b.Bookings {
		bookings.rows = append(bookings.rows, BookingRow(center, k))
	}
	return []table{venues, visits, requests, bookings}
}

// VisitRow is a visit as a row of the hub's visits table.
func VisitRow(center string, v store.SyncVisit) []any {
	return []any{center, v.ID, v.Visitor, v.Purpose, v.PartyMember, v.Headcount, v.CheckedInAt, nullTime(v.CheckedOutAt),
		v.AutoClosed, v.Source, v.CreatedAt, v.Voided}
}

// RequestRow is a request as a row of the hub's requests table.
func RequestRow(center string, r store.SyncRequest) []any {
	return []any{center, r.ID, r.Category, r.Urgency, r.Status, dayDate(r.PromisedBy), r.RespondBy, nullTime(r.RespondedAt),
		nullTime(r.AcceptedAt), nullTime(r.ResolvedAt), nullTime(r.ClosedAt), r.Satisfaction, r.Source, r.CreatedAt, r.UpdatedAt, r.Voided}
}

// BookingRow is a booking as a row of the hub's bookings table.
func BookingRow(center string, k store.SyncBooking) []any {
	return []any{center, k.ID, k.VenueID, k.Purpose, k.Attendees, k.Start, k.End, k.Status, nullTime(k.ArrivedAt), k.Source, k.CreatedAt, k.Voided}
}

// upsert loads the rows into a staging table through COPY and moves them
// into the table in one statement, replacing the rows the center sent
// before, and brings the table's summaries up to date.
func upsert(ctx context.Context, tx pgx.Tx, t table) error {
	if len(t.rows) == 0 {
		return nil
	}
	stage := "stage_" + t.name
	if _, err := tx.Exec(ctx, fmt.Sprintf("CREATE TEMP TABLE IF NOT EXISTS %s (LIKE %s) ON COMMIT DELETE ROWS", stage, t.name)); err != nil {
		return fmt.Errorf("stage %s: %w", t.name, err)
	}
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{stage}, t.cols, pgx.CopyFromRows(t.rows)); err != nil {
		return fmt.Errorf("copy %s: %w", t.name, err)
	}
	sum, summed := summaries[t.name]
	if summed {
		if err := sum.noteTouched(ctx, tx); err != nil {
			return err
		}
	}
	set := make([]string, 0, len(t.cols)-2)
	for _, c := range t.cols[2:] {
		set = append(set, c+" = excluded."+c)
	}
	cols := strings.Join(t.cols, ", ")
	q := fmt.Sprintf("INSERT INTO %s (%s) SELECT %s FROM %s ON CONFLICT (center, id) DO UPDATE SET %s",
		t.name, cols, cols, stage, strings.Join(set, ", "))
	if _, err := tx.Exec(ctx, q); err != nil {
		return fmt.Errorf("upsert %s: %w", t.name, err)
	}
	if summed {
		return sum.refreshTouched(ctx, tx)
	}
	return nil
}

func nullTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t
}

func dayDate(d store.Day) pgtype.Date {
	return pgtype.Date{Time: time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC), Valid: true}
}

func clockTime(c store.Clock) pgtype.Time {
	return pgtype.Time{Microseconds: int64(c.Hour*3600+c.Minute*60) * 1e6, Valid: true}
}
