package report_test

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"frontdesk/report"
	"frontdesk/store"
)

// The benchmark center is busy: every day of a 31-day month has 2,000
// visits, 300 requests and 100 bookings, written through the store's API.
const (
	benchDays     = 31
	benchVisits   = 2000
	benchRequests = 300
	benchBookings = 100
	benchVenues   = 10
)

var benchFirst = store.Day{Year: 2026, Month: 1, Day: 1}

var (
	benchOnce sync.Once
	benchDB   *store.DB
	benchDir  string
	benchErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if benchDB != nil {
		benchDB.Close()
	}
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}

// benchCenter seeds the busy month once per test binary; every benchmark
// reads the same file.
func benchCenter(b *testing.B) *store.DB {
	b.Helper()
	benchOnce.Do(func() {
		start := time.Now()
		benchDir, benchErr = os.MkdirTemp("", "frontdesk-report-bench-")
		if benchErr == nil {
			benchDB, benchErr = seedBusy(filepath.Join(benchDir, "busy.db"))
		}
		if benchErr == nil {
			fmt.Fprintf(os.Stderr, "seeded %d days of %d visits, %d requests, %d bookings in %v\n",
				benchDays, benchVisits, benchRequests, benchBookings, time.Since(start).Round(time.Second))
		}
	})
	if benchErr != nil {
		b.Fatalf("seed: %v", benchErr)
	}
	return benchDB
}

// parallel runs fn(0..n-1) on 32 goroutines, so the store's group commit
// batches the writes, and returns the first error.
func parallel(n int, fn func(i int) error) error {
	var next atomic.Int64
	var first atomic.Value
	var wg sync.WaitGroup
	for range 32 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				if err := fn(i); err != nil {
					first.CompareAndSwap(nil, err)
					return
				}
			}
		}()
	}
	wg.Wait()
	if err, ok := first.Load().(error); ok {
		return err
	}
	return nil
}

// ticking is a clock that moves on by step at every reading, so parallel
// writes get distinct, increasing times through the day.
type ticking struct {
	mu   sync.Mutex
	t    time.Time
	step time.Duration
}

func (c *ticking) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(c.step)
	return c.t
}

func (c *ticking) Set(t time.Time, step time.Duration) {
	c.mu.Lock()
	c.t, c.step = t, step
	c.mu.Unlock()
}

