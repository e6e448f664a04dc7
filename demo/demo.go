// Package demo fills a database with a realistic month of a center's work,
// the same for the same seed, for trying frontdesk out and for benchmarks.
//
// Everything goes through the store's public API, as a desk would do it:
// the generator plans the month first (who comes when, which request goes
// where, which room is booked), then replays the plan in time order, moving
// the store's clock to each moment before it acts, so receipt numbers,
// events and timestamps are those of a real month.
package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sort"
	"sync/atomic"
	"time"

	"frontdesk/lang"
	"frontdesk/store"
)

// Days is how many days the month of demo data spans, today included.
const Days = 30

// Summary counts what Generate made.
type Summary struct {
	Visits, Requests, Bookings int
	From, To                   store.Day
}

// Opening and closing of the desk, in minutes after midnight: people come
// and staff act between these times.
const (
	deskOpens  = 8*60 + 30
	deskCloses = 18 * 60
)

// Generate makes a month of data ending today (the store's clock when it is
// called): visits, requests through their workflow and venue bookings, each
// created at its own moment by a member of staff or the kiosk. A database
// without a center gets one; a database that already holds visits,
// requests or bookings is refused with ECONFLICT, so demo data never mixes
// with real records. The same seed and the same clock give the same data.
//
// Generate replaces db.Now once and hands it back to the original clock when
// it returns, even on error. Call it before other goroutines move db.Now.
func Generate(ctx context.Context, db *store.DB, seed int64) (Summary, error) {
	now := db.Now()
	counts, err := db.CountRecords(ctx)
	if err != nil {
		return Summary{}, err
	}
	if !counts.Empty() {
		return Summary{}, store.Errorf(store.ECONFLICT, lang.DemoNeedsEmptyDatabase)
	}
	clk := &clock{orig: db.Now}
	clk.set(now)
	db.Now = clk.now
	defer clk.handBack()

	today := db.Today()
	p := &planner{
		r:     rand.New(rand.NewPCG(uint64(seed), uint64(seed)^0x9e3779b97f4a7c15)),
		db:    db,
		now:   now,
		from:  today.AddDays(1 - Days),
		today: today,
	}
	p.sum.From, p.sum.To = p.from, today
	if err := p.setUp(ctx, clk); err != nil {
		return p.sum, err
	}
	p.people()
	p.planVisits()
	p.planRequests()
	if err := p.planBookings(ctx); err != nil {
		return p.sum, err
	}
	p.add(now, "auto close", func(ctx context.Context) error {
		_, err := db.CloseOpenVisits(ctx)
		return err
	})
	return p.sum, p.run(ctx, clk)
}

// clock is the generator's stand-in for db.Now. It is installed once and
// moved with atomic stores: the store's goroutines read db.Now, so writing
// the field again while they run would race. Handing back makes it the
// original clock again.
type clock struct {
	orig func() time.Time
	at   atomic.Int64 // unix nanoseconds; 0 means the original clock
}

func (c *clock) now() time.Time {
	if n := c.at.Load(); n != 0 {
		return time.Unix(0, n).UTC()
	}
	return c.orig()
}

func (c *clock) set(t time.Time) { c.at.Store(t.UnixNano()) }

func (c *clock) handBack() { c.at.Store(0) }

// step is one thing done at one moment: a check-in, an approval, a callback.
type step struct {
	at   time.Time
	seq  int
	what string
	do   func(context.Context) error
}

// planner holds the month being planned and the steps that will carry it out.
type planner struct {
	r           *rand.Rand
	db          *store.DB
	loc         *time.Location
	now         time.Time
	from, today store.Day
	steps       []step
	sum         Summary

	residents  []person // regulars: the same faces at the desk every week
	members    []person // party members who report for service
	volunteers []person
}

// add plans do at the moment at.
func (p *planner) add(at time.Time, what string, do func(context.Context) error) {
	p.steps = append(p.steps, step{at: at, seq: len(p.steps), what: what, do: do})
}

