package store_test

import (
	"testing"
	"time"

	"frontdesk/store"
)

// TestUndoApprove: the approver takes an approval back within the window,
// and the booking waits again with the undo in its history; too late,
// someone else, after check-in or cancellation, or a booking made approved,
// it is refused and nothing changes.
func TestUndoApprove(t *testing.T) {
	db, clk := mustOpenClock(t)
	hall := mustCreateVenue(t, db, "多功能厅", 80)
	// pending is a phone booking on day, made now, approved by 王芳 at
	// 08:30 that day.
	pending := func(day store.Day) store.Booking {
		in := booking(hall.ID, day, "09:00", "10:00")
		in.Approve, in.Source, in.Actor = false, store.SourceKiosk, store.ActorKiosk
		b := mustBook(t, db, in)
		clk.Set(at(day, "08:30"))
		if _, err := db.Approve(ctx, b.ID, "王芳"); err != nil {
			t.Fatal(err)
		}
		return b
	}

	t.Run("OK", func(t *testing.T) {
		b := pending(tomorrow)
		clk.Set(clk.Now().Add(store.UndoWindow))
		got, err := db.UndoApprove(ctx, b.ID, "王芳")
		if err != nil {
			t.Fatal(err)
		}
		if got.Status != store.BookingPending || got.DecidedBy != "" || !got.DecidedAt.IsZero() {
			t.Errorf("after undo: status %s decided by %q at %v, want pending and undecided", got.Status, got.DecidedBy, got.DecidedAt)
		}
		cs, err := db.Corrections(ctx, store.KindBooking, b.ID)
		if err != nil || len(cs) != 1 || cs[0].Field != store.FieldUndo || cs[0].Actor != "王芳" ||
			cs[0].Before != store.BookingApproved || cs[0].After != store.BookingPending {
			t.Fatalf("history: got %+v, %v, want one undo by 王芳 approved → pending", cs, err)
		}
		// Pending again, it can be approved (or rejected) as before.
		if _, err := db.Approve(ctx, b.ID, "李娜"); err != nil {
			t.Fatalf("approving again: %v", err)
		}
		if _, err := db.CancelBooking(ctx, b.ID, "李娜", "改期"); err != nil {
			t.Fatal(err)
		}
	})
	for i, c := range []struct {
		name string
		do   func(t *testing.T, b store.Booking) // what happens after 王芳's approval
		who  string
	}{
		{"ErrTooLate", func(t *testing.T, b store.Booking) { clk.Set(clk.Now().Add(store.UndoWindow + time.Second)) }, "王芳"},
		{"ErrNotYours", func(t *testing.T, b store.Booking) {}, "李娜"},
		{"ErrArrived", func(t *testing.T, b store.Booking) {
			if _, err := db.Arrive(ctx, b.ReceiptNo, "王芳"); err != nil {
				t.Fatal(err)
			}
		}, "王芳"},
		{"ErrCancelled", func(t *testing.T, b store.Booking) {
			if _, err := db.CancelBooking(ctx, b.ID, "王芳", "改期"); err != nil {
				t.Fatal(err)
			}
		}, "王芳"},
	} {
		t.Run(c.name, func(t *testing.T) {
			clk.Set(at(baseDay, "10:00"))
			b := pending(tomorrow.AddDays(1 + i))
			c.do(t, b)
			before, _ := db.Booking(ctx, b.ID)
			_, err := db.UndoApprove(ctx, b.ID, c.who)
			wantCode(t, err, store.ECONFLICT, "")
			if after, _ := db.Booking(ctx, b.ID); after.Status != before.Status || after.DecidedBy != before.DecidedBy {
				t.Errorf("a refused undo changed the booking: %s by %s → %s by %s", before.Status, before.DecidedBy, after.Status, after.DecidedBy)
			}
			if cs, _ := db.Corrections(ctx, store.KindBooking, b.ID); len(cs) != 0 {
				t.Errorf("a refused undo left history: %+v", cs)
			}
		})
	}
	t.Run("ErrBookedApproved", func(t *testing.T) {
		clk.Set(at(baseDay, "10:00"))
		b := mustBook(t, db, booking(hall.ID, tomorrow.AddDays(9), "09:00", "10:00")) // approved as it was made
		_, err := db.UndoApprove(ctx, b.ID, "王芳")
		wantCode(t, err, store.ECONFLICT, "")
	})
}
