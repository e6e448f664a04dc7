package tui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"frontdesk/store"
)

// hear delivers the store's events to Update, as the listener would, until
// one of kind for id comes.
func (d *driver) hear(kind string, id int64) {
	d.t.Helper()
	for {
		select {
		case e := <-d.m.live.events:
			d.m.Update(eventMsg(e))
			if e.Kind == kind && e.ID == id {
				return
			}
		case <-time.After(5 * time.Second):
			d.t.Fatalf("no event for %s %d", kind, id)
		}
	}
}

// keptDays lists the days the 台账 tab keeps, in order.
func (d *driver) keptDays() string {
	var days []string
	for day := range d.daily().cache.days {
		days = append(days, day.String())
	}
	slices.Sort(days)
	return strings.Join(days, " ")
}

// The 台账 tab keeps the days it read and reads the days beside the shown
// one ahead; a write drops the days it may have changed, so a day shown
// again after it is read afresh.
func TestDailyKeptDropped(t *testing.T) {
	db, clk := mustOpen(t, true)
	s := seed(t, db, clk)
	d := newDriver(t, db, Options{Staff: "王芳"})
	d.key("5")
	d.wantView("2026-03-10")
	if got, want := d.keptDays(), "2026-03-09 2026-03-10 2026-03-11"; got != want {
		t.Fatalf("kept days: %s, want %s (the shown one and the two beside it)", got, want)
	}
	today := d.daily().text
	d.key("left")
	d.wantView("2026-03-09")
	if !strings.Contains(d.daily().text, "孙八") {
		t.Fatalf("the day before lacks the overdue request in its backlog:\n%s", d.daily().text)
	}
	if got, want := d.keptDays(), "2026-03-08 2026-03-09 2026-03-10 2026-03-11"; got != want {
		t.Fatalf("kept days: %s, want %s", got, want)
	}
	d.key("right")
	if d.daily().text != today {
		t.Fatal("today kept is not the log read before")
	}

	// A check-in today drops today and the days after, not the days before.
	v, err := db.CheckIn(context.Background(), store.VisitInput{Name: "钱新来", Purpose: "consult", Actor: "王芳"})
	if err != nil {
		t.Fatal(err)
	}
	d.hear(store.KindVisit, v.ID)
	if got, want := d.keptDays(), "2026-03-08 2026-03-09"; got != want {
		t.Fatalf("kept days after a check-in today: %s, want %s", got, want)
	}
	d.send(reloadMsg{})
	if !strings.Contains(d.daily().text, "钱新来") {
		t.Fatalf("today's log lacks the new check-in:\n%s", d.daily().text)
	}

	// A request resolved drops every day: it leaves the backlog of each
	// day after it was received.
	if _, err := db.Resolve(context.Background(), s.overdue.ID, "王芳", "已修好"); err != nil {
		t.Fatal(err)
	}
	d.hear(store.KindRequest, s.overdue.ID)
	if got := d.keptDays(); got != "" {
		t.Fatalf("kept days after a request resolved: %s, want none", got)
	}
	d.send(reloadMsg{})
	d.key("left")
	d.wantView("2026-03-09")
	if strings.Contains(d.daily().text, "孙八") {
		t.Fatalf("the day before still shows the resolved request in its backlog:\n%s", d.daily().text)
	}
}

// An answer read before a drop is shown if its day is, but not kept: it may
// be from before the write.
func TestDailyKeepsNoStaleAnswer(t *testing.T) {
	db, clk := mustOpen(t, true)
	seed(t, db, clk)
	d := newDriver(t, db, Options{Staff: "王芳"})
	d.key("5")
	c := d.daily().cache
	day := store.Day{Year: 2026, Month: 3, Day: 1}
	late := readAheadCmd(d.m.env, day, c.gen)()
	d.m.Update(eventMsg{Kind: store.KindExternal}) // its commands wait for the next event: not run
	d.send(late)
	if _, ok := c.days[day]; ok {
		t.Fatal("an answer read before a drop was kept")
	}
	d.send(readAheadCmd(d.m.env, day, c.gen)())
	if _, ok := c.days[day]; !ok {
		t.Fatal("an answer read after the drop was not kept")
	}
}

// A kept day older than logFresh shows at once and is read again behind
// it: the log counts as of its reading.
func TestDailyKeptRefreshed(t *testing.T) {
	db, clk := mustOpen(t, true)
	seed(t, db, clk)
	d := newDriver(t, db, Options{Staff: "王芳"})
	d.key("5", "left", "right")
	d.wantView("2026-03-10")
	if !strings.Contains(d.daily().text, "2026-03-10 10:00") {
		t.Fatalf("the log lacks its printing time:\n%s", d.daily().text)
	}
	clk.Set(at(10, 5))
	d.key("left", "right")
	if !strings.Contains(d.daily().text, "2026-03-10 10:05") {
		t.Fatalf("a kept day five minutes old was not read again:\n%s", d.daily().text)
	}
}

// The preview lists the backlogShown overdue requests promised earliest and
// counts the rest; the exported log lists them all.
func TestDailyBriefBacklog(t *testing.T) {
	db, clk := mustOpen(t, true)
	seed(t, db, clk)
	ctx := context.Background()
	const n = backlogShown + 3
	for i := range n {
		clk.Set(at(9, i).AddDate(0, 0, -40+i))
		promised := store.Day{Year: 2026, Month: 3, Day: 10}.AddDays(-39 + i)
		_, err := db.CreateRequest(ctx, store.RequestInput{Name: fmt.Sprintf("积压%02d", i), Phone: "13600003333",
			Category: "housing", Description: "楼道灯坏了", PromisedBy: promised, Actor: "王芳"})
		if err != nil {
			t.Fatal(err)
		}
	}
	clk.Set(at(10, 0))
	d := newDriver(t, db, Options{Staff: "王芳"})
	d.key("5")
	text := d.daily().text
	for i := range n {
		name := fmt.Sprintf("积压%02d", i)
		if shown := strings.Contains(text, name); shown != (i < backlogShown) {
			t.Errorf("%s shown: %v, want %v (the %d promised earliest)", name, shown, i < backlogShown, backlogShown)
		}
	}
	// 孙八 of the seed is overdue too, promised after all of these.
	if want := fmt.Sprintf("另有 %d 件未列出（共 %d 件", n+1-backlogShown, n+1); !strings.Contains(text, want) {
		t.Errorf("the preview lacks %q:\n%s", want, text)
	}
	// End shows the log's last lines, Home its first.
	d.send(tea.KeyMsg{Type: tea.KeyEnd})
	d.wantView("另有 ", "负责人签字")
	d.send(tea.KeyMsg{Type: tea.KeyHome})
	d.wantView("中心：城南街道党群服务中心")
	d.dontWantView("负责人签字")
	d.key("e")
	body, err := os.ReadFile(filepath.Join(filepath.Dir(db.Path()), "台账-2026-03-10.csv"))
	if err != nil {
		t.Fatalf("export: %v (notice %q)", err, d.m.notice)
	}
	for i := range n {
		if name := fmt.Sprintf("积压%02d", i); !strings.Contains(string(body), name) {
			t.Errorf("the exported log lacks %s", name)
		}
	}
	if strings.Contains(string(body), "未列出") {
		t.Error("the exported log says rows were left out")
	}
}
