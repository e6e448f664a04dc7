package tui

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"frontdesk/store"
)

// paneOf is what the screen shows right of a w-wide screen's list: the
// pane, line by line.
func paneOf(view string, w int) string {
	lw, _ := paneSplit(w)
	var out []string
	for _, l := range strings.Split(view, "\n") {
		if ansi.StringWidth(l) > lw {
			out = append(out, ansi.TruncateLeft(l, lw, ""))
		}
	}
	return strings.Join(out, "\n")
}

// correctSeeded corrects a visit and a booking of the seeded day, so their
// panes have a history to show.
func correctSeeded(t *testing.T, db *store.DB, s seeded) {
	t.Helper()
	ctx := context.Background()
	v := s.visitOpen
	if _, err := db.CorrectVisit(ctx, v.ID, store.VisitEdit{Name: v.Name, Org: "幸福社区居委会", Purpose: v.Purpose, Headcount: 2,
		CheckedInAt: v.CheckedInAt, Actor: "王芳"}); err != nil {
		t.Fatal(err)
	}
	b := s.approved
	if _, err := db.CorrectBooking(ctx, b.ID, store.BookingEdit{Title: "主题党日活动", Attendees: 32, Start: b.Start, End: b.End, Actor: "王芳"}); err != nil {
		t.Fatal(err)
	}
}

// TestPaneGoldens keeps the wide screens: at 200×50 each list with a pane
// (requests, visits, bookings) beside it, and the requests at 120×40, the
// narrowest that has one.
func TestPaneGoldens(t *testing.T) {
	down := runes("j")
	cases := []struct {
		name  string
		w, h  int
		steps []step
	}{
		{"requests_200x50", 200, 50, []step{{[]tea.Msg{runes("3")}, []string{"孙八"}}, {[]tea.Msg{down}, []string{"139****1111", "03-10 09:50  王芳  待受理"}}}},
		{"requests_120x40", 120, 40, []step{{[]tea.Msg{runes("3")}, []string{"孙八"}}, {[]tea.Msg{down}, []string{"139****1111", "03-10 09:50  王芳  待受理"}}}},
		{"visits_200x50", 200, 50, []step{{[]tea.Msg{runes("2")}, []string{"张三"}}, {[]tea.Msg{down, down, down}, []string{"138****5678", "更正 单位"}}}},
		{"bookings_200x50", 200, 50, []step{{[]tea.Msg{runes("4")}, []string{"赵六 137****2222", "更正 主题"}}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			db, clk := mustOpen(t, true)
			correctSeeded(t, db, seed(t, db, clk))
			playGolden(t, startProgramAt(t, db, Options{Staff: "王芳"}, c.w, c.h), c.steps)
		})
	}
}

