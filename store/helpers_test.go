package store_test

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"frontdesk/store"

	_ "github.com/mattn/go-sqlite3"
)

// shanghai is the default zone of a center.
var shanghai = mustLoad("Asia/Shanghai")

func mustLoad(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// base is the instant every test starts at: Tuesday 2026-03-10, 10:00 in
// Shanghai (02:00 UTC), never the test machine's date.
var base = time.Date(2026, 3, 10, 10, 0, 0, 0, shanghai)

// baseDay is base's calendar day in the center.
var baseDay = store.Day{Year: 2026, Month: 3, Day: 10}

var ctx = context.Background()

// clock is a settable clock a test moves by hand. DB.Now is set once, to
// clock.Now, so moving the time never races with the store's goroutines.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

// Set moves the clock to t.
func (c *clock) Set(t time.Time) {
	c.mu.Lock()
	c.t = t
	c.mu.Unlock()
}

// Add moves the clock on by d.
func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// mustOpen opens a new center database in t.TempDir(), initialised as a
// center in Shanghai, with its clock fixed at base.
func mustOpen(t testing.TB) *store.DB {
	t.Helper()
	db, _ := mustOpenClock(t)
	return db
}

// mustOpenClock is mustOpen that also returns the clock, for tests that move
// time.
func mustOpenClock(t testing.TB) (*store.DB, *clock) {
	t.Helper()
	return mustOpenAt(t, filepath.Join(t.TempDir(), "frontdesk.db"), "")
}

// mustOpenAt opens path with its clock at base and runs Init with the zone tz
// ("" for the default).
func mustOpenAt(t testing.TB, path, tz string) (*store.DB, *clock) {
	t.Helper()
	db, err := store.Open(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	c := &clock{t: base}
	db.Now = c.Now
	t.Cleanup(func() { db.Close() })
	if err := db.Init(ctx, store.InitInput{Center: "测试党群服务中心", TimeZone: tz}); err != nil {
		t.Fatalf("init: %v", err)
	}
	return db, c
}

// mustCreateVenue adds a venue open 08:00–21:00.
func mustCreateVenue(t testing.TB, db *store.DB, name string, capacity int) store.Venue {
	t.Helper()
	v, err := db.CreateVenue(ctx, admin, store.VenueInput{Name: name, Capacity: capacity, Facilities: "投影、音响"})
	if err != nil {
		t.Fatalf("create venue %s: %v", name, err)
	}
	return v
}

// at returns hh:mm on day d in Shanghai.
func at(d store.Day, hhmm string) time.Time {
	c, err := store.ParseClock(hhmm)
	if err != nil {
		panic(err)
	}
	return d.At(c, shanghai)
}

// booking returns a valid desk booking of venue on day d from start to end
// (HH:MM in Shanghai), approved at once.
func booking(venueID int64, d store.Day, start, end string) store.BookingInput {
	return store.BookingInput{
		VenueID: venueID, Org: "幸福里社区党支部", Contact: "李书记", Phone: "13912345678",
		Title: "三月主题党日", Purpose: "party_day", Attendees: 20,
		Start: at(d, start), End: at(d, end), Approve: true, Actor: "王芳", Source: "desk",
	}
}

func mustBook(t testing.TB, db *store.DB, in store.BookingInput) store.Booking {
	t.Helper()
	b, err := db.CreateBooking(ctx, in)
	if err != nil {
		t.Fatalf("create booking %s–%s: %v", in.Start, in.End, err)
	}
	return b
}

// visit returns a valid desk check-in.
func visit(name, phone, purpose string) store.VisitInput {
	return store.VisitInput{Name: name, Phone: phone, Org: "幸福里社区", Purpose: purpose, Actor: "王芳"}
}

func mustCheckIn(t testing.TB, db *store.DB, in store.VisitInput) store.Visit {
	t.Helper()
	v, err := db.CheckIn(ctx, in)
	if err != nil {
		t.Fatalf("check in %s: %v", in.Name, err)
	}
	return v
}

// request returns a valid desk request.
func request() store.RequestInput {
	return store.RequestInput{
		Name: "张秀英", Phone: "13812345678", Community: "幸福里社区第三网格", Category: "housing",
		Description: "楼道灯坏了一个月，老人晚上上下楼不安全。", Actor: "王芳", Source: "desk",
	}
}

func mustCreateRequest(t testing.TB, db *store.DB, in store.RequestInput) store.Request {
	t.Helper()
	r, err := db.CreateRequest(ctx, in)
	if err != nil {
		t.Fatalf("create request: %v", err)
	}
	return r
}

// wantCode fails t unless err is a store error with code (and, if field is
// not "", naming field).
func wantCode(t testing.TB, err error, code, field string) {
	t.Helper()
	if got := store.ErrorCode(err); got != code {
		t.Fatalf("error code: got %q (%v), want %q", got, err, code)
	}
	if field != "" {
		if got := store.ErrorField(err); got != field {
			t.Fatalf("error field: got %q (%v), want %q", got, err, field)
		}
	}
	var e *store.Error
	if errors.As(err, &e) && (e.ZH == "" || e.EN == "") {
		t.Fatalf("error %v: want both a Chinese and an English message, got ZH %q EN %q", err, e.ZH, e.EN)
	}
}

// tables are the tables whose rows a failed write must leave alone.
var tables = []string{"visitors", "visits", "requests", "request_events", "venues", "series", "series_dates", "bookings", "counters", "staff", "settings", "submission_keys", "staff_keys", "admin_events"}

// rowCounts counts the rows of every table through a connection of its own.
func rowCounts(t testing.TB, path string) map[string]int {
	t.Helper()
	raw, err := sql.Open("sqlite3", "file:"+path+"?mode=ro&_busy_timeout=10000")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	out := map[string]int{}
	for _, tb := range tables {
		var n int
		if err := raw.QueryRow("SELECT COUNT(*) FROM " + tb).Scan(&n); err != nil {
			t.Fatalf("count %s: %v", tb, err)
		}
		out[tb] = n
	}
	return out
}

// wantSameCounts fails t if any table's row count changed.
func wantSameCounts(t testing.TB, before, after map[string]int) {
	t.Helper()
	for _, tb := range tables {
		if before[tb] != after[tb] {
			t.Errorf("rows in %s: got %d, want %d (nothing written)", tb, after[tb], before[tb])
		}
	}
}

// admin is the machine's administrator, who may change anything.
var admin = store.Actor{System: "root"}

// second returns the error of a call that returns a value and an error.
func second[T any](_ T, err error) error { return err }
