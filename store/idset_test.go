package store

// Inside the package: idSet is the tally's own.

import "testing"

// TestIDSet counts distinct ids as a map would, in the bitmap, past it and
// below zero, growing the bitmap out of order.
func TestIDSet(t *testing.T) {
	var s idSet
	want := map[int64]bool{}
	for _, id := range []int64{5, 0, 63, 64, 5, idSetDense - 1, 1 << 40, -3, 1 << 40, 0, 64, 200_000, 199_999, -3, idSetDense, idSetDense - 1} {
		if got := firstSeen(&s, id); got != !want[id] {
			t.Errorf("firstSeen(%d) = %v, want %v", id, got, !want[id])
		}
		want[id] = true
	}
}
