package hub_test

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"frontdesk/hub"
	"frontdesk/store"
)

// The synthetic city of the benchmarks: 1 city center, 10 districts, 39
// streets and 396 communities, a year of records each, generated straight
// into the hub through COPY (about 7 million visits, 1 million requests and
// 200,000 bookings). Built once per benchmark binary.
const (
	cityVisitsPerCenter   = 15700
	cityRequestsPerCenter = 2250
	cityBookingsPerCenter = 450
)

var cityYearFrom = store.Day{Year: 2025, Month: 12, Day: 1}

// cityNow is the instant the benchmarks' rollups are taken at: the day
// after the year.
var cityNow = time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)

var city struct {
	once    sync.Once
	h       *hub.Hub
	url     string
	centers []store.Identity
	err     error
	took    time.Duration
}

func cityCenters() []store.Identity {
	out := []store.Identity{{Code: "140200", Level: "city"}}
	streets := 0
	for d := 1; d <= 10; d++ {
		dc := fmt.Sprintf("1402%02d", d)
		out = append(out, store.Identity{Code: dc, Level: "district", Parent: "140200"})
		n := 4
		if d == 10 {
			n = 3 // 39 streets in all
		}
		for s := 1; s <= n; s++ {
			sc := fmt.Sprintf("%s%03d", dc, s)
			out = append(out, store.Identity{Code: sc, Level: "street", Parent: dc})
			streets++
			k := 10
			if streets <= 6 {
				k = 11 // 396 communities in all
			}
			for c := 1; c <= k; c++ {
				out = append(out, store.Identity{Code: fmt.Sprintf("%s%03d", sc, c), Level: "community", Parent: sc})
			}
		}
	}
	return out
}

// mustCity builds the synthetic city once.
func mustCity(b *testing.B) *hub.Hub {
	b.Helper()
	city.once.Do(func() {
		start := time.Now()
		city.centers = cityCenters()
		// FRONTDESK_BENCH_HUB names a hub to keep the city in between runs
		// (it is loaded there once); otherwise it goes into this binary's
		// own server and is gone at the end.
		if url := os.Getenv("FRONTDESK_BENCH_HUB"); url != "" {
			if city.h, city.err = hub.Open(ctx, url); city.err != nil {
				return
			}
			if _, city.err = city.h.Migrate(ctx); city.err != nil {
				return
			}
			var n int
			hub.Pool(city.h).QueryRow(ctx, "SELECT count(*) FROM centers WHERE name LIKE '中心%'").Scan(&n)
			if n == len(city.centers) {
				var days int
				hub.Pool(city.h).QueryRow(ctx, "SELECT count(*) FROM visit_days").Scan(&days)
				if days == 0 {
					if city.err = city.h.RebuildSummaries(ctx); city.err == nil {
						_, city.err = hub.Pool(city.h).Exec(ctx, "VACUUM ANALYZE")
					}
				}
				return
			}
		} else {
			city.h, city.url = mustHubNoCleanup(b)
		}
		city.err = loadCity(context.Background(), city.h, city.centers)
		city.took = time.Since(start)
	})
	if city.err != nil {
		b.Fatal(city.err)
	}
	return city.h
}

func mustHubNoCleanup(b *testing.B) (*hub.Hub, string) {
	url, err := server.NewDatabase(ctx)
	if err != nil {
		b.Fatal(err)
	}
	h, err := hub.Open(ctx, url)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := h.Migrate(ctx); err != nil {
		b.Fatal(err)
	}
	return h, url
}

