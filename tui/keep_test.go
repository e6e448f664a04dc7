package tui

import (
	"context"
	"testing"
	"time"

	"frontdesk/store"
)

// Esc on a form holding input asks before it throws the input away; any
// key but y keeps typing; esc on an untouched form leaves at once.
func TestEscOnFilledFormAsks(t *testing.T) {
	db, clk := mustOpen(t, true)
	seed(t, db, clk)
	d := newDriver(t, db, Options{Staff: "王芳"})
	d.key("3", "n")
	d.key("esc")
	if d.requests().mode != requestsList {
		t.Fatal("esc on an untouched form did not leave it")
	}
	d.key("n")
	d.typ("张三丰")
	d.key("esc")
	d.wantView("放弃已填写的内容吗")
	if d.requests().mode != requestsForm {
		t.Fatal("esc threw away a filled form")
	}
	d.key("n") // any other key: keep typing
	d.dontWantView("放弃已填写的内容吗")
	if got := d.requests().form.value("name"); got != "张三丰" {
		t.Fatalf("name = %q after keeping the form, want 张三丰", got)
	}
	d.key("esc", "y")
	if d.requests().mode != requestsList {
		t.Fatal("y did not discard the form")
	}
	// The same for the visit form and a booking's reason.
	d.key("2", "n")
	d.typ("李")
	d.key("esc")
	d.wantView("放弃已填写的内容吗")
	d.key("y")
	if d.visits().mode != visitsList {
		t.Fatal("y did not discard the visit form")
	}
}

// Quitting while the kiosk runs in this process asks first and names that
// the kiosk stops; without a kiosk q quits at once.
func TestQuitWithKioskAsks(t *testing.T) {
	db, _ := mustOpen(t, true)
	d := newDriver(t, db, Options{Staff: "王芳"})
	d.key("q")
	if d.quit {
		t.Fatal("q quit the desk and the kiosk without asking")
	}
	d.wantView("停止扫码服务")
	d.key("n")
	d.dontWantView("停止扫码服务")
	d.key("ctrl+c", "y")
	if !d.quit {
		t.Fatal("y did not quit")
	}
	d = newDriver(t, db, Options{Staff: "王芳", KioskUp: func() bool { return false }})
	d.key("q")
	if !d.quit {
		t.Fatal("q without a kiosk asked")
	}
}

// Check-out and no-show ask first; an approval does not ask, and u takes
// it back for store.UndoWindow; cancel and reject need a reason.
func TestActionsAskFirst(t *testing.T) {
	db, clk := mustOpen(t, true)
	s := seed(t, db, clk)
	ctx := context.Background()
	d := newDriver(t, db, Options{Staff: "王芳", Lang: "en"})
	d.key("4")
	selectBooking(t, d, s.approved.ReceiptNo)
	d.key("c", "enter")
	d.wantView("Give a reason")
	if b, _ := db.Booking(ctx, s.approved.ID); b.Status != store.BookingApproved {
		t.Fatalf("cancelled without a reason: %+v", b)
	}
	d.typ("场地维修")
	d.key("enter")
	if b, _ := db.Booking(ctx, s.approved.ID); b.Status != store.BookingCancelled || b.Reason != "场地维修" {
		t.Fatalf("after the reason: %+v", b)
	}
	selectBooking(t, d, s.pending.ReceiptNo)
	d.key("a")
	if b, _ := db.Booking(ctx, s.pending.ID); b.Status != store.BookingApproved {
		t.Fatalf("a did not approve: %+v", b)
	}
	d.wantView("Approved: "+s.pending.ReceiptNo+" (u undoes it for 10 seconds)", "u undo")
	clk.Set(at(10, 0).Add(store.UndoWindow))
	d.key("u")
	if b, _ := db.Booking(ctx, s.pending.ID); b.Status != store.BookingPending || b.DecidedBy != "" {
		t.Fatalf("u did not take the approval back: %+v", b)
	}
	d.wantView("Approval undone: " + s.pending.ReceiptNo + " is pending again")
	d.dontWantView("u undo  ")
	d.key("enter")
	d.wantView("王芳  Undone: Approved → Pending")
	d.key("enter")

	// Too late: u is no longer offered and does nothing.
	d.key("a")
	clk.Set(at(10, 0).Add(2*store.UndoWindow + time.Second))
	d.dontWantView("u undo  ")
	d.key("u")
	if b, _ := db.Booking(ctx, s.pending.ID); b.Status != store.BookingApproved {
		t.Fatalf("u after the window: %+v, want it approved still", b)
	}
}
