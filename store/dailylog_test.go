package store_test

import (
	"context"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"frontdesk/store"
)

// The daily-log tests keep their own helpers, named log…, so they stand
// apart from the other store tests' helpers.

var logShanghai = func() *time.Location {
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		panic(err)
	}
	return loc
}()

// logDay is the day most log tests print: Tuesday 2026-03-10.
var logDay = store.Day{Year: 2026, Month: 3, Day: 10}

// logClock is a clock the test sets by hand.
type logClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *logClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }

func (c *logClock) Set(t time.Time) { c.mu.Lock(); c.t = t; c.mu.Unlock() }

// logAt is hh:mm on d in Shanghai.
func logAt(d store.Day, hhmm string) time.Time {
	c, err := store.ParseClock(hhmm)
	if err != nil {
		panic(err)
	}
	return d.At(c, logShanghai)
}

// logOpen opens a center in Shanghai in t.TempDir() with two venues: 多功能厅
// open 08:00–21:00 and 会议室 open 09:00–17:00.
func logOpen(t testing.TB) (*store.DB, *logClock, []store.Venue) {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "log.db"))
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	c := &logClock{t: logAt(logDay.AddDays(-1), "09:00")}
	db.Now = c.Now
	err = db.Init(context.Background(), store.InitInput{Center: "测试党群服务中心", TimeZone: "Asia/Shanghai",
		Venues: []store.VenueInput{{Name: "多功能厅", Capacity: 80}, {Name: "会议室", Capacity: 20, OpensAt: "09:00", ClosesAt: "17:00"}}})
	if err != nil {
		t.Fatalf("init: %v", err)
	}
	venues, err := db.Venues(context.Background(), false)
	if err != nil || len(venues) != 2 {
		t.Fatalf("venues: %v %v", venues, err)
	}
	return db, c, venues
}

func logCheckIn(t testing.TB, db *store.DB, c *logClock, when time.Time, in store.VisitInput) store.Visit {
	t.Helper()
	c.Set(when)
	if in.Actor == "" {
		in.Actor = "前台小李"
	}
	v, err := db.CheckIn(context.Background(), in)
	if err != nil {
		t.Fatalf("check in %s: %v", in.Name, err)
	}
	return v
}

func logCheckOut(t testing.TB, db *store.DB, c *logClock, when time.Time, id int64) {
	t.Helper()
	c.Set(when)
	if _, err := db.CheckOut(context.Background(), id, "前台小李"); err != nil {
		t.Fatalf("check out %d: %v", id, err)
	}
}

func logRequest(t testing.TB, db *store.DB, c *logClock, when time.Time, name, category, urgency string) store.Request {
	t.Helper()
	c.Set(when)
	r, err := db.CreateRequest(context.Background(), store.RequestInput{Name: name, Phone: "13800001111",
		Category: category, Urgency: urgency, Description: "路灯不亮", Actor: "前台小李"})
	if err != nil {
		t.Fatalf("create request: %v", err)
	}
	return r
}