// The pane follows the cursor on each tab that has one, reads the selected
// record's history, scrolls with ctrl+d and ctrl+u, and keeps to the
// screen; enter still opens the full detail; at 80 columns there is none.
func TestPaneFollowsCursor(t *testing.T) {
	db, clk := mustOpen(t, true)
	s := seed(t, db, clk)
	correctSeeded(t, db, s)
	d := newDriver(t, db, Options{Staff: "王芳"})
	const w, h = 200, 50
	d.send(teaSize(w, h))
	pane := func() string { return paneOf(d.view(), w) }
	wantPane := func(wants, nots []string) {
		t.Helper()
		p := pane()
		for _, x := range wants {
			if !strings.Contains(p, x) {
				t.Fatalf("pane lacks %q; got:\n%s", x, p)
			}
		}
		for _, x := range nots {
			if strings.Contains(p, x) {
				t.Fatalf("pane shows %q; got:\n%s", x, p)
			}
		}
	}

	// The pane follows the cursor and masks phones as the lists do: a
	// record's whole number shows only once the worker opens it (enter).
	d.key("3")
	wantPane([]string{"R-20260310-0002", "139****2222", "03-10 09:55  扫码  待受理"}, []string{"139****1111", "13900002222"})
	d.key("down")
	wantPane([]string{"R-20260310-0001", "139****1111", "03-10 09:50  王芳  待受理"}, []string{"139****2222", "13900001111"})
	d.send(tea.KeyMsg{Type: tea.KeyEnd})
	wantPane([]string{"孙八", "受理"}, []string{"139****1111"})
	d.key("enter")
	if r := d.requests(); r.mode != requestsDetail || r.req.ID != s.overdue.ID {
		t.Fatalf("enter beside the pane: mode %v on %d, want the full detail of %d", r.mode, r.req.ID, s.overdue.ID)
	}
	if v := d.view(); !strings.Contains(v, s.overdue.Phone) {
		t.Fatalf("the opened request lacks its whole phone %s:\n%s", s.overdue.Phone, v)
	}
	d.key("esc")

	d.key("2")
	wantPane([]string{"137****1234"}, []string{"138****5678", "13700001234"})
	d.send(tea.KeyMsg{Type: tea.KeyEnd})
	wantPane([]string{"138****5678", "更正 单位", "幸福社区居委会"}, []string{"137****1234", "13812345678"})
	d.key("enter")
	wantPane([]string{"13812345678"}, nil)
	d.key("enter")
	wantPane([]string{"138****5678"}, []string{"13812345678"})
	// A slower answer for a row the cursor has left does not take the
	// selected row's history away.
	d.send(correctionsMsg{kind: store.KindVisit, id: d.visits().visits[0].ID})
	wantPane([]string{"更正 单位"}, nil)

	d.key("4")
	wantPane([]string{"赵六 137****2222", "更正 主题", "主题党日活动"}, []string{"13700002222"})
	d.key("enter")
	wantPane([]string{"赵六 13700002222"}, nil)
	d.key("enter")
	d.key("down")
	wantPane([]string{"钱七 137****3333"}, []string{"赵六", "更正 主题"})
	// An approval taken back shows in the pane at once.
	d.key("down", "a", "u")
	wantPane([]string{"吴十 137****4444", "王芳  撤销：已确认 → 待审核"}, nil)

	// A long request: its pane scrolls, and from the top again on another row.
	if _, err := db.CreateRequest(context.Background(), store.RequestInput{Name: "白大爷", Phone: "13900009999", Category: "environment",
		Description: longDescription, Actor: "王芳"}); err != nil {
		t.Fatal(err)
	}
	d.send(teaSize(120, 30))
	d.key("3")
	d.send(tea.KeyMsg{Type: tea.KeyHome})
	pane = func() string { return paneOf(d.view(), 120) }
	wantPane([]string{"白大爷", " 0%"}, nil)
	top := pane()
	d.send(tea.KeyMsg{Type: tea.KeyCtrlD})
	if pane() == top || strings.Contains(pane(), " 0%") {
		t.Fatalf("ctrl+d left the pane where it was:\n%s", pane())
	}
	d.send(tea.KeyMsg{Type: tea.KeyCtrlU})
	if pane() != top {
		t.Fatalf("ctrl+u: got\n%s\nwant the top again:\n%s", pane(), top)
	}
	d.send(tea.KeyMsg{Type: tea.KeyCtrlD})
	d.key("down", "up")
	wantPane([]string{"白大爷", " 0%"}, nil)

	for _, size := range [][2]int{{200, 50}, {120, 40}, {80, 24}} {
		d.send(teaSize(size[0], size[1]))
		for _, k := range []string{"2", "3", "4"} {
			d.key(k)
			lines := strings.Split(d.view(), "\n")
			if len(lines) != size[1] {
				t.Fatalf("%dx%d on tab %s: %d lines, want %d", size[0], size[1], k, len(lines), size[1])
			}
			for _, l := range lines {
				if lw := ansi.StringWidth(l); lw > size[0] {
					t.Fatalf("%dx%d on tab %s: line %q is %d wide", size[0], size[1], k, l, lw)
				}
			}
			if has := strings.Contains(d.view(), "│"); has != (size[0] >= paneFrom) {
				t.Fatalf("%dx%d on tab %s: pane shown %v, want %v:\n%s", size[0], size[1], k, has, size[0] >= paneFrom, d.view())
			}
		}
	}
}
