package tui

import (
	"context"
	"strconv"
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
	d.wantView("每周周二，共 3 次，冲突 1 次", "2026-03-17 周二  可预约", "2026-03-24 周二  冲突", taken.ReceiptNo, "2026-03-31 周二")
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
	// The moved date keeps its decision, and says where it went.
	d.wantView("已更改 1 次；未能更改 0 次", "2026-03-17 周二  已确认  "+first.ReceiptNo+"  已调整 → 2026-03-18 14:00-15:00")
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

// A phone series at the desk: its later dates move to another venue, where
// one date is taken and stays where it was, reported by date; the desk then
// approves this date and the later ones, and rejects the rest with a
// reason, each after a question.
func TestSeriesVenueAndDecide(t *testing.T) {
	db, clk := mustOpen(t, true)
	s := seed(t, db, clk)
	ctx := context.Background()
	clk.Set(at(9, 0))
	first := at(14, 0).AddDate(0, 0, 7) // Tuesday 03-17
	in := store.SeriesInput{BookingInput: store.BookingInput{VenueID: s.hall.ID, Org: "第二党小组", Contact: "李", Phone: "13700006666",
		Title: "读书会", Purpose: "other", Attendees: 10, Start: first, End: first.Add(time.Hour), Source: "kiosk", Actor: "kiosk"},
		Rule: store.SeriesRule{First: db.DayOf(first), Count: 3}}
	res, err := db.CreateSeriesRule(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	third := first.AddDate(0, 0, 14)
	taken, err := db.CreateBooking(ctx, store.BookingInput{VenueID: s.room.ID, Org: "工会", Contact: "林", Phone: "13700005555",
		Title: "职工会", Purpose: "other", Attendees: 5, Start: third, End: third.Add(time.Hour), Approve: true, Actor: "王芳"})
	if err != nil {
		t.Fatal(err)
	}
	clk.Set(at(10, 0))
	d := newDriver(t, db, Options{Staff: "王芳"})
	d.key("4", "/")
	d.typ(res.Booked[0].ReceiptNo)
	d.key("enter", "W")
	d.wantView("> 2026-03-17 周二  待审核", "a 通过", "A 通过本次及以后", "x ")

	// L: the venue field moves this date and the later ones.
	d.key("L")
	d.edit(func(t tab) tab {
		b := t.(bookingsTab)
		b.form.set("venue", strconv.FormatInt(s.room.ID, 10))
		return b
	})
	d.key("enter")
	d.wantView("已更改 2 次；未能更改 1 次", "2026-03-31 该时段已被预约："+taken.ReceiptNo)
	for i, want := range []string{s.room.Name, s.room.Name, s.hall.Name} {
		if b, _ := db.Booking(ctx, res.Booked[i].ID); b.VenueName != want {
			t.Fatalf("date %d after the move: venue %s, want %s", i, b.VenueName, want)
		}
	}

	// A on the second date: asked first, then it and the third are approved.
	d.key("down", "A")
	d.wantView("通过 2026-03-24 及以后各次中待审核的日期？")
	d.key("y")
	d.wantView("已更改 2 次；未能更改 0 次")
	// x: a reason, a question, then the rest of the series is rejected.
	d.key("x")
	d.wantView("驳回重复预约「读书会」")
	d.key("enter")
	d.wantView("请")
	d.typ("场地检修")
	d.key("enter")
	d.wantView("驳回「读书会」所有待审核的日期？原因：场地检修")
	d.key("y")
	d.wantView("已更改 1 次；未能更改 0 次")
	for i, want := range []string{store.BookingRejected, store.BookingApproved, store.BookingApproved} {
		if b, _ := db.Booking(ctx, res.Booked[i].ID); b.Status != want {
			t.Fatalf("date %d: status %s, want %s", i, b.Status, want)
		}
	}
}

// A phone series waits in the 今日 inbox as one line with its count of
// pending dates; enter opens the series view, esc goes back to 今日.
func TestInboxPhoneSeries(t *testing.T) {
	db, clk := mustOpen(t, true)
	s := seed(t, db, clk)
	ctx := context.Background()
	clk.Set(at(9, 0))
	first := at(14, 0).AddDate(0, 0, 7)
	res, err := db.CreateSeriesRule(ctx, store.SeriesInput{BookingInput: store.BookingInput{VenueID: s.hall.ID, Org: "第二党小组", Contact: "李",
		Phone: "13700006666", Title: "读书会", Purpose: "other", Attendees: 10, Start: first, End: first.Add(time.Hour), Source: "kiosk", Actor: "kiosk"},
		Rule: store.SeriesRule{First: db.DayOf(first), Count: 3}})
	if err != nil {
		t.Fatal(err)
	}
	clk.Set(at(10, 0))
	d := newDriver(t, db, Options{Staff: "王芳"})
	d.wantView("待办（6）", "待审核 2", res.Booked[0].ReceiptNo, "扫码 〔重复 3 次待审〕读书会")
	d.dontWantView(res.Booked[1].ReceiptNo, res.Booked[2].ReceiptNo)
	line := -1
	for i, it := range tabAs[todayTab](t, d.m).inbox {
		if it.open.series == res.SeriesID {
			line = i
		}
	}
	if line < 0 {
		t.Fatal("no inbox line opens the series")
	}
	for range line {
		d.key("down")
	}
	d.key("enter")
	if d.m.active != tabBookings || d.bookings().mode != bookingsSeries {
		t.Fatalf("enter on the series line: tab %d mode %v, want the series view", d.m.active, d.bookings().mode)
	}
	d.wantView("重复预约「读书会」第二党小组", "2026-03-17 周二  待审核", "2026-03-31 周二  待审核")
	d.key("esc")
	if d.m.active != tabToday {
		t.Fatalf("esc after the jump: tab %d, want 今日", d.m.active)
	}
}
