package tui

import (
	"context"
	"testing"
)

// Times and days typed the short way book the same slot: 明天, 15, 1600.
// A desk booking over a phone booking still waiting is warned of.
func TestBookingForgivingInput(t *testing.T) {
	db, clk := mustOpen(t, true)
	s := seed(t, db, clk)
	ctx := context.Background()
	d := newDriver(t, db, Options{Staff: "王芳"})
	// The form opens on the start; back to the venue: the second, 党员活动室,
	// where the pending 15:00–17:00 waits.
	d.key("4", "n", "shift+tab", "shift+tab", "right", "tab")
	for range 10 {
		d.key("backspace")
	}
	d.typ("今天")
	d.key("tab")
	d.typ("16")
	d.key("tab")
	d.typ("1700")
	d.wantView(s.pending.ReceiptNo, "正等待审核")
	d.key("shift+tab", "shift+tab", "backspace", "backspace")
	d.typ("明天")
	d.key("tab", "backspace", "backspace")
	d.typ("15")
	d.key("tab") // the end stays 1700
	for _, k := range []string{"第三党支部", "孙", "13700009999", "学习会"} {
		d.key("tab")
		d.typ(k)
	}
	d.key("tab", "tab")
	d.typ("10")
	d.key("enter")
	bs, _ := db.BookingsOn(ctx, db.Today().AddDays(1))
	if len(bs) == 0 {
		t.Fatalf("no booking:\n%s", d.view())
	}
	if len(bs) != 1 || !bs[0].Start.Equal(at(15, 0).AddDate(0, 0, 1)) || !bs[0].End.Equal(at(17, 0).AddDate(0, 0, 1)) {
		t.Fatalf("bookings tomorrow: %+v, want 15:00–17:00", bs)
	}
}

// The visit form forgives: enter on a lookup with no match keeps the text
// as the name, the headcount's 1 is replaced by what is typed, a typed 0 is
// refused, and 党员报到 marks the party member.
func TestVisitForgivingInput(t *testing.T) {
	db, clk := mustOpen(t, true)
	seed(t, db, clk)
	d := newDriver(t, db, Options{Staff: "王芳"})
	d.key("2", "n")
	d.typ("钱多多")
	d.key("enter")
	if f := d.visits().form; f.value("name") != "钱多多" || f.focused() != "phone" {
		t.Fatalf("after enter on no match: name %q, focus %q; want the name kept and the phone next", f.value("name"), f.focused())
	}
	d.key("tab", "tab", "right", "right", "right") // purpose: 党员报到
	if d.visits().form.value("purpose") != "party_report" || d.visits().form.value("party") != "yes" {
		t.Fatalf("purpose %q party %q; want 党员报到 to mark the party member", d.visits().form.value("purpose"), d.visits().form.value("party"))
	}
	d.key("tab", "tab")
	d.typ("0")
	d.key("enter")
	d.wantView("人数")
	if vs, _ := db.VisitsOn(context.Background(), db.Today()); len(vs) != 4 {
		t.Fatalf("a headcount of 0 was saved: %d visits", len(vs))
	}
	d.key("backspace")
	d.typ("3")
	if got := d.visits().form.value("headcount"); got != "3" {
		t.Fatalf("headcount = %q, want 3", got)
	}
	d.key("enter")
	vs, _ := db.SearchVisits(context.Background(), "钱多多", 5)
	if len(vs) != 1 || vs[0].Headcount != 3 || !vs[0].PartyMember || vs[0].Purpose != "party_report" {
		t.Fatalf("visit = %+v", vs)
	}
}

// A returning visitor who never checked out is named as still in.
func TestVisitorAlreadyIn(t *testing.T) {
	db, clk := mustOpen(t, true)
	seed(t, db, clk)
	d := newDriver(t, db, Options{Staff: "王芳"})
	d.key("2", "n")
	d.typ("5678")
	d.wantView("张三")
	for d.visits().found[d.visits().foundAt].Name != "张三" {
		d.key("down")
	}
	d.key("enter")
	d.wantView("张三 已于 08:30 签到")
}
