package store

import "testing"

// TestHoldsSlot checks the one rule for which bookings occupy a day, and
// that the SQL the venue day reads (holdsSlotIn) is built from it.
func TestHoldsSlot(t *testing.T) {
	want := map[string]bool{BookingPending: true, BookingApproved: true,
		BookingCancelled: false, BookingRejected: false, BookingNoShow: false}
	if len(want) != len(BookingStatuses) {
		t.Fatalf("%d statuses, test knows %d", len(BookingStatuses), len(want))
	}
	for _, s := range BookingStatuses {
		if got := HoldsSlot(s.Code); got != want[s.Code] {
			t.Errorf("HoldsSlot(%q) = %v, want %v", s.Code, got, want[s.Code])
		}
	}
	if holdsSlotIn != "b.status IN ('pending', 'approved')" {
		t.Errorf("holdsSlotIn = %q", holdsSlotIn)
	}
}