// logDo runs a store call at when and fails the test on error.
func logDo(t testing.TB, c *logClock, when time.Time, what string, fn func(context.Context) error) {
	t.Helper()
	c.Set(when)
	if err := fn(context.Background()); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

func logRead(t testing.TB, db *store.DB, c *logClock, asOf time.Time, from, to store.Day) *store.DailyLog {
	t.Helper()
	c.Set(asOf)
	l, err := db.DailyLog(context.Background(), from, to)
	if err != nil {
		t.Fatalf("daily log %s..%s: %v", from, to, err)
	}
	return l
}

func TestDailyLogLocalDay(t *testing.T) {
	db, c, _ := logOpen(t)
	next := logDay.AddDays(1)
	// 07:30 in Shanghai is 23:30 UTC of the day before; 23:30 in Shanghai
	// is 15:30 UTC; 00:30 the next day is still 16:30 UTC of this one.
	early := logCheckIn(t, db, c, logAt(logDay, "07:30"), store.VisitInput{Name: "早到", Purpose: "business"})
	late := logCheckIn(t, db, c, logAt(logDay, "23:30"), store.VisitInput{Name: "晚到", Purpose: "business"})
	after := logCheckIn(t, db, c, logAt(next, "00:30"), store.VisitInput{Name: "次日", Purpose: "business"})
	if got := early.CheckedInAt.UTC().Day(); got != 9 {
		t.Fatalf("07:30 Shanghai is UTC day %d, want 9", got)
	}
	if got := after.CheckedInAt.UTC().Day(); got != 10 {
		t.Fatalf("00:30 Shanghai next day is UTC day %d, want 10", got)
	}
	l := logRead(t, db, c, logAt(next, "12:00"), logDay, logDay)
	var got []int64
	for _, v := range l.Visits {
		got = append(got, v.ID)
	}
	if len(got) != 2 || got[0] != early.ID || got[1] != late.ID {
		t.Errorf("visits of %s: got ids %v, want [%d %d]", logDay, got, early.ID, late.ID)
	}
	if l.Summary.Visits != 2 {
		t.Errorf("summary visits: got %d, want 2", l.Summary.Visits)
	}
	l2 := logRead(t, db, c, logAt(next, "12:00"), next, next)
	if len(l2.Visits) != 1 || l2.Visits[0].ID != after.ID {
		t.Errorf("visits of %s: got %v, want only %d", next, l2.Visits, after.ID)
	}
}

// TestDailyLogRates checks the three rates of 接诉即办 on a worked example.
//
//	R1 09:00 normal   accepted 10:00 (on time), resolved, rated 满意
//	R2 09:10 normal   accepted two days later (late), resolved, rated 基本满意
//	R3 09:20 urgent   respond by 11:20, accepted 12:00 (late), in progress, promised by the next day
//	R4 10:00 normal   rejected 10:30 (on time)
//	R5 11:00 normal   transferred 11:30 (on time), resolved the next day, rated 不满意
//	R6 16:00 normal   untouched
//
// At 20:00 that day: R2 and R6 are waiting (inside 24 h), so the response rate
// is 3 on time of R1 R3 R4 R5 = 3/4; resolution 1 (R1) of 6−1 = 1/5;
// satisfaction 1/1. Three days later: R2 late, R6 late (time passed), so
// 3/6; resolved R1 R2 R5 = 3/5; satisfaction (1+1)/3; overdue R3 only.
func TestDailyLogRates(t *testing.T) {
	db, c, _ := logOpen(t)
	d := logDay
	r1 := logRequest(t, db, c, logAt(d, "09:00"), "甲", "policy", "normal")
	r2 := logRequest(t, db, c, logAt(d, "09:10"), "乙", "policy", "normal")
	r3 := logRequest(t, db, c, logAt(d, "09:20"), "丙", "housing", "urgent")
	r4 := logRequest(t, db, c, logAt(d, "10:00"), "丁", "other", "normal")
	logDo(t, c, logAt(d, "10:00"), "accept R1", func(ctx context.Context) error { _, err := db.Accept(ctx, r1.ID, "小李"); return err })
	logDo(t, c, logAt(d, "10:30"), "reject R4", func(ctx context.Context) error {
		_, err := db.Reject(ctx, r4.ID, "小李", "不属于受理范围")
		return err
	})
	r5 := logRequest(t, db, c, logAt(d, "11:00"), "戊", "housing", "normal")
	logDo(t, c, logAt(d, "11:30"), "transfer R5", func(ctx context.Context) error {
		_, err := db.Transfer(ctx, r5.ID, "小李", "物业公司", "")
		return err
	})
	logDo(t, c, logAt(d, "12:00"), "accept R3", func(ctx context.Context) error { _, err := db.Accept(ctx, r3.ID, "小王"); return err })
	logDo(t, c, logAt(d, "12:10"), "start R3", func(ctx context.Context) error { _, err := db.Start(ctx, r3.ID, "小王", ""); return err })
	logDo(t, c, logAt(d, "12:20"), "resolve R1", func(ctx context.Context) error { _, err := db.Resolve(ctx, r1.ID, "小李", "已解答"); return err })
	logDo(t, c, logAt(d, "13:00"), "rate R1", func(ctx context.Context) error {
		_, err := db.RecordSatisfaction(ctx, r1.ID, "小李", "satisfied", "")
		return err
	})
	logRequest(t, db, c, logAt(d, "16:00"), "己", "other", "normal")

	type rates struct {
		received, resolved, rejected, open, overdue int
		response, resolution, satisfaction          store.Rate
	}
	check := func(t *testing.T, l *store.DailyLog, want rates) {
		t.Helper()
		s := l.Summary
		got := rates{s.RequestsReceived, s.Resolved, s.Rejected, s.Open, s.Overdue, s.Response, s.Resolution, s.Satisfaction}
		if got != want {
			t.Errorf("got %+v, want %+v", got, want)
		}
		if len(l.Days) != 1 || l.Days[0].Figures != s.Figures {
			t.Errorf("the day row differs from the summary of a one-day log: got %+v, want %+v", l.Days, s.Figures)
		}
	}
	t.Run("SameEvening", func(t *testing.T) {
		l := logRead(t, db, c, logAt(d, "20:00"), d, d)
		check(t, l, rates{received: 6, resolved: 1, rejected: 1, open: 4, overdue: 0,
			response: store.Rate{Num: 3, Den: 4}, resolution: store.Rate{Num: 1, Den: 5}, satisfaction: store.Rate{Num: 1, Den: 1}})
		if l.Summary.Urgent != 1 {
			t.Errorf("urgent: got %d, want 1 (R3)", l.Summary.Urgent)
		}
		if l.Summary.Transferred != 1 {
			t.Errorf("transferred: got %d, want 1 (R5)", l.Summary.Transferred)
		}
		waiting := map[string]string{}
		for _, r := range l.Requests {
			waiting[r.Name] = r.Response
		}
		want := map[string]string{"甲": "on_time", "乙": "waiting", "丙": "late", "丁": "on_time", "戊": "on_time", "己": "waiting"}
		for k, v := range want {
			if waiting[k] != v {
				t.Errorf("response of %s: got %q, want %q", k, waiting[k], v)
			}
		}
	})

	d2 := d.AddDays(2)
	logDo(t, c, logAt(d.AddDays(1), "10:00"), "resolve R5", func(ctx context.Context) error {
		_, err := db.Resolve(ctx, r5.ID, "物业公司", "已修好")
		return err
	})
	logDo(t, c, logAt(d2, "09:30"), "accept R2", func(ctx context.Context) error { _, err := db.Accept(ctx, r2.ID, "小李"); return err })
	logDo(t, c, logAt(d2, "10:00"), "resolve R2", func(ctx context.Context) error { _, err := db.Resolve(ctx, r2.ID, "小李", "已办"); return err })
	logDo(t, c, logAt(d2, "11:00"), "rate R2", func(ctx context.Context) error {
		_, err := db.RecordSatisfaction(ctx, r2.ID, "小李", "basic", "")
		return err
	})
	logDo(t, c, logAt(d2, "11:10"), "rate R5", func(ctx context.Context) error {
		_, err := db.RecordSatisfaction(ctx, r5.ID, "小李", "unsatisfied", "太慢")
		return err
	})
	t.Run("ThreeDaysLater", func(t *testing.T) {
		l := logRead(t, db, c, logAt(d.AddDays(3), "12:00"), d, d)
		check(t, l, rates{received: 6, resolved: 3, rejected: 1, open: 2, overdue: 1,
			response: store.Rate{Num: 3, Den: 6}, resolution: store.Rate{Num: 3, Den: 5}, satisfaction: store.Rate{Num: 2, Den: 3}})
		if got := l.Summary.Resolution.Percent(); got != 60 {
			t.Errorf("resolution percent: got %v, want 60", got)
		}
		housing := l.Summary.ByCategory[4]
		if housing.Category != "housing" || housing.Received != 2 || housing.Resolved != 1 || housing.Overdue != 1 ||
			housing.Response != (store.Rate{Num: 1, Den: 2}) {
			t.Errorf("housing row: got %+v, want 2 received, 1 resolved, 1 overdue, response 1/2", housing)
		}
		// The next day's log carries R3 as a backlog item: received before,
		// open and overdue.
		l2 := logRead(t, db, c, logAt(d.AddDays(3), "12:00"), d.AddDays(3), d.AddDays(3))
		if len(l2.Backlog) != 1 || l2.Backlog[0].ID != r3.ID {
			t.Errorf("backlog: got %v, want R3 (%d)", l2.Backlog, r3.ID)
		}
	})
}

func TestDailyLogSummary(t *testing.T) {
	db, c, venues := logOpen(t)
	hall, room := venues[0], venues[1]
	d := logDay
	bg := context.Background()
	book := func(venue store.Venue, start, end, source string, approve bool) store.Booking {
		t.Helper()
		c.Set(logAt(d.AddDays(-1), "09:00"))
		b, err := db.CreateBooking(bg, store.BookingInput{VenueID: venue.ID, Org: "第一党支部", Contact: "赵六",
			Phone: "13900002222", Title: "主题党日", Purpose: "party_day", Attendees: 10,
			Start: logAt(d, start), End: logAt(d, end), Approve: approve, Actor: "前台小李", Source: source})
		if err != nil {
			t.Fatalf("book %s %s: %v", venue.Name, start, err)
		}
		return b
	}
	hallEvening := book(hall, "19:00", "21:00", "desk", true)
	book(room, "14:00", "16:00", "desk", true)
	book(room, "09:00", "10:00", "kiosk", false)
	noShow := book(room, "10:00", "11:00", "desk", true)
	cancelled := book(hall, "09:00", "10:00", "kiosk", false)
	logDo(t, c, logAt(d.AddDays(-1), "10:00"), "cancel", func(ctx context.Context) error {
		_, err := db.CancelBookingByCode(ctx, cancelled.StatusCode)
		return err
	})
	logDo(t, c, logAt(d, "10:31"), "no-show", func(ctx context.Context) error { _, err := db.MarkNoShow(ctx, noShow.ID, "小李"); return err })
	logDo(t, c, logAt(d, "18:50"), "arrive", func(ctx context.Context) error { _, err := db.Arrive(ctx, hallEvening.ReceiptNo, "小李"); return err })

	zhang := store.VisitInput{Name: "张三", Phone: "13800138000", Purpose: "volunteer", PartyMember: true}
	v1 := logCheckIn(t, db, c, logAt(d, "08:00"), zhang)
	logCheckOut(t, db, c, logAt(d, "11:30"), v1.ID)
	logCheckIn(t, db, c, logAt(d, "09:00"), store.VisitInput{Name: "李四", Purpose: "business"})
	logCheckIn(t, db, c, logAt(d, "10:00"), store.VisitInput{Name: "参观团", Purpose: "study_tour", Headcount: 30, Source: "kiosk"})
	logCheckIn(t, db, c, logAt(d, "13:00"), store.VisitInput{Name: "王五", Phone: "13700001234", Purpose: "party_report", PartyMember: true})
	v2 := logCheckIn(t, db, c, logAt(d, "14:00"), zhang)
	logCheckOut(t, db, c, logAt(d, "16:00"), v2.ID)
	logRequest(t, db, c, logAt(d, "15:00"), "钱七", "employment", "normal")
	c.Set(logAt(d.AddDays(1), "08:00"))
	if _, err := db.CloseOpenVisits(bg); err != nil { // 王五 never checked out
		t.Fatal(err)
	}

	l := logRead(t, db, c, logAt(d.AddDays(1), "09:00"), d, d)
	s := l.Summary
	type figs struct {
		visits, headcount, visitors, party, serviceVisits, volunteers int
		service                                                       time.Duration
		bookings, approved, arrived, pending, cancelled, noShows      int
		booked                                                        time.Duration
		visitSrc, requestSrc, bookingSrc                              store.SourceCount
	}
	got := figs{s.Visits, s.Headcount, s.Visitors, s.PartyMembers, s.ServiceVisits, s.Volunteers, s.ServiceTime,
		s.Bookings, s.BookingsApproved, s.BookingsArrived, s.BookingsPending, s.BookingsCancelled, s.NoShows, s.BookedTime,
		s.VisitSources, s.RequestSources, s.BookingSources}
	want := figs{visits: 5, headcount: 34, visitors: 4, party: 3, serviceVisits: 2, volunteers: 1, service: 5*time.Hour + 30*time.Minute,
		bookings: 5, approved: 2, arrived: 1, pending: 1, cancelled: 1, noShows: 1, booked: 4 * time.Hour,
		visitSrc: store.SourceCount{Desk: 4, Kiosk: 1}, requestSrc: store.SourceCount{Desk: 1}, bookingSrc: store.SourceCount{Desk: 3, Kiosk: 2}}
	if got != want {
		t.Errorf("summary:\n got %+v\nwant %+v", got, want)
	}
	if len(s.Venues) != 2 {
		t.Fatalf("venues: got %d, want 2", len(s.Venues))
	}
	wantUse := []store.VenueUse{
		{VenueID: hall.ID, Name: "多功能厅", Bookings: 2, Approved: 1, BookedTime: 2 * time.Hour, OpenTime: 13 * time.Hour},
		{VenueID: room.ID, Name: "会议室", Bookings: 3, Approved: 1, NoShows: 1, BookedTime: 2 * time.Hour, OpenTime: 8 * time.Hour},
	}
	for i, w := range wantUse {
		if s.Venues[i] != w {
			t.Errorf("venue %d: got %+v, want %+v", i, s.Venues[i], w)
		}
	}
	if got := s.Venues[1].Share(); got != 0.25 {
		t.Errorf("会议室 share: got %v, want 0.25", got)
	}
	purposes := map[string]store.PurposeCount{}
	for _, p := range s.ByPurpose {
		purposes[p.Purpose] = p
	}
	if p := purposes["study_tour"]; p.Visits != 1 || p.Headcount != 30 {
		t.Errorf("study tours: got %+v, want 1 visit of 30", p)
	}
	if len(s.ByPurpose) != len(store.Purposes) || len(s.ByCategory) != len(store.Categories) {
		t.Errorf("every purpose and category gets a row: got %d and %d", len(s.ByPurpose), len(s.ByCategory))
	}
	if l.Center != "测试党群服务中心" || l.TimeZone != "Asia/Shanghai" || len(l.Definitions) == 0 {
		t.Errorf("header: got %q %q with %d definitions", l.Center, l.TimeZone, len(l.Definitions))
	}
	if !l.AsOf.Equal(logAt(d.AddDays(1), "09:00")) {
		t.Errorf("as of: got %v, want the clock's instant", l.AsOf)
	}
}

func TestDailyLogRange(t *testing.T) {
	db, c, _ := logOpen(t)
	for i := 0; i < 5; i++ {
		day := logDay.AddDays(i)
		for j := 0; j <= i; j++ {
			logCheckIn(t, db, c, logAt(day, "09:00").Add(time.Duration(j)*time.Minute), store.VisitInput{Name: "来访人", Purpose: "consult", Headcount: 2})
		}
		logRequest(t, db, c, logAt(day, "10:00"), "诉求人", "policy", "normal")
	}
	l := logRead(t, db, c, logAt(logDay.AddDays(6), "09:00"), logDay, logDay.AddDays(4))
	if len(l.Days) != 5 {
		t.Fatalf("days: got %d, want 5", len(l.Days))
	}
	var visits, headcount, requests int
	for i, d := range l.Days {
		if d.Day != logDay.AddDays(i) || d.Visits != i+1 {
			t.Errorf("day %d: got %s with %d visits, want %s with %d", i, d.Day, d.Visits, logDay.AddDays(i), i+1)
		}
		visits += d.Visits
		headcount += d.Headcount
		requests += d.RequestsReceived
	}
	s := l.Summary
	if visits != s.Visits || headcount != s.Headcount || requests != s.RequestsReceived || s.Visits != 15 || s.Headcount != 30 {
		t.Errorf("day rows add up to %d visits, %d people, %d requests; summary says %d, %d, %d (want 15, 30, 5)",
			visits, headcount, requests, s.Visits, s.Headcount, s.RequestsReceived)
	}
	if s.Visitors != 1 {
		t.Errorf("distinct visitors: got %d, want 1 (the same name each time)", s.Visitors)
	}
	if got := s.Venues[1].OpenTime; got != 5*8*time.Hour {
		t.Errorf("会议室 opening hours over five days: got %v, want 40h", got)
	}
}

func TestDailyLogPeriod(t *testing.T) {
	db, _, _ := logOpen(t)
	bg := context.Background()
	for _, tc := range []struct {
		name     string
		from, to store.Day
	}{
		{"ErrEndsBeforeStart", logDay, logDay.AddDays(-1)},
		{"ErrTooLong", logDay, logDay.AddDays(store.MaxLogDays)},
		{"ErrZero", store.Day{}, logDay},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := db.DailyLog(bg, tc.from, tc.to)
			if got := store.ErrorCode(err); got != store.EINVALID {
				t.Errorf("DailyLog(%s, %s): got code %q (%v), want %q", tc.from, tc.to, got, err, store.EINVALID)
			}
			_, err = db.ServiceLog(bg, tc.from, tc.to)
			if got := store.ErrorCode(err); got != store.EINVALID {
				t.Errorf("ServiceLog(%s, %s): got code %q, want %q", tc.from, tc.to, got, store.EINVALID)
			}
		})
	}
	t.Run("OKYear", func(t *testing.T) {
		l, err := db.DailyLog(bg, logDay, logDay.AddDays(store.MaxLogDays-1))
		if err != nil || len(l.Days) != store.MaxLogDays {
			t.Errorf("a year: got %v days, err %v; want %d", len(l.Days), err, store.MaxLogDays)
		}
	})
}