// loadCity COPYs the city's records, one center at a time per table, from
// generators: nothing is held in memory but the row being written.
func loadCity(ctx context.Context, h *hub.Hub, centers []store.Identity) error {
	pool := hub.Pool(h)
	loc, _ := time.LoadLocation(store.DefaultTimeZone)
	yearStart := time.Date(2025, 12, 1, 0, 0, 0, 0, loc)
	const year = 365 * 24 * time.Hour
	for i, c := range centers {
		_, err := pool.Exec(ctx, `INSERT INTO centers (code, name, level, parent, time_zone, acked_seq, first_sync_at, last_sync_at)
			VALUES ($1, $2, $3, NULLIF($4, ''), $5, 1, $6, $6)`, c.Code, "中心"+c.Code, c.Level, c.Parent, store.DefaultTimeZone, cityNow.Add(-time.Duration(i%50)*time.Hour))
		if err != nil {
			return err
		}
		if _, err := pool.Exec(ctx, `INSERT INTO venues VALUES ($1, 1, '多功能厅', 80, '08:00', '21:00', true), ($1, 2, '会议室', 20, '08:00', '18:00', true)`, c.Code); err != nil {
			return err
		}
	}
	// Two centers load at a time: COPY is bound by one core each.
	sem := make(chan struct{}, 2)
	errs := make(chan error, len(centers))
	var wg sync.WaitGroup
	for i, c := range centers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			r := rand.New(rand.NewPCG(uint64(i), 7))
			errs <- copyCenter(ctx, pool, c.Code, r, yearStart, year)
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			return err
		}
	}
	if err := h.RebuildSummaries(ctx); err != nil {
		return err
	}
	_, err := pool.Exec(ctx, "VACUUM ANALYZE")
	return err
}

func copyCenter(ctx context.Context, pool interface {
	CopyFrom(context.Context, pgx.Identifier, []string, pgx.CopyFromSource) (int64, error)
}, code string, r *rand.Rand, start time.Time, span time.Duration) error {
	purposes := []string{"business", "consult", "activity", "party_report", "volunteer", "meeting", "other"}
	categories := []string{"policy", "social_security", "employment", "housing", "elderly", "dispute", "other"}
	at := func(i, n int) time.Time {
		return start.Add(time.Duration(float64(span) * (float64(i) + r.Float64()) / float64(n))).Truncate(time.Second)
	}
	i := 0
	_, err := pool.CopyFrom(ctx, pgx.Identifier{"visits"}, []string{"center", "id", "visitor", "purpose", "party_member", "headcount",
		"checked_in_at", "checked_out_at", "auto_closed", "source", "created_at", "voided"},
		pgx.CopyFromFunc(func() ([]any, error) {
			if i == cityVisitsPerCenter {
				return nil, nil
			}
			i++
			in := at(i, cityVisitsPerCenter)
			out := in.Add(time.Duration(10+r.IntN(170)) * time.Minute)
			src := "desk"
			if r.IntN(3) == 0 {
				src = "kiosk"
			}
			return []any{code, int64(i), int64(r.IntN(3000)), purposes[r.IntN(len(purposes))], r.IntN(4) == 0, 1 + r.IntN(3)/2,
				in, out, r.IntN(20) == 0, src, in, r.IntN(500) == 0}, nil
		}))
	if err != nil {
		return fmt.Errorf("copy visits of %s: %w", code, err)
	}
	i = 0
	statuses := []string{"resolved", "resolved", "closed", "closed", "accepted", "in_progress", "new", "rejected", "transferred"}
	sats := []string{"", "", "satisfied", "satisfied", "basic", "unsatisfied"}
	_, err = pool.CopyFrom(ctx, pgx.Identifier{"requests"}, []string{"center", "id", "category", "urgency", "status", "promised_by",
		"respond_by", "responded_at", "accepted_at", "resolved_at", "closed_at", "satisfaction", "source", "created_at", "updated_at", "voided"},
		pgx.CopyFromFunc(func() ([]any, error) {
			if i == cityRequestsPerCenter {
				return nil, nil
			}
			i++
			c := at(i, cityRequestsPerCenter)
			st := statuses[r.IntN(len(statuses))]
			respond := c.Add(24 * time.Hour)
			var responded, resolved any
			if st != "new" {
				responded = c.Add(time.Duration(r.IntN(30)) * time.Hour)
			}
			sat := ""
			if st == "resolved" || st == "closed" {
				resolved = c.Add(72 * time.Hour)
				sat = sats[r.IntN(len(sats))]
			}
			urgency := "normal"
			if r.IntN(10) == 0 {
				urgency = "urgent"
			}
			return []any{code, int64(i), categories[r.IntN(len(categories))], urgency, st, c.AddDate(0, 0, 5), respond, responded,
				responded, resolved, nil, sat, "desk", c, c, false}, nil
		}))
	if err != nil {
		return fmt.Errorf("copy requests of %s: %w", code, err)
	}
	i = 0
	bstatus := []string{"approved", "approved", "approved", "pending", "cancelled", "rejected", "no_show"}
	_, err = pool.CopyFrom(ctx, pgx.Identifier{"bookings"}, []string{"center", "id", "venue_id", "purpose", "attendees", "start_at",
		"end_at", "status", "arrived_at", "source", "created_at", "voided"},
		pgx.CopyFromFunc(func() ([]any, error) {
			if i == cityBookingsPerCenter {
				return nil, nil
			}
			i++
			s := at(i, cityBookingsPerCenter)
			st := bstatus[r.IntN(len(bstatus))]
			var arrived any
			if st == "approved" && r.IntN(2) == 0 {
				arrived = s
			}
			return []any{code, int64(i), int64(1 + r.IntN(2)), "party_day", 5 + r.IntN(40), s, s.Add(2 * time.Hour), st, arrived, "desk", s, false}, nil
		}))
	if err != nil {
		return fmt.Errorf("copy bookings of %s: %w", code, err)
	}
	return nil
}

