package store_test

import (
	"errors"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"frontdesk/store"
)

// race books one slot from n goroutines spread over the given stores and
// returns the bookings made and the errors.
func race(t *testing.T, dbs []*store.DB, n int, in store.BookingInput) ([]store.Booking, []error) {
	t.Helper()
	var mu sync.Mutex
	var made []store.Booking
	var errs []error
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range n {
		db := dbs[i%len(dbs)]
		wg.Go(func() {
			<-start
			b, err := db.CreateBooking(ctx, in)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				errs = append(errs, err)
				return
			}
			made = append(made, b)
		})
	}
	close(start)
	wg.Wait()
	return made, errs
}

// wantOneWinner checks that of n attempts at one slot exactly one was
// approved and every other one was refused naming it.
func wantOneWinner(t *testing.T, db *store.DB, n int, made []store.Booking, errs []error) {
	t.Helper()
	if len(made) != 1 {
		t.Fatalf("approved: got %d, want exactly 1", len(made))
	}
	if len(errs) != n-1 {
		t.Fatalf("refused: got %d, want %d", len(errs), n-1)
	}
	for _, err := range errs {
		var e *store.Error
		if store.ErrorCode(err) != store.ECONFLICT || !errors.As(err, &e) || e.Clash == nil || e.Clash.ID != made[0].ID {
			t.Fatalf("refusal: got %v, want a conflict naming booking %d", err, made[0].ID)
		}
	}
	on, err := db.BookingsOn(ctx, tomorrow)
	if err != nil {
		t.Fatal(err)
	}
	approved := 0
	for _, b := range on {
		if b.Status == store.BookingApproved {
			approved++
		}
	}
	if approved != 1 || len(on) != 1 {
		t.Errorf("stored: got %d bookings, %d approved, want 1 approved", len(on), approved)
	}
}

func TestHundredBookOneSlot(t *testing.T) {
	const n = 100
	t.Run("OneStore", func(t *testing.T) {
		db := mustOpen(t)
		hall := mustCreateVenue(t, db, "多功能厅", 80)
		made, errs := race(t, []*store.DB{db}, n, booking(hall.ID, tomorrow, "14:00", "16:00"))
		wantOneWinner(t, db, n, made, errs)
	})
	// A desk and a kiosk process on one file: the write transaction begins
	// IMMEDIATE, so the check and the insert are not split across processes.
	t.Run("TwoStores", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "shared.db")
		desk, _ := mustOpenAt(t, path, "")
		hall := mustCreateVenue(t, desk, "多功能厅", 80)
		other, err := store.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer other.Close()
		other.Now = func() time.Time { return base }
		made, errs := race(t, []*store.DB{desk, other}, n, booking(hall.ID, tomorrow, "14:00", "16:00"))
		wantOneWinner(t, desk, n, made, errs)
	})
	t.Run("ApprovePending", func(t *testing.T) {
		db := mustOpen(t)
		hall := mustCreateVenue(t, db, "多功能厅", 80)
		in := booking(hall.ID, tomorrow, "14:00", "16:00")
		in.Approve = false
		var ids []int64
		for range n {
			ids = append(ids, mustBook(t, db, in).ID)
		}
		var mu sync.Mutex
		approved, refused := 0, 0
		var wg sync.WaitGroup
		for _, id := range ids {
			wg.Go(func() {
				_, err := db.Approve(ctx, id, "王芳")
				mu.Lock()
				defer mu.Unlock()
				switch store.ErrorCode(err) {
				case "":
					approved++
				case store.ECONFLICT:
					refused++
				default:
					t.Errorf("approve: %v", err)
				}
			})
		}
		wg.Wait()
		if approved != 1 || refused != n-1 {
			t.Errorf("approvals: got %d approved %d refused, want 1 and %d", approved, refused, n-1)
		}
	})
}
