package tui

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"frontdesk/store"
)

// watchedTab is a real tab whose loads a test watches and steers: it counts
// them and how many read at once, can hold one after it has read, and can
// make some fail as the store fails a read whose budget is spent.
type watchedTab struct {
	tab
	w *loadWatch
}

type loadWatch struct {
	db *store.DB

	mu       sync.Mutex
	calls    int  // loads asked for
	inflight int  // loads reading now
	most     int  // the most that ever read at once
	hold     bool // the next load waits at the gate once it has read
	fail     int  // this many next loads fail
	onLoad   func()

	reached, release chan struct{}
}

func newLoadWatch(db *store.DB) *loadWatch {
	return &loadWatch{db: db, reached: make(chan struct{}), release: make(chan struct{})}
}

// watchTab puts a watched tab in place of tab i for the test's desks.
func watchTab(t *testing.T, i int, w *loadWatch) {
	saved := tabMakers
	tabMakers = append([]func(*env) tab{}, saved...)
	real := saved[i]
	tabMakers[i] = func(e *env) tab { return watchedTab{real(e), w} }
	t.Cleanup(func() { tabMakers = saved })
}

// visitsWatched is a desk on the seeded day showing its watched visits tab.
func visitsWatched(t *testing.T) (*driver, *store.DB, *loadWatch) {
	db, clk := mustOpen(t, true)
	seed(t, db, clk)
	visits := newLoadWatch(db)
	watchTab(t, tabVisits, visits)
	d := newDriver(t, db, Options{Staff: "王芳"})
	d.key("2")
	d.wantView("来访（4 组")
	return d, db, visits
}

// checkInHeard checks name in at the desk's store and hands the desk the
// event as the listener delivers it (the listener's own command, which
// waits for the next one, is dropped), then the end of the burst.
func checkInHeard(t *testing.T, d *driver, db *store.DB, name string) {
	v, err := db.CheckIn(context.Background(), store.VisitInput{Name: name, Purpose: "consult", Actor: "王芳"})
	if err != nil {
		t.Fatal(err)
	}
	d.m.Update(eventMsg{Kind: store.KindVisit, Action: "checked_in", ID: v.ID, Source: store.SourceDesk})
	d.send(reloadMsg{})
}

// captureLog sends the default logger's lines to the returned buffer for
// the rest of the test.
func captureLog(t *testing.T) *bytes.Buffer {
	var buf bytes.Buffer
	saved := slog.Default()
	slog.SetDefault(slog.New(slog.NewTextHandler(&buf, nil)))
	t.Cleanup(func() { slog.SetDefault(saved) })
	return &buf
}

func (w *loadWatch) count() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.calls
}

func (w *loadWatch) mostAtOnce() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.most
}

func (w *loadWatch) set(f func(w *loadWatch)) {
	w.mu.Lock()
	f(w)
	w.mu.Unlock()
}

func (t watchedTab) Update(msg tea.Msg) (tab, tea.Cmd) {
	next, cmd := t.tab.Update(msg)
	return watchedTab{next, t.w}, cmd
}

func (t watchedTab) SetSize(w, h int) tab { return watchedTab{t.tab.SetSize(w, h), t.w} }

func (t watchedTab) Open(r openRecordMsg) (tab, tea.Cmd, bool) {
	next, cmd, ok := t.tab.Open(r)
	return watchedTab{next, t.w}, cmd, ok
}

func (t watchedTab) load() tea.Cmd {
	inner, w := t.tab.load(), t.w
	w.mu.Lock()
	w.calls++
	hold, fail, onLoad := w.hold, w.fail > 0, w.onLoad
	w.hold = false
	if fail {
		w.fail--
	}
	w.mu.Unlock()
	if onLoad != nil {
		onLoad()
	}
	return func() tea.Msg {
		w.mu.Lock()
		w.inflight++
		w.most = max(w.most, w.inflight)
		w.mu.Unlock()
		defer func() {
			w.mu.Lock()
			w.inflight--
			w.mu.Unlock()
		}()
		if fail {
			// A real read of the store whose budget ran out before it began.
			ctx, cancel := context.WithDeadline(context.Background(), time.Now())
			defer cancel()
			_, err := w.db.SearchVisits(ctx, "赵", 5)
			if err == nil {
				panic("a read past its deadline did not fail")
			}
			return errMsg{err}
		}
		msg := inner()
		if hold {
			w.reached <- struct{}{}
			<-w.release
		}
		return msg
	}
}

