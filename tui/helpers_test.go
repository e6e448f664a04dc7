package tui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"frontdesk/store"
)

func TestMain(m *testing.M) {
	// Goldens and width checks are made without colour, as NO_COLOR gives.
	lipgloss.SetColorProfile(termenv.Ascii)
	os.Exit(m.Run())
}

var shanghai, _ = time.LoadLocation("Asia/Shanghai")

// at is an instant on the test day, 2026-03-10 (a Tuesday), in the center's zone.
func at(hh, mm int) time.Time { return time.Date(2026, 3, 10, hh, mm, 0, 0, shanghai) }

// testClock is a settable clock for db.Now.
type testClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *testClock) Now() time.Time  { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *testClock) Set(t time.Time) { c.mu.Lock(); c.now = t; c.mu.Unlock() }

// mustOpen opens a fresh database in a temporary directory on a fixed clock
// (10:00 on the test day); init names the center and two venues.
func mustOpen(t testing.TB, init bool) (*store.DB, *testClock) {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "fd.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	clk := &testClock{now: at(10, 0)}
	db.Now = clk.Now
	if init {
		err := db.Init(context.Background(), store.InitInput{Center: "城南街道党群服务中心",
			Venues: []store.VenueInput{{Name: "多功能厅", Capacity: 80}, {Name: "党员活动室", Capacity: 20}}, Staff: "王芳"})
		if err != nil {
			t.Fatal(err)
		}
	}
	return db, clk
}

// seeded is what seed made, for tests to find again.
type seeded struct {
	hall, room         store.Venue
	visitOpen          store.Visit
	overdue, fresh     store.Request
	callback, kioskReq store.Request
	approved, pending  store.Booking
	morning            store.Booking
}