func TestServiceLog(t *testing.T) {
	db, c, _ := logOpen(t)
	zhang := store.VisitInput{Name: "张三", Phone: "13800138000", Purpose: "volunteer", PartyMember: true, Org: "幸福社区"}
	li := store.VisitInput{Name: "李四", Phone: "13900139000", Purpose: "party_report", PartyMember: true}
	for i, span := range [][2]string{{"08:00", "10:00"}, {"14:00", "17:30"}} {
		v := logCheckIn(t, db, c, logAt(logDay.AddDays(i), span[0]), zhang)
		logCheckOut(t, db, c, logAt(logDay.AddDays(i), span[1]), v.ID)
	}
	v := logCheckIn(t, db, c, logAt(logDay, "09:00"), li)
	logCheckOut(t, db, c, logAt(logDay, "10:00"), v.ID)
	logCheckIn(t, db, c, logAt(logDay, "09:30"), store.VisitInput{Name: "张三", Phone: "13800138000", Purpose: "business"})
	logCheckIn(t, db, c, logAt(logDay.AddDays(1), "09:30"), li) // left open: no hours
	c.Set(logAt(logDay.AddDays(5), "09:00"))
	bg := context.Background()
	if _, err := db.CloseOpenVisits(bg); err != nil {
		t.Fatal(err)
	}
	from, to := store.Day{Year: 2026, Month: 3, Day: 1}, store.Day{Year: 2026, Month: 3, Day: 31}
	l, err := db.ServiceLog(bg, from, to)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.People) != 2 || l.People[0].Name != "张三" || l.People[0].Duration != 5*time.Hour+30*time.Minute ||
		len(l.People[0].Activities) != 2 || l.People[0].Org != "幸福社区" || l.People[1].Duration != time.Hour {
		t.Fatalf("people: got %+v, want 张三 5h30m in 2 activities, then 李四 1h", l.People)
	}
	if l.Total != 6*time.Hour+30*time.Minute || l.Visits != 3 {
		t.Errorf("total: got %v in %d visits, want 6h30m in 3", l.Total, l.Visits)
	}
	// ServiceHoursBetween counts in SQL what ServiceLog counts in Go: they
	// must agree person by person.
	sums, err := db.ServiceHoursBetween(bg, from, to)
	if err != nil {
		t.Fatal(err)
	}
	if len(sums) != len(l.People) {
		t.Fatalf("ServiceHoursBetween: got %d people, want %d", len(sums), len(l.People))
	}
	for i, s := range sums {
		p := l.People[i].ServiceHours
		if s.VisitorID != p.VisitorID || s.Duration != p.Duration || s.Visits != p.Visits {
			t.Errorf("person %d: ServiceHoursBetween %+v, ServiceLog %+v", i, s, p)
		}
	}
}