func reportCity(b *testing.B) {
	b.ReportMetric(float64(len(city.centers)), "centers")
	b.Logf("city of %d centers loaded in %v", len(city.centers), city.took)
}

// BenchmarkRollupCityYear is the whole city's yearly rollup.
func BenchmarkRollupCityYear(b *testing.B) {
	h := mustCity(b)
	reportCity(b)
	to := cityYearFrom.AddDays(364)
	for b.Loop() {
		n, err := h.Rollup(ctx, "", cityYearFrom, to, cityNow)
		if err != nil {
			b.Fatal(err)
		}
		if len(n.Rows) < 446 || n.Total.Summary.Visits < 6_900_000 {
			b.Fatalf("got %d rows, %d visits", len(n.Rows), n.Total.Summary.Visits)
		}
	}
}

// BenchmarkRollupDistrictMonth is one district's month.
func BenchmarkRollupDistrictMonth(b *testing.B) {
	h := mustCity(b)
	from := store.Day{Year: 2026, Month: 6, Day: 1}
	for b.Loop() {
		n, err := h.Rollup(ctx, "140203", from, from.AddDays(29), cityNow)
		if err != nil {
			b.Fatal(err)
		}
		if len(n.Rows) < 40 {
			b.Fatalf("got %d rows", len(n.Rows))
		}
	}
}

// centerYear makes a center's file with a year of records written straight
// in SQL (the store's triggers give them their change sequences), with the
// city's sizes per center.
func centerYear(b *testing.B, code, parent string) *store.DB {
	b.Helper()
	path := filepath.Join(b.TempDir(), code+".db")
	db, err := store.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	if err := db.Init(ctx, store.InitInput{Center: "基准社区", Venues: []store.VenueInput{{Name: "多功能厅", Capacity: 80}}}); err != nil {
		b.Fatal(err)
	}
	if err := db.SetIdentity(ctx, store.Identity{Code: code, Level: "community", Parent: parent}); err != nil {
		b.Fatal(err)
	}
	raw, err := sql.Open("sqlite3", "file:"+path+"?_busy_timeout=10000")
	if err != nil {
		b.Fatal(err)
	}
	defer raw.Close()
	addRecords(b, raw, time.Date(2025, 12, 1, 8, 0, 0, 0, time.UTC), 365*24*time.Hour, cityVisitsPerCenter, cityRequestsPerCenter, cityBookingsPerCenter, 0)
	return db
}

