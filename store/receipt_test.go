package store_test

import (
	"fmt"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"frontdesk/store"
)

// TestReceiptAtMidnight crosses the center's midnight while UTC is still on
// the day before: 16:00 UTC is 00:00 in Shanghai.
func TestReceiptAtMidnight(t *testing.T) {
	db, clk := mustOpenClock(t)
	hall := mustCreateVenue(t, db, "多功能厅", 80)
	march2 := store.Day{Year: 2026, Month: 3, Day: 2}
	type step struct {
		now                     time.Time
		request, booking, visit string
	}
	for i, s := range []step{
		{time.Date(2026, 3, 1, 15, 0, 0, 0, time.UTC), "R-20260301-0001", "B-20260301-0001", "V-20260301-0001"},
		{time.Date(2026, 3, 1, 15, 59, 59, 0, time.UTC), "R-20260301-0002", "B-20260301-0002", "V-20260301-0002"},
		{time.Date(2026, 3, 1, 16, 0, 1, 0, time.UTC), "R-20260302-0001", "B-20260302-0001", "V-20260302-0001"},
		{time.Date(2026, 3, 1, 23, 59, 0, 0, time.UTC), "R-20260302-0002", "B-20260302-0002", "V-20260302-0002"},
		{time.Date(2026, 3, 2, 0, 0, 1, 0, time.UTC), "R-20260302-0003", "B-20260302-0003", "V-20260302-0003"},
	} {
		t.Run(s.now.Format(time.RFC3339), func(t *testing.T) {
			clk.Set(s.now)
			r := mustCreateRequest(t, db, request())
			slot := march2.AddDays(7 + i) // a free day for each booking
			b := mustBook(t, db, booking(hall.ID, slot, "10:00", "11:00"))
			v := mustCheckIn(t, db, visit("张三", "", "business"))
			got := []string{r.ReceiptNo, b.ReceiptNo, v.ReceiptNo}
			want := []string{s.request, s.booking, s.visit}
			if !slices.Equal(got, want) {
				t.Errorf("receipts at %s (%s in Shanghai): got %v, want %v", s.now.Format(time.RFC3339),
					s.now.In(shanghai).Format("2006-01-02 15:04:05"), got, want)
			}
		})
	}
}

// TestReceiptsConcurrent has two stores on one file, as a desk and a
// headless kiosk, writing at once: every receipt number is handed out once,
// with no gap.
func TestReceiptsConcurrent(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shared.db")
	desk, _ := mustOpenAt(t, path, "")
	kiosk, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer kiosk.Close()
	kiosk.Now = func() time.Time { return base }
	const perWriter, writersPerStore = 25, 4
	var mu sync.Mutex
	var got []string
	var wg sync.WaitGroup
	for _, db := range []*store.DB{desk, kiosk} {
		for range writersPerStore {
			wg.Go(func() {
				for range perWriter {
					r, err := db.CreateRequest(ctx, request())
					if err != nil {
						t.Error(err)
						return
					}
					mu.Lock()
					got = append(got, r.ReceiptNo)
					mu.Unlock()
				}
			})
		}
	}
	wg.Wait()
	var want []string
	for i := 1; i <= 2*writersPerStore*perWriter; i++ {
		want = append(want, fmt.Sprintf("R-20260310-%04d", i))
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("receipts: got %d (%v … %v), want each of R-20260310-0001…%04d once", len(got), first(got), last(got), len(want))
	}
}

func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

func last(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[len(s)-1]
}

func TestStatusCodes(t *testing.T) {
	db := mustOpen(t)
	seen := map[string]bool{}
	prev := ""
	for range 200 {
		r := mustCreateRequest(t, db, request())
		if !store.ValidStatusCode(r.StatusCode) {
			t.Fatalf("status code %q: not valid", r.StatusCode)
		}
		// 24 base32 characters carry 120 bits: 40 of the clock, 80
		// random, as SPEC asks.
		if len(r.StatusCode)*5-40 < 80 {
			t.Fatalf("status code %q: %d random bits, want at least 80", r.StatusCode, len(r.StatusCode)*5-40)
		}
		// The clock's 40 bits are the first 8 characters: codes made one
		// after another sort in the order made, so a batch's codes share
		// an index page or two.
		if prev != "" && r.StatusCode[:8] < prev[:8] {
			t.Fatalf("status code %q made after %q sorts before it", r.StatusCode, prev)
		}
		prev = r.StatusCode
		if seen[r.StatusCode] {
			t.Fatalf("status code %q handed out twice", r.StatusCode)
		}
		seen[r.StatusCode] = true
	}
	keys := map[string]bool{}
	prevKey := ""
	for range 1000 {
		k := store.NewKey()
		if !store.ValidKey(k) || keys[k] {
			t.Fatalf("one-time key %q: valid %v, seen before %v", k, store.ValidKey(k), keys[k])
		}
		keys[k] = true
		// The first 6 characters are 36 of the clock's 40 bits.
		if k[:6] < prevKey {
			t.Fatalf("one-time key %q made after %q sorts before it", k, prevKey)
		}
		prevKey = k[:6]
	}
	for _, s := range []string{"", "abc", "AAAAAAAAAAAAAAAAAAAAAAAA", "aaaaaaaaaaaaaaaaaaaaaaa1", "aaaaaaaaaaaaaaaaaaaaaaaaa", "../../../../etc/passwd..."} {
		if store.ValidStatusCode(s) {
			t.Errorf("ValidStatusCode(%q): got true, want false", s)
		}
	}
}