// A check-in made while the visits tab's reload is reading is not lost:
// the desk reads once more when that reload is done, and never runs two
// reloads of the tab at once.
func TestChangeDuringReloadShows(t *testing.T) {
	db, clk := mustOpen(t, true)
	seed(t, db, clk)
	visits, today := newLoadWatch(db), newLoadWatch(db)
	watchTab(t, tabVisits, visits)
	watchTab(t, tabToday, today)
	tm := startProgram(t, db, Options{Staff: "王芳", Coalesce: 20 * time.Millisecond})
	tm.Send(runes("2"))
	waitFor(t, tm, "来访（4 组")

	ctx := context.Background()
	visits.set(func(w *loadWatch) { w.hold = true })
	if _, err := db.CheckIn(ctx, store.VisitInput{Name: "甲来客", Purpose: "consult", Actor: "王芳"}); err != nil {
		t.Fatal(err)
	}
	select {
	case <-visits.reached: // the reload has read 甲 and waits
	case <-time.After(5 * time.Second):
		t.Fatal("the check-in did not reload the visits tab")
	}
	before, asked := visits.count(), today.count()
	if _, err := db.CheckIn(ctx, store.VisitInput{Name: "乙来客", Purpose: "consult", Actor: "王芳"}); err != nil {
		t.Fatal(err)
	}
	// The home tab reloads on every burst, right after the shown tab was
	// asked: once it has, the desk has heard of 乙.
	for deadline := time.Now().Add(5 * time.Second); today.count() == asked; time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the second check-in reached no reload")
		}
	}
	if n := visits.count(); n != before {
		t.Fatalf("a second reload of the visits tab started while one read (%d loads, want %d)", n, before)
	}
	close(visits.release)
	waitFor(t, tm, "乙来客")
	if n := visits.count(); n != before+1 {
		t.Fatalf("%d reloads of the visits tab after the held one, want 1", n-before)
	}
	if m := visits.mostAtOnce(); m != 1 {
		t.Fatalf("%d reloads of the visits tab read at once, want 1", m)
	}
	finalView(t, tm)
}

// A reload that fails is tried again until it works, and the failure is
// logged once; the footer says so from the second failure in a row and
// clears when the reload works again.
func TestFailedReloadRetried(t *testing.T) {
	logged := captureLog(t)
	d, db, visits := visitsWatched(t)

	var footers []string
	visits.set(func(w *loadWatch) {
		w.fail = 3
		w.onLoad = func() { footers = append(footers, d.m.errText) }
	})
	// The retries follow from the burst.
	checkInHeard(t, d, db, "甲来客")

	d.wantView("甲来客")
	if d.m.errText != "" {
		t.Fatalf("the footer still says %q after the reload worked", d.m.errText)
	}
	if len(footers) != 4 {
		t.Fatalf("%d loads, want 4 (three failed, one worked)", len(footers))
	}
	if footers[1] != "" {
		t.Fatalf("one failure showed in the footer: %q", footers[1])
	}
	if footers[2] == "" || footers[3] == "" {
		t.Fatalf("two failures in a row did not show in the footer: %q", footers)
	}
	log := logged.String()
	if n := strings.Count(log, "desk reload failed"); n != 1 {
		t.Fatalf("the failure was logged %d times, want once:\n%s", n, log)
	}
	if !strings.Contains(log, "deadline exceeded") || !strings.Contains(log, "tab=Visits") {
		t.Fatalf("the log does not say which tab failed and why:\n%s", log)
	}
	if n := strings.Count(log, "desk reload works again"); n != 1 {
		t.Fatalf("the recovery was logged %d times, want once:\n%s", n, log)
	}
}

// An event about one kind of record reloads the tabs that show it and the
// home tab, not a tab that keeps another kind.
func TestEventReloadsWhatShowsIt(t *testing.T) {
	d, _, visits := visitsWatched(t)
	burst := func(kinds ...string) {
		for _, k := range kinds {
			d.m.Update(eventMsg{Kind: k})
		}
		d.send(reloadMsg{})
	}
	for _, c := range []struct {
		kinds  []string
		reload bool
	}{
		{[]string{store.KindRequest}, false},
		{[]string{store.KindBooking, store.KindRequest}, false},
		{[]string{store.KindRequest, store.KindVisit}, true},
		{[]string{store.KindExternal}, true},
		{[]string{store.KindSettings}, true},
		{[]string{store.KindStaff}, true},
		{[]string{store.KindVenue}, true},
	} {
		before := visits.count()
		burst(c.kinds...)
		if got := visits.count() > before; got != c.reload {
			t.Errorf("a burst of %v reloaded the visits tab: %v, want %v", c.kinds, got, c.reload)
		}
	}
	// The home tab and the tabs that keep no records follow every kind.
	for _, i := range []int{tabToday, tabDaily} {
		if !d.m.shows(i, map[string]bool{store.KindRequest: true}) {
			t.Errorf("tab %d does not follow a request", i)
		}
	}
}

// A reload of a tab that is not on show is kept, not drawn, and handed to
// the tab the moment it shows, before its own reload has read anything.
func TestHiddenTabGetsItsReloadWhenShown(t *testing.T) {
	d, db, _ := visitsWatched(t)
	d.wantView("来访（4 组")
	checkInHeard(t, d, db, "丙来客")
	d.wantView("丙来客")
	if n := len(tabAs[todayTab](t, d.m).data.inBuilding); n != 3 {
		t.Fatalf("the hidden home tab was handed its reload: %d in the building, want the 3 it showed", n)
	}
	// The key alone, without running the reload it starts.
	d.m.Update(keyMsg("1"))
	d.wantView("在馆 4 组")
}
