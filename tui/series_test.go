package tui

import (
	"context"
	"testing"
	"time"

	"frontdesk/store"
)

// A weekly series at the desk: the form shows the weekday and every date
// with its clash before saving; the booking's details name its series; the
// series view lists the dates, moves one and cancels another.
func TestSeriesAtTheDesk(t *testing.T) {
	db, clk := mustOpen(t, true)
	s := seed(t, db, clk)
	ctx := context.Background()
	clk.Set(at(9, 0))
	week2 := at(14, 0).AddDate(0, 0, 14) // Tuesday 03-24
	taken, err := db.CreateBooking(ctx, store.BookingInput{VenueID: s.hall.ID, Org: "工会", Contact: "林", Phone: "13700005555",
		Title: "职工大会", Purpose: "other", Attendees: 50, Start: week2, End: week2.Add(time.Hour), Approve: true, Actor: "王芳"})
	if err != nil {
		t.Fatal(err)
	}
	clk.Set(at(10, 0))
	d := newDriver(t, db, Options{Staff: "王芳"})
	d.key("4", "w")
	d.edit(func(t tab) tab { b := t.(bookingsTab); b.form.set("date", "2026-03-17"); return b })
	fillBooking(d, "14:00", "15:00", "第一党小组", "12")
	d.key("tab", "backspace")
	d.typ("3")
	d.wantView("每周周二，共 3 次，冲突 1 次", "2026-03-17 周二  已确认", "2026-03-24 周二  冲突", taken.ReceiptNo, "2026-03-31 周二")
	d.key("enter")
	d.wantView("已预约 2 次；冲突 1 次")

	bs, _ := db.BookingsBetween(ctx, store.Day{Year: 2026, Month: 3, Day: 17}, store.Day{Year: 2026, Month: 3, Day: 31})
	var first store.Booking
	for _, b := range bs {
		if b.Org == "第一党小组" && first.ID == 0 {
			first = b
		}
	}
	d.key("/")
	d.typ(first.ReceiptNo)
	d.key("enter")
	d.wantView("重复预约：每周周二 14:00 · 共 3 次（已确认 2、冲突 1）")
	d.key("W")
	d.wantView("重复预约「学习会」第一党小组", "> 2026-03-17 周二  已确认", "2026-03-24 周二  冲突")
	d.key("M")
	d.edit(func(t tab) tab { b := t.(bookingsTab); b.form.set("date", "2026-03-18"); return b })
	d.key("enter")
	d.wantView("已更改 1 次；未能更改 0 次", "2026-03-17 周二  已调整", "→ 2026-03-18 14:00-15:00")
	d.key("down", "down", "c")
	d.key("y")
	d.wantView("2026-03-31 周二  已取消")
	if b, _ := db.BookingsBetween(ctx, store.Day{Year: 2026, Month: 3, Day: 31}, store.Day{Year: 2026, Month: 3, Day: 31}); len(b) != 1 || b[0].Status != store.BookingCancelled {
		t.Fatalf("03-31: got %+v, want its booking cancelled", b)
	}
	d.key("esc")
	if d.bookings().mode != bookingsList {
		t.Fatalf("esc from the series view: mode %v, want the list", d.bookings().mode)
	}
}