// TestRate checks the rate rule itself at its edges: nothing counted is
// no rate and 0%, one of one is a valid 100% (make mutate found these
// unguarded).
func TestRate(t *testing.T) {
	cases := []struct {
		r     store.Rate
		valid bool
		pct   float64
	}{
		{store.Rate{}, false, 0},
		{store.Rate{Num: 0, Den: 1}, true, 0},
		{store.Rate{Num: 1, Den: 1}, true, 100},
		{store.Rate{Num: 1, Den: 4}, true, 25},
		{store.Rate{Num: 2, Den: 2}, true, 100},
	}
	for _, c := range cases {
		if c.r.Valid() != c.valid || c.r.Percent() != c.pct {
			t.Errorf("%+v: Valid %v Percent %v, want %v %v", c.r, c.r.Valid(), c.r.Percent(), c.valid, c.pct)
		}
	}
}

// TestDailyLogNeedsBothDays checks that a period missing either day is
// refused on the date, not read (make mutate found the rule unguarded).
func TestDailyLogNeedsBothDays(t *testing.T) {
	db, _, _ := logOpen(t)
	for _, p := range [][2]store.Day{{{}, logDay}, {logDay, {}}} {
		_, err := db.DailyLog(context.Background(), p[0], p[1])
		if store.ErrorCode(err) != store.EINVALID || store.ErrorField(err) != "date" {
			t.Errorf("DailyLog(%v, %v): %v, want EINVALID on date", p[0], p[1], err)
		}
	}
}

