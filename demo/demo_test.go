package demo_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"frontdesk/demo"
	"frontdesk/store"
)

var ctx = context.Background()

var shanghai = mustLoad("Asia/Shanghai")

func mustLoad(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// fixed is the moment every test runs at: Wednesday 2026-03-18, 15:20 in
// Shanghai, mid-afternoon with people in the building; never the machine's
// date.
var fixed = time.Date(2026, 3, 18, 15, 20, 0, 0, shanghai)

var today = store.Day{Year: 2026, Month: 3, Day: 18}

// clock is a test's clock, set once as db.Now and moved by hand.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

// Now returns the clock's time.
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

// mustOpen opens a new database file at path with its clock at fixed. The
// clock is installed before anything is written, as a fresh process would.
func mustOpen(t testing.TB, path string) (*store.DB, *clock) {
	t.Helper()
	db, err := store.Open(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	c := &clock{t: fixed}
	db.Now = c.Now
	t.Cleanup(func() { db.Close() })
	return db, c
}

// generated is one database Generate filled.
type generated struct {
	db    *store.DB
	clock *clock
	sum   demo.Summary
	err   error
}

// generateAll fills one new database per seed, side by side: each takes a
// couple of seconds.
func generateAll(t *testing.T, seeds ...int64) []generated {
	t.Helper()
	out := make([]generated, len(seeds))
	for i := range seeds {
		out[i].db, out[i].clock = mustOpen(t, filepath.Join(t.TempDir(), fmt.Sprintf("demo-%d.db", i)))
	}
	var wg sync.WaitGroup
	for i, seed := range seeds {
		wg.Go(func() { out[i].sum, out[i].err = demo.Generate(ctx, out[i].db, seed) })
	}
	wg.Wait()
	for i, g := range out {
		if g.err != nil {
			t.Fatalf("Generate(seed %d): %v", seeds[i], g.err)
		}
	}
	return out
}

// month is everything a generated database holds, read back through the
// store.
type month struct {
	visits   []store.Visit
	requests []store.Request
	bookings []store.Booking
	events   map[int64][]store.RequestEvent
}

func readMonth(t *testing.T, db *store.DB, sum demo.Summary) month {
	t.Helper()
	var m month
	for d := sum.From; !sum.To.Before(d); d = d.AddDays(1) {
		vs, err := db.VisitsOn(ctx, d)
		if err != nil {
			t.Fatalf("VisitsOn(%s): %v", d, err)
		}
		m.visits = append(m.visits, vs...)
	}
	var err error
	if m.requests, err = db.Requests(ctx, store.RequestFilter{From: sum.From, To: sum.To, Limit: 100000}); err != nil {
		t.Fatalf("Requests: %v", err)
	}
	m.events = map[int64][]store.RequestEvent{}
	for _, r := range m.requests {
		if m.events[r.ID], err = db.RequestEvents(ctx, r.ID); err != nil {
			t.Fatalf("RequestEvents(%d): %v", r.ID, err)
		}
	}
	if m.bookings, err = db.BookingsBetween(ctx, sum.From, sum.To.AddDays(7)); err != nil {
		t.Fatalf("BookingsBetween: %v", err)
	}
	return m
}

// fingerprint lists every record's visible fields, private status codes
// left out (they are random by design), so two months can be compared.
func (m month) fingerprint() []string {
	ts := func(t time.Time) string {
		if t.IsZero() {
			return "-"
		}
		return t.In(shanghai).Format(time.DateTime)
	}
	var out []string
	for _, v := range m.visits {
		out = append(out, fmt.Sprintf("V %d %s %s %s %s %s %t %d %q %s %s %t %s %s", v.ID, v.ReceiptNo, v.Name, v.Phone,
			v.Org, v.Purpose, v.PartyMember, v.Headcount, v.Note, ts(v.CheckedInAt), ts(v.CheckedOutAt), v.AutoClosed,
			v.CreatedBy, v.Source))
	}
	for _, r := range m.requests {
		out = append(out, fmt.Sprintf("R %d %s %s %s %s %s %s %q %s %s %s %s %q %s %q %s %q %s %s %s %s %s", r.ID,
			r.ReceiptNo, r.Name, r.Phone, r.Community, r.Category, r.Urgency, r.Description, r.Handler, r.Owner,
			r.PromisedBy, r.Status, r.Resolution, r.TransferredTo, r.RejectReason, r.Satisfaction,
			r.SatisfactionComment, ts(r.AcceptedAt), ts(r.ResolvedAt), ts(r.ClosedAt), r.CreatedBy, ts(r.CreatedAt)))
		for _, e := range m.events[r.ID] {
			out = append(out, fmt.Sprintf("E %s %s %s>%s %q", ts(e.At), e.Actor, e.From, e.To, e.Note))
		}
	}
	for _, b := range m.bookings {
		out = append(out, fmt.Sprintf("B %d %s %s %d %s %s %s %s %s %d %s %s %s %q %s %s %s %s %s %s", b.ID, b.ReceiptNo,
			b.VenueName, b.SeriesID, b.Org, b.Contact, b.Phone, b.Title, b.Purpose, b.Attendees, ts(b.Start), ts(b.End),
			b.Status, b.Reason, b.DecidedBy, ts(b.DecidedAt), ts(b.ArrivedAt), b.CreatedBy, b.Source, ts(b.CreatedAt)))
	}
	return out
}

func TestGenerate(t *testing.T) {
	t.Parallel()
	gens := generateAll(t, 7, 7, 8)
	db, sum := gens[0].db, gens[0].sum
	m := readMonth(t, db, sum)
	staff, err := db.StaffList(ctx)
	if err != nil {
		t.Fatalf("StaffList: %v", err)
	}
	actors := map[string]bool{"kiosk": true}
	for _, s := range staff {
		actors[s.Name] = true
	}

	t.Run("Summary", func(t *testing.T) {
		if want := today.AddDays(-29); sum.From != want || sum.To != today {
			t.Errorf("got From %s To %s, want %s to %s", sum.From, sum.To, want, today)
		}
		if got, want := len(m.visits), sum.Visits; got != want {
			t.Errorf("got %d visits stored, Summary says %d", got, want)
		}
		if got, want := len(m.requests), sum.Requests; got != want {
			t.Errorf("got %d requests stored, Summary says %d", got, want)
		}
		if got, want := len(m.bookings), sum.Bookings; got != want {
			t.Errorf("got %d bookings stored, Summary says %d", got, want)
		}
		counts, err := db.CountRecords(ctx)
		if err != nil {
			t.Fatalf("CountRecords: %v", err)
		}
		if counts.Visits != sum.Visits || counts.Requests != sum.Requests || counts.Bookings != sum.Bookings {
			t.Errorf("got %+v in the file, want the Summary's %+v", counts, sum)
		}
		for _, c := range []struct {
			what      string
			n, lo, hi int
		}{{"visits", sum.Visits, 900, 2400}, {"requests", sum.Requests, 120, 360}, {"bookings", sum.Bookings, 70, 300}} {
			if c.n < c.lo || c.n > c.hi {
				t.Errorf("got %d %s, want %d to %d", c.n, c.what, c.lo, c.hi)
			}
		}
	})

	t.Run("Center", func(t *testing.T) {
		s := db.Settings()
		if s.CenterName != "大同市平城区新建南路街道党群服务中心" || s.TimeZone != "Asia/Shanghai" {
			t.Errorf("got center %q in %s, want the demo center in Asia/Shanghai", s.CenterName, s.TimeZone)
		}
		venues, err := db.Venues(ctx, true)
		if err != nil {
			t.Fatalf("Venues: %v", err)
		}
		if len(venues) != 5 {
			t.Errorf("got %d venues, want 5", len(venues))
		}
		desk, managers := 0, 0
		for _, s := range staff {
			switch s.Role {
			case store.RoleDesk:
				desk++
			case store.RoleManager:
				managers++
			}
		}
		if desk < 3 || desk > 4 || managers != 1 {
			t.Errorf("got %d desk staff and %d managers, want 3–4 and 1", desk, managers)
		}
	})

	t.Run("ClockHandedBack", func(t *testing.T) {
		later := fixed.Add(time.Hour)
		gens[0].clock.Set(later)
		got := db.Now()
		gens[0].clock.Set(fixed)
		if !got.Equal(later) {
			t.Errorf("got db.Now() %s after Generate with the caller's clock at %s; want the caller's clock", got, later)
		}
	})

	t.Run("Actors", func(t *testing.T) {
		sources := map[string]bool{}
		check := func(what, by, source string) {
			sources[what+" "+source] = true
			if !actors[by] {
				t.Errorf("%s created by %q, who is neither staff nor the kiosk", what, by)
			}
			if (source == "kiosk") != (by == "kiosk") {
				t.Errorf("%s from %s created by %q", what, source, by)
			}
		}
		for _, v := range m.visits {
			check("visit", v.CreatedBy, v.Source)
		}
		for _, r := range m.requests {
			check("request", r.CreatedBy, r.Source)
			for _, e := range m.events[r.ID] {
				if !actors[e.Actor] {
					t.Errorf("request %s moved by %q, who is neither staff nor the kiosk", r.ReceiptNo, e.Actor)
				}
			}
		}
		for _, b := range m.bookings {
			check("booking", b.CreatedBy, b.Source)
		}
		for _, k := range []string{"visit desk", "visit kiosk", "request desk", "request kiosk", "booking desk", "booking kiosk"} {
			if !sources[k] {
				t.Errorf("no %s record", k)
			}
		}
	})

	t.Run("Phones", func(t *testing.T) {
		phones := []string{}
		for _, v := range m.visits {
			phones = append(phones, v.Phone)
		}
		for _, r := range m.requests {
			phones = append(phones, r.Phone)
		}
		for _, b := range m.bookings {
			phones = append(phones, b.Phone)
		}
		for _, p := range phones {
			if p == "" {
				continue
			}
			if n, ok := store.NormalizePhone(p); !ok || n != p || len(p) != 11 || p[0] != '1' {
				t.Errorf("phone %q is not a mainland mobile number", p)
			}
		}
	})

	t.Run("VisitTimes", func(t *testing.T) {
		perDay := map[store.Day]int{}
		for _, v := range m.visits {
			d, min := local(v.CheckedInAt)
			perDay[d]++
			if min < 8*60+30 || min >= 18*60 {
				t.Errorf("visit %s checked in at %s, outside 08:30–18:00", v.ReceiptNo, v.CheckedInAt.In(shanghai).Format("15:04"))
			}
			if !v.CheckedOutAt.IsZero() && v.CheckedOutAt.Before(v.CheckedInAt) {
				t.Errorf("visit %s left before it came", v.ReceiptNo)
			}
			if v.CheckedInAt.After(fixed) {
				t.Errorf("visit %s checked in at %s, after now", v.ReceiptNo, v.CheckedInAt)
			}
		}
		weekdays, weekends := 0, 0
		for d := sum.From; d.Before(today); d = d.AddDays(1) {
			n := perDay[d]
			if w := d.Weekday(); w == time.Saturday || w == time.Sunday {
				weekends += n
				if n > 20 {
					t.Errorf("got %d visits on %s, a weekend; want a quiet day", n, d)
				}
				continue
			}
			weekdays += n
			if n < 40 || n > 82 {
				t.Errorf("got %d visits on weekday %s, want 40–80 and a tour", n, d)
			}
		}
		if weekends == 0 || weekends*4 > weekdays {
			t.Errorf("got %d weekend and %d weekday visits, want a few at weekends", weekends, weekdays)
		}
	})

	t.Run("Purposes", func(t *testing.T) {
		seen := map[string]bool{}
		tours := 0
		for _, v := range m.visits {
			seen[v.Purpose] = true
			if v.Purpose == "study_tour" {
				tours++
				if v.Headcount < 15 || v.Headcount > 40 {
					t.Errorf("study tour %s has headcount %d, want 15–40", v.ReceiptNo, v.Headcount)
				}
			}
			if v.Purpose == "party_report" && !v.PartyMember {
				t.Errorf("visit %s reports as a party member but is not one", v.ReceiptNo)
			}
		}
		for _, p := range store.Purposes {
			if !seen[p.Code] {
				t.Errorf("no visit for %s (%s)", p.ZH, p.Code)
			}
		}
		if tours == 0 {
			t.Error("no study tour")
		}
	})

	t.Run("ReturningVisitors", func(t *testing.T) {
		best := store.Visitor{}
		for _, v := range m.visits {
			if v.Phone == "" || v.Purpose != "party_report" {
				continue
			}
			found, err := db.FindVisitors(ctx, v.Phone[7:], 20)
			if err != nil {
				t.Fatalf("FindVisitors: %v", err)
			}
			for _, f := range found {
				if f.Name == v.Name && f.Phone == v.Phone && f.VisitCount > best.VisitCount {
					best = f
				}
			}
			if best.VisitCount >= 3 {
				break
			}
		}
		if best.VisitCount < 3 {
			t.Errorf("no party member found by the last four digits with 3 visits or more; best %+v", best)
		}
	})

	t.Run("ServiceHours", func(t *testing.T) {
		hours, err := db.ServiceHoursBetween(ctx, sum.From, sum.To)
		if err != nil {
			t.Fatalf("ServiceHoursBetween: %v", err)
		}
		var total time.Duration
		for _, h := range hours {
			total += h.Duration
		}
		if total < 10*time.Hour {
			t.Errorf("got %s of service in the month, want plenty", total)
		}
		for _, v := range m.visits {
			if d := v.ServiceDuration(); d != 0 && (d < time.Hour || d > 4*time.Hour) {
				t.Errorf("service visit %s lasted %s, want 1–4 h", v.ReceiptNo, d)
			}
		}
	})

	t.Run("OpenAndAutoClosed", func(t *testing.T) {
		auto := 0
		for _, v := range m.visits {
			d, _ := local(v.CheckedInAt)
			if v.AutoClosed {
				auto++
			}
			if d.Before(today) && v.Open() {
				t.Errorf("visit %s of %s is still open; the day's end should have closed it", v.ReceiptNo, d)
			}
		}
		if auto == 0 {
			t.Error("no visit closed automatically at the end of its day")
		}
		in, err := db.InBuilding(ctx)
		if err != nil {
			t.Fatalf("InBuilding: %v", err)
		}
		if len(in) == 0 {
			t.Error("nobody in the building at 15:20 on a Wednesday")
		}
	})

	checkStatuses(t, db, m, today)

	t.Run("RequestHistory", func(t *testing.T) {
		for _, r := range m.requests {
			ev := m.events[r.ID]
			if len(ev) == 0 || ev[0].To != store.StatusNew || ev[len(ev)-1].To != r.Status {
				t.Errorf("request %s (%s) has history %+v", r.ReceiptNo, r.Status, ev)
				continue
			}
			for i := 1; i < len(ev); i++ {
				if ev[i].At.Before(ev[i-1].At) || ev[i].At.After(fixed) {
					t.Errorf("request %s: event %d at %s out of order", r.ReceiptNo, i, ev[i].At)
				}
				if ev[i].Actor != "kiosk" {
					if _, min := local(ev[i].At); min < 8*60+30 || min >= 18*60 {
						t.Errorf("request %s moved by staff at %s, outside desk hours", r.ReceiptNo, ev[i].At.In(shanghai))
					}
				}
			}
			if r.Status == store.StatusTransferred && r.TransferredTo == "" {
				t.Errorf("request %s transferred to nobody", r.ReceiptNo)
			}
			if r.Status == store.StatusRejected && r.RejectReason == "" {
				t.Errorf("request %s rejected without a reason", r.ReceiptNo)
			}
		}
	})

	t.Run("NoOverlap", func(t *testing.T) {
		var approved []store.Booking
		for _, b := range m.bookings {
			if b.Status == store.BookingApproved {
				approved = append(approved, b)
			}
		}
		for i, a := range approved {
			for _, b := range approved[i+1:] {
				if a.VenueID == b.VenueID && a.Start.Before(b.End) && b.Start.Before(a.End) {
					t.Errorf("approved bookings %s and %s of %s overlap", a.ReceiptNo, b.ReceiptNo, a.VenueName)
				}
			}
		}
	})

	t.Run("SeriesWithClash", func(t *testing.T) {
		var series []store.Booking
		for _, b := range m.bookings {
			if b.SeriesID != 0 {
				series = append(series, b)
			}
		}
		if len(series) < 3 {
			t.Fatalf("got %d bookings in a series, want a weekly series", len(series))
		}
		first := series[0]
		if first.Purpose != "three_one" {
			t.Errorf("got series purpose %s, want three_one (三会一课)", first.Purpose)
		}
		dates := map[store.Day]bool{}
		for _, b := range series {
			d, min := local(b.Start)
			dates[d] = true
			if b.SeriesID != first.SeriesID || b.VenueID != first.VenueID || d.Weekday() != time.Tuesday || min != 14*60+30 {
				t.Errorf("series booking %s: venue %s, %s at %s; want one weekly Tuesday slot", b.ReceiptNo, b.VenueName,
					d, b.Start.In(shanghai).Format("15:04"))
			}
		}
		last, _ := local(series[len(series)-1].Start)
		clashes := 0
		for d, _ := local(first.Start); !last.Before(d); d = d.AddDays(7) {
			if dates[d] {
				continue
			}
			// The missing week: someone else held the room then.
			from := d.At(store.Clock{Hour: 14, Minute: 30}, shanghai)
			to := d.At(store.Clock{Hour: 16, Minute: 30}, shanghai)
			for _, b := range m.bookings {
				if b.VenueID == first.VenueID && b.SeriesID == 0 && b.Start.Before(to) && from.Before(b.End) &&
					b.CreatedAt.Before(first.CreatedAt) {
					clashes++
				}
			}
		}
		if clashes != 1 {
			t.Errorf("got %d weeks where the series gave way to an earlier booking, want 1", clashes)
		}
	})

	t.Run("RefusesPopulated", func(t *testing.T) {
		before := db.Now()
		_, err := demo.Generate(ctx, db, 7)
		if got := store.ErrorCode(err); got != store.ECONFLICT {
			t.Fatalf("got %v (code %q) on a populated database, want ECONFLICT", err, got)
		}
		if got, want := store.ErrorMessage(err, "zh"), "数据库已有数据，请用新文件运行 demo"; got != want {
			t.Errorf("got message %q, want %q", got, want)
		}
		if store.ErrorMessage(err, "en") == "" || strings.ContainsAny(store.ErrorMessage(err, "en"), "数据") {
			t.Errorf("got English message %q", store.ErrorMessage(err, "en"))
		}
		counts, err := db.CountRecords(ctx)
		if err != nil {
			t.Fatalf("CountRecords: %v", err)
		}
		if counts.Visits != sum.Visits || counts.Requests != sum.Requests || counts.Bookings != sum.Bookings {
			t.Errorf("got %+v after the refusal, want %+v untouched", counts, sum)
		}
		if !db.Now().Equal(before) {
			t.Errorf("the refusal moved the clock to %s", db.Now())
		}
	})

	t.Run("SameSeed", func(t *testing.T) {
		a := m.fingerprint()
		b := readMonth(t, gens[1].db, gens[1].sum).fingerprint()
		if len(a) < 1000 {
			t.Fatalf("got %d rows, want a month's worth", len(a))
		}
		if gens[1].sum != sum {
			t.Errorf("got Summary %+v for the same seed, want %+v", gens[1].sum, sum)
		}
		if i := firstDiff(a, b); i >= 0 {
			t.Errorf("the same seed gave different data at row %d:\n got %s\nwant %s", i, at(b, i), at(a, i))
		}
	})

	t.Run("OtherSeed", func(t *testing.T) {
		c := readMonth(t, gens[2].db, gens[2].sum).fingerprint()
		if firstDiff(m.fingerprint(), c) < 0 {
			t.Error("seeds 7 and 8 gave the same data")
		}
	})
}

// checkStatuses checks that, as of the day today, every request and booking
// status is there, with overdue requests, callbacks to make and bookings in
// the coming week waiting for the desk.
func checkStatuses(t *testing.T, db *store.DB, m month, today store.Day) {
	t.Run("RequestStatuses", func(t *testing.T) {
		statuses, categories := map[string]int{}, map[string]bool{}
		urgent := 0
		for _, r := range m.requests {
			statuses[r.Status]++
			categories[r.Category] = true
			if r.Urgency == "urgent" {
				urgent++
			}
		}
		for _, s := range store.RequestStatuses {
			if statuses[s.Code] == 0 {
				t.Errorf("no request %s (%s); got %v", s.ZH, s.Code, statuses)
			}
		}
		for _, c := range store.Categories {
			if !categories[c.Code] {
				t.Errorf("no request in category %s", c.ZH)
			}
		}
		if urgent == 0 || urgent*3 > len(m.requests) {
			t.Errorf("got %d urgent of %d requests, want some", urgent, len(m.requests))
		}
	})

	t.Run("OverdueAndCallbacks", func(t *testing.T) {
		overdue, err := db.Requests(ctx, store.RequestFilter{Overdue: true})
		if err != nil {
			t.Fatalf("Requests(overdue): %v", err)
		}
		if len(overdue) == 0 {
			t.Error("no overdue request")
		}
		for _, r := range overdue {
			if !r.Overdue || store.Done(r.Status) || !r.PromisedBy.Before(today) {
				t.Errorf("request %s listed overdue: status %s, promised %s", r.ReceiptNo, r.Status, r.PromisedBy)
			}
		}
		calls, err := db.Callbacks(ctx)
		if err != nil {
			t.Fatalf("Callbacks: %v", err)
		}
		if len(calls) == 0 {
			t.Error("no resolved request waiting for its callback")
		}
		verdicts := map[string]int{}
		for _, r := range m.requests {
			if r.Status == store.StatusClosed {
				verdicts[r.Satisfaction]++
			}
		}
		total := verdicts["satisfied"] + verdicts["basic"] + verdicts["unsatisfied"]
		if total == 0 || verdicts["satisfied"]*10 < total*6 || verdicts["unsatisfied"] == total {
			t.Errorf("got satisfaction %v, want mostly 满意", verdicts)
		}
	})

	t.Run("BookingStatuses", func(t *testing.T) {
		statuses := map[string]int{}
		arrived, futurePending := 0, 0
		for _, b := range m.bookings {
			statuses[b.Status]++
			if !b.ArrivedAt.IsZero() {
				arrived++
			}
			if d, _ := local(b.Start); b.Status == store.BookingPending && today.Before(d) {
				futurePending++
			}
			if !b.CreatedAt.Before(b.Start) {
				t.Errorf("booking %s made at %s for %s", b.ReceiptNo, b.CreatedAt, b.Start)
			}
		}
		for _, s := range store.BookingStatuses {
			if statuses[s.Code] == 0 {
				t.Errorf("no booking %s (%s); got %v", s.ZH, s.Code, statuses)
			}
		}
		if arrived == 0 {
			t.Error("no group checked in on arrival")
		}
		if futurePending == 0 {
			t.Error("no pending booking in the coming week for the desk to approve")
		}
	})
}

// local returns t's day and minutes after midnight in Shanghai.
func local(t time.Time) (store.Day, int) {
	l := t.In(shanghai)
	return store.Day{Year: l.Year(), Month: l.Month(), Day: l.Day()}, l.Hour()*60 + l.Minute()
}

func firstDiff(a, b []string) int {
	for i := range max(len(a), len(b)) {
		if at(a, i) != at(b, i) {
			return i
		}
	}
	return -1
}

func at(rows []string, i int) string {
	if i < len(rows) {
		return rows[i]
	}
	return "(none)"
}

func TestGenerateRefusesRecords(t *testing.T) {
	t.Parallel()
	db, _ := mustOpen(t, filepath.Join(t.TempDir(), "real.db"))
	if err := db.Init(ctx, store.InitInput{Center: "真实的党群服务中心"}); err != nil {
		t.Fatalf("Init: %v", err)
	}
	_, err := db.CreateRequest(ctx, store.RequestInput{Name: "张三", Phone: "13912345678", Category: "policy",
		Description: "咨询", Actor: "前台"})
	if err != nil {
		t.Fatalf("CreateRequest: %v", err)
	}
	_, err = demo.Generate(ctx, db, 1)
	if got := store.ErrorCode(err); got != store.ECONFLICT {
		t.Fatalf("got %v on a database with a request, want ECONFLICT", err)
	}
	venues, err := db.Venues(ctx, false)
	if err != nil {
		t.Fatalf("Venues: %v", err)
	}
	staff, err := db.StaffList(ctx)
	if err != nil {
		t.Fatalf("StaffList: %v", err)
	}
	if len(venues) != 0 || len(staff) != 0 || db.Settings().CenterName != "真实的党群服务中心" {
		t.Errorf("the refusal still wrote: %d venues, %d staff, center %q", len(venues), len(staff), db.Settings().CenterName)
	}
}

// TestGenerateKeepsCenter runs demo on a center set up by `frontdesk init`
// in an earlier process: its name, zone and closing time stay, and the
// demo's venues join its own. It runs at 07:10 on a Monday, before the
// desk opens, when nothing has happened today and the weekend was quiet:
// every status must still be there.
func TestGenerateKeepsCenter(t *testing.T) {
	t.Parallel()
	early := time.Date(2026, 3, 16, 7, 10, 0, 0, shanghai)
	path := filepath.Join(t.TempDir(), "center.db")
	first, err := store.Open(path)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	first.Now = func() time.Time { return early.Add(-72 * time.Hour) }
	err = first.Init(ctx, store.InitInput{Center: "测试党群服务中心", Venues: []store.VenueInput{{Name: "报告厅", Capacity: 120}}})
	first.Close()
	if err != nil {
		t.Fatalf("Init: %v", err)
	}

	db, clk := mustOpen(t, path)
	clk.Set(early)
	sum, err := demo.Generate(ctx, db, 3)
	if err != nil {
		t.Fatalf("Generate: %v", err)
	}
	s := db.Settings()
	if s.CenterName != "测试党群服务中心" || s.ClosesAt != (store.Clock{Hour: 21}) {
		t.Errorf("got center %q closing at %s, want the center's own name and hours", s.CenterName, s.ClosesAt)
	}
	venues, err := db.Venues(ctx, false)
	if err != nil {
		t.Fatalf("Venues: %v", err)
	}
	var names []string
	for _, v := range venues {
		names = append(names, v.Name)
	}
	if !slices.Contains(names, "报告厅") || !slices.Contains(names, "党员活动室") || len(names) != 6 {
		t.Errorf("got venues %v, want the center's own and the demo's", names)
	}
	day := store.Day{Year: 2026, Month: 3, Day: 16}
	if sum.To != day {
		t.Errorf("got To %s, want %s", sum.To, day)
	}
	m := readMonth(t, db, sum)
	for _, v := range m.visits {
		if d, _ := local(v.CheckedInAt); d == day {
			t.Errorf("visit %s checked in today at %s, before the desk opens", v.ReceiptNo, v.CheckedInAt.In(shanghai))
		}
	}
	checkStatuses(t, db, m, day)
}

// TestGenerateCancelled stops Generate part-way; it returns the context's
// error and the database's clock is the caller's again.
func TestGenerateCancelled(t *testing.T) {
	t.Parallel()
	db, clk := mustOpen(t, filepath.Join(t.TempDir(), "cancel.db"))
	events, stop := db.Subscribe()
	defer stop()
	cctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		n := 0
		for range events {
			if n++; n == 300 {
				cancel()
			}
		}
	}()
	_, err := demo.Generate(cctx, db, 1)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v, want context.Canceled", err)
	}
	later := fixed.Add(time.Hour)
	clk.Set(later)
	if got := db.Now(); !got.Equal(later) {
		t.Errorf("got db.Now() %s after a cancelled Generate with the caller's clock at %s; want the caller's clock", got, later)
	}
	counts, err := db.CountRecords(ctx)
	if err != nil {
		t.Fatalf("CountRecords: %v", err)
	}
	if counts.Visits == 0 || counts.Visits > 600 {
		t.Errorf("got %+v, want a part of the month", counts)
	}
}

// BenchmarkGenerate makes a whole month in a new file per iteration: what
// `frontdesk demo` costs.
func BenchmarkGenerate(b *testing.B) {
	dir := b.TempDir()
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		db, _ := mustOpen(b, filepath.Join(dir, fmt.Sprintf("bench-%d.db", i)))
		b.StartTimer()
		sum, err := demo.Generate(ctx, db, 1)
		if err != nil {
			b.Fatalf("Generate: %v", err)
		}
		b.ReportMetric(float64(sum.Visits+sum.Requests+sum.Bookings), "records/op")
	}
}