// run carries out the planned steps in time order, up to now; what is
// planned for later than now has not happened yet and is left out.
func (p *planner) run(ctx context.Context, clk *clock) error {
	sort.SliceStable(p.steps, func(i, j int) bool { return p.steps[i].at.Before(p.steps[j].at) })
	for _, s := range p.steps {
		if s.at.After(p.now) {
			continue
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		clk.set(s.at)
		if err := s.do(ctx); err != nil {
			return fmt.Errorf("demo: %s at %s: %w", s.what, s.at.In(p.loc).Format("2006-01-02 15:04"), err)
		}
	}
	return nil
}

// demoVenues are the rooms a new center gets.
var demoVenues = []store.VenueInput{
	{Name: "多功能厅", Capacity: 80, Facilities: "投影仪、音响、LED 屏、移动桌椅", OpensAt: "08:30", ClosesAt: "21:00"},
	{Name: "党员活动室", Capacity: 30, Facilities: "党旗、投影仪、会议桌、党建书架", OpensAt: "08:30", ClosesAt: "21:00"},
	{Name: "会议室", Capacity: 20, Facilities: "会议桌、电视屏、视频会议设备", OpensAt: "08:30", ClosesAt: "18:00"},
	{Name: "书画室", Capacity: 15, Facilities: "书画桌、笔墨纸砚、展示墙", OpensAt: "09:00", ClosesAt: "17:30"},
	{Name: "志愿者之家", Capacity: 12, Facilities: "储物柜、急救箱、便民工具箱", OpensAt: "08:30", ClosesAt: "20:00"},
}

// setUp makes sure the center, its venues and the staff exist, as they
// would have at the start of the month. A center that is already set up
// keeps its name and zone; the demo venues are added beside its own.
func (p *planner) setUp(ctx context.Context, clk *clock) error {
	clk.set(p.from.At(store.Clock{Hour: 8, Minute: 0}, p.db.Location()))
	s := p.db.Settings()
	fresh := !s.Initialized()
	in := store.InitInput{Center: s.CenterName, Venues: demoVenues, Staff: staffManager, Actor: store.Actor{System: "demo"}}
	if fresh {
		in.Center = demoCenter
	}
	if err := p.db.Init(ctx, in); err != nil {
		return fmt.Errorf("demo: set up the center: %w", err)
	}
	if fresh {
		if err := p.db.SetSetting(ctx, "closes_at", "18:00"); err != nil {
			return fmt.Errorf("demo: set closing time: %w", err)
		}
	}
	for _, name := range staffDesk {
		if _, err := p.db.EnsureStaff(ctx, name); err != nil {
			return fmt.Errorf("demo: add staff %s: %w", name, err)
		}
	}
	// Days are counted in the center's zone, as Init leaves it.
	p.loc = p.db.Location()
	return nil
}

// moment is minute m (minutes after midnight) of day d, at a random second.
func (p *planner) moment(d store.Day, m int) time.Time {
	return p.clockAt(d, m).Add(time.Duration(p.r.IntN(60)) * time.Second)
}

// clockAt is minute m of day d exactly.
func (p *planner) clockAt(d store.Day, m int) time.Time {
	return d.At(store.Clock{Hour: m / 60, Minute: m % 60}, p.loc)
}

// minuteOf returns t's minutes after midnight in the center's zone.
func (p *planner) minuteOf(t time.Time) int {
	l := t.In(p.loc)
	return l.Hour()*60 + l.Minute()
}

// work moves t into the desk's hours: a moment before opening goes to just
// after opening, one after closing to the next morning.
func (p *planner) work(t time.Time) time.Time {
	d, m := p.db.DayOf(t), p.minuteOf(t)
	switch {
	case m < deskOpens:
		return p.moment(d, deskOpens+p.r.IntN(45))
	case m >= deskCloses:
		return p.moment(d.AddDays(1), deskOpens+p.r.IntN(60))
	}
	return t
}

// after returns a moment in the desk's hours lo to hi minutes after t (later,
// if that falls outside them).
func (p *planner) after(t time.Time, lo, hi int) time.Time {
	return p.work(t.Add(time.Duration(between(p.r, lo, hi))*time.Minute + time.Duration(p.r.IntN(60))*time.Second))
}

// staffAt returns a member of staff on duty at t: on weekdays the whole desk
// works, at weekends one of them in turn.
func (p *planner) staffAt(t time.Time) string {
	d := p.db.DayOf(t)
	if weekend(d) {
		return staffDesk[d.Day%len(staffDesk)]
	}
	return pick(p.r, staffDesk)
}

func weekend(d store.Day) bool {
	w := d.Weekday()
	return w == time.Saturday || w == time.Sunday
}

// days returns the days from..to inclusive.
func days(from, to store.Day) []store.Day {
	var out []store.Day
	for d := from; !to.Before(d); d = d.AddDays(1) {
		out = append(out, d)
	}
	return out
}

// daysBetween returns how many days a is before b (0 if it is not).
func daysBetween(a, b store.Day) int {
	n := 0
	for ; a.Before(b); a = a.AddDays(1) {
		n++
	}
	return n
}

// people makes the regulars: residents who come back, party members who
// report for service, volunteers.
func (p *planner) people() {
	for range 90 {
		p.residents = append(p.residents, randomResident(p.r))
	}
	for range 30 {
		m := randomResident(p.r)
		m.party = true
		if chance(p.r, 60) {
			m.org = pick(p.r, units) // 在职党员, reporting where they live
		}
		p.members = append(p.members, m)
	}
	for range 24 {
		v := randomResident(p.r)
		v.party = chance(p.r, 45)
		p.volunteers = append(p.volunteers, v)
	}
}

// regular picks from a pool, the first ones more often: some people come
// every week, others once a month.
func regular(r *rand.Rand, pool []person) person {
	if chance(r, 50) {
		return pool[r.IntN(len(pool))]
	}
	return pool[r.IntN(r.IntN(len(pool))+1)]
}