// TestDailyLogSeriesAndArrivals counts a weekly series apart from a single
// booking, and the arrived among the approved bookings (two of the three did
// not arrive, so a count of the others gives a different figure).
func TestDailyLogSeriesAndArrivals(t *testing.T) {
	db, c, venues := logOpen(t)
	hall, room := venues[0], venues[1]
	d := logDay
	bg := context.Background()
	c.Set(logAt(d.AddDays(-1), "09:00"))
	in := store.BookingInput{VenueID: hall.ID, Org: "第一党支部", Contact: "赵六", Phone: "13900002222",
		Title: "三会一课", Purpose: "three_one", Attendees: 10,
		Start: logAt(d, "14:00"), End: logAt(d, "16:00"), Approve: true, Actor: "前台小李"}
	series, err := db.CreateSeries(bg, in, 2)
	if err != nil || len(series.Booked) != 2 {
		t.Fatalf("series: %+v %v", series, err)
	}
	in.VenueID, in.Title, in.Purpose = room.ID, "主题党日", "party_day"
	in.Start, in.End = logAt(d, "09:00"), logAt(d, "10:00")
	if _, err := db.CreateBooking(bg, in); err != nil {
		t.Fatalf("single booking: %v", err)
	}
	logDo(t, c, logAt(d, "13:50"), "arrive", func(ctx context.Context) error {
		_, err := db.Arrive(ctx, series.Booked[0].ReceiptNo, "小李")
		return err
	})

	s := logRead(t, db, c, logAt(d.AddDays(8), "09:00"), d, d.AddDays(7)).Summary
	type figs struct{ bookings, series, seriesDates, approved, arrived int }
	got := figs{s.Bookings, s.Series, s.SeriesDates, s.BookingsApproved, s.BookingsArrived}
	want := figs{bookings: 3, series: 1, seriesDates: 2, approved: 3, arrived: 1}
	if got != want {
		t.Errorf("summary: got %+v, want %+v", got, want)
	}
}
