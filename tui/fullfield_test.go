package tui

import (
	"context"
	"testing"
	"time"

	"frontdesk/store"
)

// A field its default fills (a date, a time) takes typing by replacing the
// default, where it would otherwise take nothing; backspace still edits it.
func TestTypingReplacesAFullDefault(t *testing.T) {
	db, clk := mustOpen(t, true)
	s := seed(t, db, clk)
	ctx := context.Background()
	clk.Set(at(9, 0))
	first := at(19, 0).AddDate(0, 0, 7)
	res, err := db.CreateSeriesRule(ctx, store.SeriesInput{BookingInput: store.BookingInput{VenueID: s.hall.ID, Org: "第三党小组", Contact: "刘",
		Phone: "13700008888", Title: "学习会", Purpose: "other", Attendees: 12, Start: first, End: first.Add(time.Hour), Approve: true, Actor: "王芳"},
		Rule: store.SeriesRule{First: db.DayOf(first), Count: 3}})
	if err != nil {
		t.Fatal(err)
	}
	clk.Set(at(10, 0))
	d := newDriver(t, db, Options{Staff: "王芳"})
	d.key("4", "/")
	d.typ(res.Booked[0].ReceiptNo)
	d.key("enter", "W", "M")
	d.typ("03-18") // over 2026-03-17
	if got := d.bookings().form.value("date"); got != "03-18" {
		t.Fatalf("typing over the full date: got %q, want 03-18", got)
	}
	d.key("tab", "backspace", "backspace")
	d.typ("30") // 19:00 edited to 19:30
	if got := d.bookings().form.value("start"); got != "19:30" {
		t.Fatalf("backspace then typing: got %q, want 19:30", got)
	}
	d.key("tab")
	d.typ("20:30")
	d.key("enter")
	// The moved date keeps its decision (已确认) and says where it went.
	d.wantView("已更改 1 次", "2026-03-17 周二  已确认  "+res.Booked[0].ReceiptNo+"  已调整 → 2026-03-18 19:30-20:30")
}