// addRecords inserts visits, requests and bookings spread over span from
// start, numbering receipts after base.
func addRecords(b *testing.B, raw *sql.DB, start time.Time, span time.Duration, visits, requests, bookings, base int) {
	b.Helper()
	tx, err := raw.Begin()
	if err != nil {
		b.Fatal(err)
	}
	defer tx.Rollback()
	exec := func(q string, args ...any) {
		if _, err := tx.Exec(q, args...); err != nil {
			b.Fatalf("%s: %v", q, err)
		}
	}
	r := rand.New(rand.NewPCG(uint64(base), 1))
	at := func(i, n int) int64 { return start.Add(time.Duration(float64(span) * float64(i) / float64(n))).Unix() }
	for i := range 200 {
		exec(`INSERT OR IGNORE INTO visitors (id, name, phone, phone_last4, last_seen_at) VALUES (?, ?, ?, ?, ?)`,
			i+1, fmt.Sprintf("居民%d", i), fmt.Sprintf("1390000%04d", i), fmt.Sprintf("%04d", i), start.Unix())
	}
	for i := range visits {
		t := at(i, visits)
		exec(`INSERT INTO visits (receipt_no, status_code, visitor_id, name, phone, purpose, headcount, checked_in_at, checked_out_at, created_by, source, created_at)
			VALUES (?, ?, ?, '居民', '13900000000', 'volunteer', 1, ?, ?, '王芳', 'desk', ?)`,
			fmt.Sprintf("V%d", base+i), fmt.Sprintf("v%d", base+i), 1+r.IntN(200), t, t+3600, t)
	}
	for i := range requests {
		t := at(i, requests)
		exec(`INSERT INTO requests (receipt_no, status_code, name, phone, category, description, promised_by, respond_by, status, created_by, source, created_at, updated_at)
			VALUES (?, ?, '张秀英', '13812345678', 'housing', '楼道灯坏了', '2026-12-31', ?, 'new', '王芳', 'desk', ?, ?)`,
			fmt.Sprintf("R%d", base+i), fmt.Sprintf("r%d", base+i), t+86400, t, t)
	}
	for i := range bookings {
		t := at(i, bookings)
		exec(`INSERT INTO bookings (receipt_no, status_code, venue_id, org, contact, phone, title, purpose, attendees, start_at, end_at, status, created_by, source, created_at, updated_at)
			VALUES (?, ?, 1, '支部', '李书记', '13912345678', '主题党日', 'party_day', 20, ?, ?, 'approved', '王芳', 'desk', ?, ?)`,
			fmt.Sprintf("B%d", base+i), fmt.Sprintf("b%d", base+i), t, t+7200, t, t)
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkSyncFirstCenterYear is a center's first sync of a year of
// records into the loaded city hub.
func BenchmarkSyncFirstCenterYear(b *testing.B) {
	h := mustCity(b)
	db := centerYear(b, "140201001099", "140201001")
	raw, err := sql.Open("sqlite3", "file:"+db.Path()+"?_busy_timeout=10000")
	if err != nil {
		b.Fatal(err)
	}
	defer raw.Close()
	for b.Loop() {
		b.StopTimer()
		// The center's summaries go with its records: each run's file has
		// its own visitor key, so its visitors are new people.
		for _, tbl := range []string{"centers", "visits", "requests", "bookings", "venues", "visit_days", "visit_months",
			"visitor_days", "visitor_months", "visitor_firsts", "visitor_first_months", "request_days", "request_months",
			"booking_days", "booking_months"} {
			col := "center"
			if tbl == "centers" {
				col = "code"
			}
			if _, err := hub.Pool(h).Exec(ctx, "DELETE FROM "+tbl+" WHERE "+col+" = '140201001099'"); err != nil {
				b.Fatal(err)
			}
		}
		if _, err := raw.Exec("UPDATE sync_state SET acked = 0"); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		res, err := h.Sync(ctx, db, hub.SyncOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if res.Records < cityVisitsPerCenter+cityRequestsPerCenter+cityBookingsPerCenter {
			b.Fatalf("sent %d", res.Records)
		}
	}
}

// BenchmarkSyncDay is a day's incremental sync of one center: a day's new
// visits, requests and bookings.
func BenchmarkSyncDay(b *testing.B) {
	h := mustCity(b)
	db := centerYear(b, "140201001098", "140201001")
	if _, err := h.Sync(ctx, db, hub.SyncOptions{}); err != nil {
		b.Fatal(err)
	}
	raw, err := sql.Open("sqlite3", "file:"+db.Path()+"?_busy_timeout=10000")
	if err != nil {
		b.Fatal(err)
	}
	defer raw.Close()
	day := time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC)
	n := 0
	for b.Loop() {
		b.StopTimer()
		n++
		addRecords(b, raw, day, 10*time.Hour, cityVisitsPerCenter/365, cityRequestsPerCenter/365+1, 2, 1_000_000*n)
		b.StartTimer()
		res, err := h.Sync(ctx, db, hub.SyncOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if res.Records == 0 {
			b.Fatal("nothing sent")
		}
	}
}

// BenchmarkYardstickCountVisits counts the city's visits with a plain scan:
// the machine's speed in the same run, to read the others against.
func BenchmarkYardstickCountVisits(b *testing.B) {
	h := mustCity(b)
	for b.Loop() {
		var n int
		if err := hub.Pool(h).QueryRow(ctx, "SELECT count(*) FROM visits").Scan(&n); err != nil {
			b.Fatal(err)
		}
	}
}
