package tui

import (
	"context"
	"strings"
	"testing"
	"time"

	"frontdesk/store"
)

// selectBooking moves the bookings cursor to receipt no.
func selectBooking(t *testing.T, d *driver, no string) {
	t.Helper()
	for i, b := range d.bookings().bookings {
		if b.ReceiptNo == no {
			d.edit(func(t tab) tab { b := t.(bookingsTab); b.table.cursor = i; return b })
			return
		}
	}
	t.Fatalf("%s not on the day", no)
}

func fillBooking(d *driver, start, end, org string, attendees string) {
	d.typ(start)
	d.key("tab")
	d.typ(end)
	d.key("tab")
	d.typ(org)
	d.key("tab")
	d.typ("联系人")
	d.key("tab")
	d.typ("13700009999")
	d.key("tab")
	d.typ("学习会")
	d.key("tab", "tab")
	d.typ(attendees)
}

func TestBookingNewNamesClash(t *testing.T) {
	db, clk := mustOpen(t, true)
	s := seed(t, db, clk)
	d := newDriver(t, db, Options{Staff: "王芳"})
	d.key("4")
	d.wantView("多功能厅", "主题党日", "待审核")
	d.key("n")
	d.typ("15:00")
	d.key("tab")
	d.typ("17:00")
	// Only the time is typed, and the clash is already named.
	d.wantView(s.approved.ReceiptNo, "主题党日")
	d.key("shift+tab", "backspace", "backspace", "backspace", "backspace", "backspace")
	d.typ("16:00")
	d.key("tab")
	d.dontWantView(s.approved.ReceiptNo)
	d.key("tab")
	d.typ("第三党支部")
	d.key("tab")
	d.typ("孙")
	d.key("tab")
	d.typ("13700009999")
	d.key("tab")
	d.typ("学习会")
	d.key("tab", "tab")
	d.typ("200")
	d.wantView("超过场地容量")
	d.key("backspace")
	d.wantView("该时段可以预约")
	d.key("enter")
	bs, _ := db.BookingsOn(context.Background(), db.Today())
	var got *store.Booking
	for i := range bs {
		if bs[i].Org == "第三党支部" {
			got = &bs[i]
		}
	}
	if got == nil || got.Status != store.BookingApproved || got.Attendees != 20 || got.CreatedBy != "王芳" {
		t.Fatalf("new booking = %+v", got)
	}
	d.wantView("已预约："+got.ReceiptNo, "第三党支部")
}

func TestBookingApproveRejectCancel(t *testing.T) {
	db, clk := mustOpen(t, true)
	s := seed(t, db, clk)
	ctx := context.Background()
	d := newDriver(t, db, Options{Staff: "王芳"})
	d.key("4")
	selectBooking(t, d, s.pending.ReceiptNo)
	d.key("a")
	if b, _ := db.Booking(ctx, s.pending.ID); b.Status != store.BookingApproved || b.DecidedBy != "王芳" {
		t.Fatalf("after a: %+v", b)
	}
	d.wantView("已通过：" + s.pending.ReceiptNo + "（10 秒内按 u 撤销）")
	selectBooking(t, d, s.pending.ReceiptNo)
	d.key("c")
	d.typ("场地临时检修")
	d.key("enter")
	if b, _ := db.Booking(ctx, s.pending.ID); b.Status != store.BookingCancelled || b.Reason != "场地临时检修" {
		t.Fatalf("after c: %+v", b)
	}

	clk.Set(at(8, 0))
	p2, err := db.CreateBooking(ctx, store.BookingInput{VenueID: s.hall.ID, Org: "舞蹈队", Contact: "林", Phone: "13700005555",
		Title: "排练", Purpose: "residents", Attendees: 10, Start: at(18, 0), End: at(19, 0), Source: "kiosk"})
	if err != nil {
		t.Fatal(err)
	}
	clk.Set(at(10, 0))
	d.key("t")
	selectBooking(t, d, p2.ReceiptNo)
	d.key("x", "enter")
	if b, _ := db.Booking(ctx, p2.ID); b.Status != store.BookingPending {
		t.Fatalf("rejected without a reason: %+v", b)
	}
	d.typ("与区级活动冲突")
	d.key("enter")
	if b, _ := db.Booking(ctx, p2.ID); b.Status != store.BookingRejected {
		t.Fatalf("after x: %+v", b)
	}
}

func TestBookingArriveAndNoShow(t *testing.T) {
	db, clk := mustOpen(t, true)
	s := seed(t, db, clk)
	ctx := context.Background()
	d := newDriver(t, db, Options{Staff: "王芳"})
	d.key("4", "i")
	d.typ(strings.ToLower(s.approved.ReceiptNo))
	d.key("enter")
	// 14:00 start: check-in opens at 13:00; at 10:00 the store refuses,
	// and says why under the form.
	if b, _ := db.Booking(ctx, s.approved.ID); !b.ArrivedAt.IsZero() {
		t.Fatalf("checked in four hours early: %+v", b)
	}
	if !strings.Contains(d.bookings().form.err, "1 小时") {
		t.Fatalf("form error = %q, want the store's check-in window", d.bookings().form.err)
	}
	d.key("esc", "y")
	clk.Set(at(13, 30))
	d.key("i")
	d.typ(s.approved.ReceiptNo)
	d.key("enter")
	if b, _ := db.Booking(ctx, s.approved.ID); b.ArrivedAt.IsZero() {
		t.Fatalf("not checked in: %+v", b)
	}
	d.wantView("已核销到场", "13:30")

	selectBooking(t, d, s.morning.ReceiptNo)
	d.key("m")
	d.wantView("未到场？")
	d.key("y")
	if b, _ := db.Booking(ctx, s.morning.ID); b.Status != store.BookingNoShow {
		t.Fatalf("after m: %+v", b)
	}
	d.wantView("未到场")
}

