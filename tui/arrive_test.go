package tui

import (
	"context"
	"testing"
)

// Check-in (i) offers the selected booking's number, so enter is enough;
// typing replaces it, and today's last four digits are a number too.
func TestArrivePrefillAndSuffix(t *testing.T) {
	db, clk := mustOpen(t, true)
	s := seed(t, db, clk)
	ctx := context.Background()
	d := newDriver(t, db, Options{Staff: "王芳"})
	d.key("4")

	// Typed over the prefill: the four digits of a booking of today.
	clk.Set(at(9, 0))
	selectBooking(t, d, s.approved.ReceiptNo)
	d.key("i")
	no := s.morning.ReceiptNo
	d.typ(no[len(no)-4:])
	if got := d.bookings().form.value("receipt"); got != no[len(no)-4:] {
		t.Fatalf("typed: got %q, want the four digits alone", got)
	}
	d.key("enter")
	if b, _ := db.Booking(ctx, s.morning.ID); b.ArrivedAt.IsZero() {
		t.Fatalf("the four digits did not check %s in: %+v (form error %q)", no, b, d.bookings().form.err)
	}
	d.wantView("已核销到场")

	// Enter alone: the selected booking.
	clk.Set(at(13, 30))
	selectBooking(t, d, s.approved.ReceiptNo)
	d.key("i")
	if got := d.bookings().form.value("receipt"); got != s.approved.ReceiptNo {
		t.Fatalf("prefilled: got %q, want the selected %s", got, s.approved.ReceiptNo)
	}
	d.key("enter")
	if b, _ := db.Booking(ctx, s.approved.ID); b.ArrivedAt.IsZero() {
		t.Fatalf("enter on the prefilled number did not check in: %+v", b)
	}
}