// seed fills the test day: visits (one returning visitor from last week, a
// kiosk check-in, a study tour), requests in several states (one overdue, one
// awaiting the callback, one from the kiosk), and bookings (approved, pending
// from the kiosk). The clock ends at 10:00 on the test day.
func seed(t testing.TB, db *store.DB, clk *testClock) seeded {
	t.Helper()
	ctx := context.Background()
	var s seeded
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	vs, err := db.Venues(ctx, true)
	must(err)
	s.hall, s.room = vs[0], vs[1]

	clk.Set(at(9, 0).AddDate(0, 0, -7))
	_, err = db.CheckIn(ctx, store.VisitInput{Name: "赵敏", Phone: "13512348888", Org: "光明社区", Purpose: "consult", Actor: "王芳"})
	must(err)
	clk.Set(at(9, 0).AddDate(0, 0, -3))
	s.overdue, err = db.CreateRequest(ctx, store.RequestInput{Name: "孙八", Phone: "13600001111", Community: "幸福社区",
		Category: "housing", Description: "小区电梯长期故障", PromisedBy: store.Day{Year: 2026, Month: 3, Day: 8}, Actor: "王芳"})
	must(err)
	_, err = db.Accept(ctx, s.overdue.ID, "王芳")
	must(err)
	s.callback, err = db.CreateRequest(ctx, store.RequestInput{Name: "周九", Phone: "13600002222", Category: "policy",
		Description: "咨询养老补贴政策", Actor: "王芳"})
	must(err)
	_, err = db.Accept(ctx, s.callback.ID, "王芳")
	must(err)
	_, err = db.Resolve(ctx, s.callback.ID, "王芳", "已电话答复")
	must(err)

	clk.Set(at(8, 0))
	s.approved, err = db.CreateBooking(ctx, store.BookingInput{VenueID: s.hall.ID, Org: "第一党支部", Contact: "赵六",
		Phone: "13700002222", Title: "主题党日", Purpose: "party_day", Attendees: 30, Start: at(14, 0), End: at(16, 0),
		Approve: true, Actor: "王芳"})
	must(err)
	s.morning, err = db.CreateBooking(ctx, store.BookingInput{VenueID: s.room.ID, Org: "老年协会", Contact: "钱七",
		Phone: "13700003333", Title: "书法班", Purpose: "residents", Attendees: 12, Start: at(9, 0), End: at(9, 30),
		Approve: true, Actor: "王芳"})
	must(err)
	s.pending, err = db.CreateBooking(ctx, store.BookingInput{VenueID: s.room.ID, Org: "青年志愿者协会", Contact: "吴十",
		Phone: "13700004444", Title: "志愿者培训", Purpose: "training", Attendees: 15, Start: at(15, 0), End: at(17, 0),
		Source: "kiosk"})
	must(err)

	clk.Set(at(8, 30))
	s.visitOpen, err = db.CheckIn(ctx, store.VisitInput{Name: "张三", Phone: "13812345678", Org: "幸福社区", Purpose: "business", Actor: "王芳"})
	must(err)
	clk.Set(at(9, 0))
	li, err := db.CheckIn(ctx, store.VisitInput{Name: "李梅", Phone: "13900005678", Org: "第一党支部", Purpose: "party_report",
		PartyMember: true, Actor: "王芳"})
	must(err)
	clk.Set(at(9, 40))
	_, err = db.CheckOut(ctx, li.ID, "王芳")
	must(err)
	clk.Set(at(9, 45))
	_, err = db.CheckIn(ctx, store.VisitInput{Name: "市委党校参观团", Org: "市委党校", Purpose: "study_tour", Headcount: 30, Actor: "王芳"})
	must(err)
	clk.Set(at(9, 50))
	_, err = db.CheckIn(ctx, store.VisitInput{Name: "王五", Phone: "13700001234", Purpose: "consult", Source: "kiosk"})
	must(err)
	s.fresh, err = db.CreateRequest(ctx, store.RequestInput{Name: "李四", Phone: "13900001111", Community: "幸福社区",
		Category: "social_security", Urgency: "urgent", Description: "医保报销材料咨询", Actor: "王芳"})
	must(err)
	clk.Set(at(9, 55))
	s.kioskReq, err = db.CreateRequest(ctx, store.RequestInput{Name: "陈一", Phone: "13900002222", Category: "environment",
		Description: "楼道堆放杂物", Source: "kiosk"})
	must(err)
	clk.Set(at(10, 0))
	return s
}

// driver runs the model's Update and the commands it returns, as the
// program would, but synchronously, so a test reads the screen right after
// a key.
type driver struct {
	t    testing.TB
	m    *Model
	quit bool
}

func newDriver(t testing.TB, db *store.DB, opts Options) *driver {
	t.Helper()
	if opts.KioskAddr == "" {
		opts.KioskAddr = "http://127.0.0.1:8080"
	}
	if opts.KioskUp == nil {
		opts.KioskUp = func() bool { return true }
	}
	m := newModel(db, opts)
	t.Cleanup(m.live.stop)
	d := &driver{t: t, m: m}
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	// The clock and the event listener never finish; tests that want an
	// event arm the listener themselves.
	d.run(m.firstLoad())
	return d
}

func (d *driver) send(msg tea.Msg) {
	_, cmd := d.m.Update(msg)
	d.run(cmd)
}

// run executes cmd and everything it leads to, a wave at a time: the
// commands of a wave run together, and any still blocked after a generous
// wait are left behind. No test's commands reach that wait on a quiet
// machine; it is long so that slow work (an argon2 hash under -race on a
// loaded machine) is waited for rather than dropped.
func (d *driver) run(cmd tea.Cmd) {
	wave := []tea.Cmd{cmd}
	for len(wave) > 0 {
		msgs := callAll(wave, 30*time.Second)
		wave = nil
		for len(msgs) > 0 {
			msg := msgs[0]
			msgs = msgs[1:]
			switch msg := msg.(type) {
			case nil, tickMsg:
			case tea.BatchMsg:
				for _, c := range msg {
					if c != nil {
						wave = append(wave, c)
					}
				}
			case tea.QuitMsg:
				d.quit = true
			default:
				_, next := d.m.Update(msg)
				if next != nil {
					wave = append(wave, next)
				}
			}
		}
	}
}