func TestBookingSeries(t *testing.T) {
	db, clk := mustOpen(t, true)
	s := seed(t, db, clk)
	ctx := context.Background()
	clk.Set(at(9, 0))
	next := at(14, 0).AddDate(0, 0, 14)
	_, err := db.CreateBooking(ctx, store.BookingInput{VenueID: s.hall.ID, Org: "工会", Contact: "林", Phone: "13700005555",
		Title: "职工大会", Purpose: "other", Attendees: 50, Start: next, End: next.Add(time.Hour), Approve: true, Actor: "王芳"})
	if err != nil {
		t.Fatal(err)
	}
	clk.Set(at(10, 0))
	d := newDriver(t, db, Options{Staff: "王芳"})
	d.key("4", "right", "w")
	// The form starts on the viewed day, 03-11; the series goes on the 10th.
	d.edit(func(t tab) tab { b := t.(bookingsTab); b.form.set("date", "2026-03-10"); return b })
	fillBooking(d, "16:00", "17:30", "第二党支部", "25")
	d.key("tab")
	d.key("backspace")
	d.typ("3")
	d.key("enter")
	d.wantView("已预约 3 次；冲突 0 次")
	d.key("w")
	d.edit(func(t tab) tab { b := t.(bookingsTab); b.form.set("date", "2026-03-10"); return b })
	fillBooking(d, "14:30", "15:30", "第四党支部", "10")
	d.key("tab", "backspace")
	d.typ("4")
	d.key("enter")
	d.wantView("已预约 2 次；冲突 2 次：2026-03-10, 2026-03-24")
	bs, _ := db.BookingsBetween(ctx, store.Day{Year: 2026, Month: 3, Day: 10}, store.Day{Year: 2026, Month: 4, Day: 10})
	n := 0
	for _, b := range bs {
		if b.Org == "第四党支部" {
			n++
		}
	}
	if n != 2 {
		t.Fatalf("第四党支部 has %d bookings, want 2 (03-10 and 03-24 clash)", n)
	}
}

func TestBookingDetailOffersWhatTheStatusAllows(t *testing.T) {
	db, clk := mustOpen(t, true)
	s := seed(t, db, clk)
	d := newDriver(t, db, Options{Staff: "王芳"})
	d.key("4")
	selectBooking(t, d, s.pending.ReceiptNo)
	d.key("enter")
	d.wantView("13700004444", "可办理：a 通过  x 驳回  c 取消预约  E 更正  X 作废\n")
	selectBooking(t, d, s.approved.ReceiptNo)
	// At 10:00 the 14:00 booking is no no-show yet, so m is not offered.
	d.wantView("13700002222", "经办: 王芳", "可办理：c 取消预约  E 更正  X 作废\n")
	clk.Set(at(14, 31))
	d.key("down", "up")
	d.wantView("可办理：c 取消预约  m 未到场  E 更正  X 作废\n")
	// x on an approved booking does nothing: the store's workflow has no such move.
	d.key("x")
	if d.bookings().mode != bookingsList {
		t.Fatal("x opened a reject form for an approved booking")
	}
}

func TestBookingFind(t *testing.T) {
	db, clk := mustOpen(t, true)
	s := seed(t, db, clk)
	clk.Set(at(9, 0))
	later, err := db.CreateBooking(context.Background(), store.BookingInput{VenueID: s.hall.ID, Org: "工会", Contact: "林",
		Phone: "13700005555", Title: "职工大会", Purpose: "other", Attendees: 50, Start: at(14, 0).AddDate(0, 0, 9),
		End: at(15, 0).AddDate(0, 0, 9), Approve: true, Actor: "王芳"})
	if err != nil {
		t.Fatal(err)
	}
	clk.Set(at(10, 0))
	d := newDriver(t, db, Options{Staff: "王芳"})
	d.key("4", "/")
	// The day's list filters as it is typed, by organisation, title or number.
	d.typ("志愿")
	if n := len(d.bookings().bookings); n != 1 || d.bookings().bookings[0].ID != s.pending.ID {
		t.Fatalf("filter 志愿: %d rows, want the 志愿者培训 only", n)
	}
	d.key("esc")
	if n := len(d.bookings().bookings); n != 3 {
		t.Fatalf("after esc: %d rows, want the day's 3", n)
	}
	// A number the day does not hold is looked up on every day.
	d.key("/")
	d.typ("B-20990101-0001")
	d.key("enter")
	if d.m.errText == "" {
		t.Fatal("no message for a booking that does not exist")
	}
	d.key("/")
	d.typ(strings.ToLower(later.ReceiptNo))
	d.key("enter")
	d.wantView("2026-03-19", "职工大会", "13700005555")
	if b, ok := d.bookings().selected(); !ok || b.ID != later.ID {
		t.Fatalf("selected %+v, want %s", b, later.ReceiptNo)
	}
}