func seedBusy(path string) (*store.DB, error) {
	ctx := context.Background()
	db, err := store.Open(path)
	if err != nil {
		return nil, err
	}
	c := &ticking{t: at(benchFirst.AddDays(-1), "08:00"), step: time.Millisecond}
	db.Now = c.Now
	in := store.InitInput{Center: "幸福里党群服务中心", TimeZone: "Asia/Shanghai"}
	for i := range benchVenues {
		in.Venues = append(in.Venues, store.VenueInput{Name: fmt.Sprintf("活动室%02d", i+1), Capacity: 60})
	}
	if err := db.Init(ctx, in); err != nil {
		return nil, err
	}
	purposes := []string{"business", "consult", "activity", "party_report", "volunteer", "study_tour", "other"}
	categories := []string{"policy", "social_security", "employment", "elderly_disability", "housing", "environment", "mediation", "party_service", "other"}
	for d := range benchDays {
		day := benchFirst.AddDays(d)
		// Bookings are made the day before: ten venues, ten one-hour slots.
		c.Set(at(day.AddDays(-1), "08:00"), time.Second)
		err := parallel(benchBookings, func(i int) error {
			venue, slot := i%benchVenues, i/benchVenues
			start := at(day, "08:00").Add(time.Duration(slot) * time.Hour)
			_, err := db.CreateBooking(ctx, store.BookingInput{VenueID: int64(venue + 1), Org: "幸福里社区第一党支部",
				Contact: "赵六", Phone: "13900002222", Title: fmt.Sprintf("活动%d", i), Purpose: "party_day", Attendees: 20,
				Start: start, End: start.Add(time.Hour), Approve: i%5 != 0, Actor: "前台小李", Source: []string{"desk", "kiosk"}[i%2]})
			return err
		})
		if err != nil {
			return nil, fmt.Errorf("bookings of %s: %w", day, err)
		}
		// Visits and requests from 08:00 to about 20:00.
		c.Set(at(day, "08:00"), 12*time.Hour/(benchVisits+benchRequests))
		visits := make([]store.Visit, benchVisits)
		err = parallel(benchVisits, func(i int) error {
			v, err := db.CheckIn(ctx, store.VisitInput{Name: fmt.Sprintf("来访人%04d", i), Phone: fmt.Sprintf("138%08d", i),
				Org: "幸福里社区", Purpose: purposes[i%len(purposes)], PartyMember: i%3 == 0, Headcount: 1 + i%4,
				Actor: "前台小李", Source: []string{"desk", "kiosk"}[i%3/2]})
			visits[i] = v
			return err
		})
		if err != nil {
			return nil, fmt.Errorf("visits of %s: %w", day, err)
		}
		requests := make([]store.Request, benchRequests)
		err = parallel(benchRequests, func(i int) error {
			r, err := db.CreateRequest(ctx, store.RequestInput{Name: fmt.Sprintf("诉求人%03d", i), Phone: fmt.Sprintf("139%08d", i),
				Community: "第一网格", Category: categories[i%len(categories)], Urgency: []string{"normal", "urgent"}[i%7/6],
				Description: "楼道照明损坏，老人夜间出行不便，希望尽快维修。", Actor: "前台小李", Source: []string{"desk", "kiosk"}[i%2]})
			requests[i] = r
			return err
		})
		if err != nil {
			return nil, fmt.Errorf("requests of %s: %w", day, err)
		}
		// The evening: half the visitors check out, most requests move on.
		c.Set(at(day, "20:00"), 30*time.Minute/benchVisits)
		err = parallel(benchVisits/2, func(i int) error {
			_, err := db.CheckOut(ctx, visits[2*i].ID, "前台小李")
			return err
		})
		if err != nil {
			return nil, fmt.Errorf("check-outs of %s: %w", day, err)
		}
		// Most requests are resolved the same day; one in ten is turned
		// down, one in ten stays open and, days later, overdue.
		err = parallel(benchRequests, func(i int) error {
			id := requests[i].ID
			switch i % 10 {
			case 8:
				_, err := db.Reject(ctx, id, "前台小李", "不属于受理范围")
				return err
			case 9:
				return nil
			}
			if _, err := db.Accept(ctx, id, "前台小李"); err != nil {
				return err
			}
			if i%10 == 7 {
				return nil // accepted, resolved later
			}
			if _, err := db.Resolve(ctx, id, "前台小李", "已办理"); err != nil {
				return err
			}
			_, err := db.RecordSatisfaction(ctx, id, "前台小李", []string{"satisfied", "satisfied", "basic", "unsatisfied"}[i%4], "")
			return err
		})
		if err != nil {
			return nil, fmt.Errorf("request work of %s: %w", day, err)
		}
	}
	last := benchFirst.AddDays(benchDays)
	c.Set(at(last, "08:00"), 0)
	if _, err := db.CloseOpenVisits(ctx); err != nil {
		return nil, err
	}
	return db, nil
}

// BenchmarkReport times the two steps of printing a log, as the desk's 台账
// tab and `frontdesk report` do them: reading it from the store (query) and
// rendering it in each format; a busy day, and a month of them.
func BenchmarkReport(b *testing.B) {
	db := benchCenter(b)
	ctx := context.Background()
	opt := report.Options{Lang: "zh", PrintedBy: "王主任", PrintedAt: at(benchFirst.AddDays(benchDays), "09:00")}
	for _, p := range []struct {
		name     string
		from, to store.Day
	}{
		{"day", benchFirst.AddDays(9), benchFirst.AddDays(9)},
		{"month", benchFirst, benchFirst.AddDays(benchDays - 1)},
	} {
		l, err := db.DailyLog(ctx, p.from, p.to)
		if err != nil {
			b.Fatal(err)
		}
		days := 1 + int(p.to.AddDays(0).Day-p.from.Day)
		if l.Summary.Visits != days*benchVisits || l.Summary.RequestsReceived != days*benchRequests || l.Summary.Bookings != days*benchBookings {
			b.Fatalf("%s: the log holds %d visits, %d requests, %d bookings; want %d, %d, %d", p.name,
				l.Summary.Visits, l.Summary.RequestsReceived, l.Summary.Bookings, days*benchVisits, days*benchRequests, days*benchBookings)
		}
		b.Run(p.name+"/query", func(b *testing.B) {
			for b.Loop() {
				if _, err := db.DailyLog(ctx, p.from, p.to); err != nil {
					b.Fatal(err)
				}
			}
		})
		for _, format := range report.Formats {
			if format == "pdf" && len(l.Visits)+len(l.Requests)+len(l.Bookings) > report.PDFRecords() {
				continue // refused: more than a PDF holds (TestPDFTooLongRefusedAtOnce)
			}
			b.Run(p.name+"/"+format, func(b *testing.B) {
				for b.Loop() {
					if err := report.Write(io.Discard, l, format, opt); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