// callAll runs cmds at once and returns, in order, the messages of those
// that finished within wait.
func callAll(cmds []tea.Cmd, wait time.Duration) []tea.Msg {
	chans := make([]chan tea.Msg, len(cmds))
	for i, c := range cmds {
		chans[i] = make(chan tea.Msg, 1)
		if c == nil {
			chans[i] <- nil
			continue
		}
		go func(c tea.Cmd, ch chan tea.Msg) { ch <- c() }(c, chans[i])
	}
	deadline := time.After(wait)
	out := make([]tea.Msg, len(cmds))
	for i, ch := range chans {
		select {
		case out[i] = <-ch:
		case <-deadline:
			// Whatever is left is blocked; collect only what already finished.
			for j := i; j < len(chans); j++ {
				select {
				case out[j] = <-chans[j]:
				default:
				}
			}
			return out
		}
	}
	return out
}

// key presses one key by its name ("enter", "tab", "esc", "up", "down",
// "left", "right", "shift+tab", "ctrl+c", "backspace") or types runes.
func (d *driver) key(names ...string) {
	for _, n := range names {
		d.send(keyMsg(n))
	}
}

// typ types text as one paste of runes, as teatest must send Chinese.
func (d *driver) typ(s string) { d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}) }

func keyMsg(n string) tea.KeyMsg {
	special := map[string]tea.KeyType{"enter": tea.KeyEnter, "tab": tea.KeyTab, "esc": tea.KeyEsc, "up": tea.KeyUp,
		"down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight, "shift+tab": tea.KeyShiftTab,
		"ctrl+c": tea.KeyCtrlC, "backspace": tea.KeyBackspace, "f2": tea.KeyF2, "space": tea.KeySpace}
	if k, ok := special[n]; ok {
		return tea.KeyMsg{Type: k}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(n)}
}

// view is the whole screen.
func (d *driver) view() string { return d.m.View() }

// wantView fails unless the screen shows every want.
func (d *driver) wantView(wants ...string) {
	d.t.Helper()
	v := d.view()
	for _, w := range wants {
		if !strings.Contains(v, w) {
			d.t.Fatalf("screen lacks %q; got:\n%s", w, v)
		}
	}
}

// dontWantView fails if the screen shows any of these.
func (d *driver) dontWantView(nots ...string) {
	d.t.Helper()
	v := d.view()
	for _, w := range nots {
		if strings.Contains(v, w) {
			d.t.Fatalf("screen shows %q; got:\n%s", w, v)
		}
	}
}

func teaSize(w, h int) tea.WindowSizeMsg { return tea.WindowSizeMsg{Width: w, Height: h} }

// The tabs' places on the bar, as tabMakers lists them.
const (
	tabToday = iota
	tabVisits
	tabRequests
	tabBookings
	tabDaily
)

// tabAs is the desk's tab of type T.
func tabAs[T tab](t testing.TB, m *Model) T {
	t.Helper()
	for _, x := range m.tabs {
		if v, ok := x.(T); ok {
			return v
		}
	}
	var none T
	t.Fatalf("no tab of type %T", none)
	return none
}

func (d *driver) visits() visitsTab     { return tabAs[visitsTab](d.t, d.m) }
func (d *driver) requests() requestsTab { return tabAs[requestsTab](d.t, d.m) }
func (d *driver) bookings() bookingsTab { return tabAs[bookingsTab](d.t, d.m) }
func (d *driver) daily() dailyTab       { return tabAs[dailyTab](d.t, d.m) }

// edit changes the tab on show, as a test must reach inside it.
func (d *driver) edit(f func(tab) tab) { d.m.tabs[d.m.active] = f(d.m.tabs[d.m.active]) }
