package tui

import (
	"context"
	"testing"

	"frontdesk/store"
)

// selectVisit puts the visits list's cursor on the visit named name.
func selectVisit(t *testing.T, d *driver, name string) store.Visit {
	t.Helper()
	for i, v := range d.visits().visits {
		if v.Name == name {
			d.edit(func(t tab) tab { x := t.(visitsTab); x.table.cursor = i; return x })
			return v
		}
	}
	t.Fatalf("no visit of %s", name)
	return store.Visit{}
}

// A mistaken group visit is corrected from the list, and the correction
// shows in its details; then it is voided and leaves the day's figures.
func TestCorrectAndVoidVisit(t *testing.T) {
	db, clk := mustOpen(t, true)
	seed(t, db, clk)
	ctx := context.Background()
	d := newDriver(t, db, Options{Staff: "王芳"})
	d.key("2")
	d.wantView("来访（4 组，33 人）")
	v := selectVisit(t, d, "市委党校参观团")
	d.key("E")
	d.wantView("更正来访 " + v.ReceiptNo)
	for _, k := range []string{"tab", "tab", "tab", "tab", "backspace", "backspace"} {
		d.key(k)
	}
	d.typ("3")
	d.key("enter")
	got, _ := db.Visit(ctx, v.ID)
	if got.Headcount != 3 {
		t.Fatalf("headcount after the correction: got %d, want 3", got.Headcount)
	}
	d.wantView("已更正："+v.ReceiptNo, "来访（4 组，6 人）")
	d.key("enter")
	d.wantView("更正 人数: 30 → 3")

	// A void needs a reason, then the visit is listed as voided and counts
	// for nothing.
	d.key("X", "enter")
	d.wantView("作废原因")
	if vs, _ := db.Voids(ctx, store.KindVisit, []int64{v.ID}); len(vs) != 0 {
		t.Fatal("voided without a reason")
	}
	d.typ("重复登记")
	d.key("enter")
	d.wantView("已作废："+v.ReceiptNo, "来访（3 组，3 人）", "作废：重复登记")
	l, err := db.DailyLog(ctx, db.Today(), db.Today())
	if err != nil || l.Summary.Headcount != 3 || len(l.Voided) != 1 {
		t.Fatalf("log after the void: %+v, %v", l.Summary.Figures, err)
	}
	// A voided visit is corrected no more.
	d.key("E")
	d.dontWantView("更正来访")
}

// A booking moved onto another's slot is refused with the clash named; a
// free time is saved and shows in the details.
func TestCorrectBookingChecksClash(t *testing.T) {
	db, clk := mustOpen(t, true)
	s := seed(t, db, clk)
	ctx := context.Background()
	d := newDriver(t, db, Options{Staff: "王芳"})
	d.key("4")
	selectBooking(t, d, s.pending.ReceiptNo)
	d.key("E", "tab", "tab", "tab")
	d.key("backspace", "backspace", "backspace", "backspace", "backspace")
	d.typ("9") // 09:00–17:00 runs over the room's 09:00 书法班
	d.key("enter")
	d.wantView(s.morning.ReceiptNo)
	if b, _ := db.Booking(ctx, s.pending.ID); !b.Start.Equal(s.pending.Start) {
		t.Fatalf("moved onto a clash: %+v", b)
	}
	d.key("backspace")
	d.typ("1600")
	d.key("enter")
	if b, _ := db.Booking(ctx, s.pending.ID); !b.Start.Equal(at(16, 0)) {
		t.Fatalf("start after the correction: got %v, want 16:00", b.Start)
	}
	d.key("enter")
	d.wantView("更正 开始: 2026-03-10 15:00 → 2026-03-10 16:00")
}
