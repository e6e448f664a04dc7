package report_test

import (
	"context"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"frontdesk/store"
)

var shanghai = func() *time.Location {
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		panic(err)
	}
	return loc
}()

// day is the day the golden logs print: Tuesday 2026-03-10.
var day = store.Day{Year: 2026, Month: 3, Day: 10}

// printedAt is when the golden logs are printed: the next morning.
var printedAt = at(day.AddDays(1), "08:30")

func at(d store.Day, hhmm string) time.Time {
	c, err := store.ParseClock(hhmm)
	if err != nil {
		panic(err)
	}
	return d.At(c, shanghai)
}

// clock is the store's clock, set by hand as the seed moves through a day.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time  { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Set(t time.Time) { c.mu.Lock(); c.t = t; c.mu.Unlock() }
func (c *clock) do(t testing.TB, when time.Time, what string, fn func(context.Context) error) {
	t.Helper()
	c.Set(when)
	if err := fn(context.Background()); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// openCenter opens a center in Shanghai with two venues in t.TempDir().
func openCenter(t testing.TB) (*store.DB, *clock) {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "report.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	c := &clock{t: at(day.AddDays(-6), "09:00")}
	db.Now = c.Now
	err = db.Init(context.Background(), store.InitInput{Center: "幸福里党群服务中心", TimeZone: "Asia/Shanghai",
		Venues: []store.VenueInput{{Name: "多功能厅", Capacity: 80}, {Name: "会议室", Capacity: 20, OpensAt: "09:00", ClosesAt: "17:00"}}})
	if err != nil {
		t.Fatal(err)
	}
	return db, c
}

// seed fills a center with a day's work through the store's own API, at a
// clock the test sets, and returns the database with the clock at printedAt.
func seed(t testing.TB) *store.DB {
	t.Helper()
	db, c := openCenter(t)
	var err error
	var v store.Visit
	var r store.Request
	var b store.Booking
	checkIn := func(when string, d store.Day, in store.VisitInput) store.Visit {
		t.Helper()
		if in.Actor == "" {
			in.Actor = "前台小李"
		}
		c.do(t, at(d, when), "check in "+in.Name, func(ctx context.Context) error { v, err = db.CheckIn(ctx, in); return err })
		return v
	}
	checkOut := func(when string, id int64) {
		t.Helper()
		c.do(t, at(day, when), "check out", func(ctx context.Context) error { _, err := db.CheckOut(ctx, id, "前台小李"); return err })
	}
	request := func(when string, d store.Day, in store.RequestInput) store.Request {
		t.Helper()
		if in.Actor == "" {
			in.Actor = "前台小李"
		}
		if in.Phone == "" {
			in.Phone = "13800001111"
		}
		c.do(t, at(d, when), "request "+in.Name, func(ctx context.Context) error { r, err = db.CreateRequest(ctx, in); return err })
		return r
	}
	book := func(venue int64, start, end, source string, approve bool) store.Booking {
		t.Helper()
		in := store.BookingInput{VenueID: venue, Org: "幸福里社区第一党支部", Contact: "赵六", Phone: "13900002222",
			Title: "三月主题党日", Purpose: "party_day", Attendees: 15, Start: at(day, start), End: at(day, end),
			Approve: approve, Actor: "前台小李", Source: source}
		c.do(t, at(day.AddDays(-1), "09:00"), "book", func(ctx context.Context) error { b, err = db.CreateBooking(ctx, in); return err })
		return b
	}

	// An urgent request from five days before, never handled: the backlog.
	request("10:00", day.AddDays(-5), store.RequestInput{Name: "孙八", Community: "第二网格", Category: "elderly_disability",
		Urgency: "urgent", Description: "独居老人家中断水，需要上门查看。"})
	// A visit on the day before, for the range log.
	checkIn("15:00", day.AddDays(-1), store.VisitInput{Name: "周九", Purpose: "consult"})

	evening := book(1, "19:00", "21:00", "desk", true)
	book(2, "14:00", "16:00", "desk", true)
	book(2, "09:00", "10:00", "kiosk", false)
	noShow := book(2, "10:00", "11:00", "desk", true)
	cancelled := book(1, "09:00", "10:00", "kiosk", false)
	c.do(t, at(day.AddDays(-1), "10:00"), "cancel", func(ctx context.Context) error {
		_, err := db.CancelBookingByCode(ctx, cancelled.StatusCode)
		return err
	})

	zhang := store.VisitInput{Name: "张三", Phone: "13800138000", Org: "幸福里社区", Purpose: "volunteer", PartyMember: true}
	early := checkIn("07:30", day, store.VisitInput{Name: "早班保洁", Purpose: "other", Note: "07:30 在上海是前一天 UTC 23:30"})
	checkOut("08:00", early.ID)
	v1 := checkIn("08:00", day, zhang)
	checkIn("09:00", day, store.VisitInput{Name: "李四", Phone: "010-12345678",
		Org: "幸福里社区第三网格居民委员会附属老年活动中心", Purpose: "business", Note: "办理老年证"})
	checkIn("10:00", day, store.VisitInput{Name: "区委党校参观团", Org: "区委党校", Purpose: "study_tour", Headcount: 30,
		Source: "kiosk"})
	r1 := request("09:00", day, store.RequestInput{Name: "甲", Community: "第一网格", Category: "policy",
		Description: "咨询灵活就业人员社保补贴的申请条件。"})
	r2 := request("09:10", day, store.RequestInput{Name: "乙", Category: "social_security", Description: "医保卡丢失补办"})
	r3 := request("09:20", day, store.RequestInput{Name: "丙", Community: "第三网格", Category: "housing", Urgency: "urgent",
		Description: "楼道照明损坏，老人夜间出行不便。已多次向物业反映未果，希望中心协调物业公司尽快维修，并对楼道内堆放的杂物一并清理，消除消防隐患。"})
	r4 := request("10:00", day, store.RequestInput{Name: "丁", Category: "other", Description: "要求中心代缴水电费"})
	c.do(t, at(day, "10:00"), "accept", func(ctx context.Context) error { _, err := db.Accept(ctx, r1.ID, "前台小李"); return err })
	c.do(t, at(day, "10:30"), "reject", func(ctx context.Context) error {
		_, err := db.Reject(ctx, r4.ID, "前台小李", "不属于中心受理范围，已告知缴费渠道")
		return err
	})
	checkOut("11:30", v1.ID)
	r5 := request("11:00", day, store.RequestInput{Name: "戊", Category: "housing", Description: "小区停车位划线纠纷",
		Source: "kiosk"})
	c.do(t, at(day, "11:30"), "transfer", func(ctx context.Context) error {
		_, err := db.Transfer(ctx, r5.ID, "前台小李", "物业公司", "")
		return err
	})
	c.do(t, at(day, "12:00"), "accept", func(ctx context.Context) error { _, err := db.Accept(ctx, r3.ID, "王主任"); return err })
	c.do(t, at(day, "12:10"), "start", func(ctx context.Context) error {
		_, err := db.Start(ctx, r3.ID, "王主任", "已联系物业")
		return err
	})
	c.do(t, at(day, "12:20"), "resolve", func(ctx context.Context) error {
		_, err := db.Resolve(ctx, r1.ID, "前台小李", "已当面解答并发放政策告知书")
		return err
	})
	c.do(t, at(day, "13:00"), "rate", func(ctx context.Context) error {
		_, err := db.RecordSatisfaction(ctx, r1.ID, "前台小李", "satisfied", "很满意\n谢谢\t小李")
		return err
	})
	checkIn("13:00", day, store.VisitInput{Name: "王五", Phone: "13700001234", Purpose: "party_report", PartyMember: true})
	v2 := checkIn("14:00", day, zhang)
	c.do(t, at(day, "10:31"), "no-show", func(ctx context.Context) error { _, err := db.MarkNoShow(ctx, noShow.ID, "前台小李"); return err })
	checkOut("16:00", v2.ID)
	request("16:00", day, store.RequestInput{Name: "己", Category: "employment", Description: "求职登记"})
	c.do(t, at(day, "18:50"), "arrive", func(ctx context.Context) error {
		_, err := db.Arrive(ctx, evening.ReceiptNo, "前台小李")
		return err
	})
	checkIn("23:30", day, store.VisitInput{Name: "<script>alert(1)</script>", Purpose: "consult", Source: "kiosk",
		Note: "23:30 在上海，UTC 仍是当天 15:30"})
	_ = r2
	c.do(t, at(day.AddDays(1), "08:00"), "close open visits", func(ctx context.Context) error { _, err := db.CloseOpenVisits(ctx); return err })
	c.Set(printedAt)
	return db
}
