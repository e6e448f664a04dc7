package store_test

import (
	"fmt"
	"maps"
	"sync"
	"testing"
	"time"

	"frontdesk/store"
)

// drain reads every batch after the cursor, limit records at a time, as the
// sync does, and returns them with the last sequence.
func drain(t *testing.T, db *store.DB, after int64, limit int) ([]*store.SyncBatch, int64) {
	t.Helper()
	var out []*store.SyncBatch
	for {
		b, err := db.SyncBatch(ctx, after, limit)
		if err != nil {
			t.Fatal(err)
		}
		if b.Len() == 0 {
			return out, after
		}
		if b.Len() > limit {
			t.Fatalf("batch of %d, limit %d", b.Len(), limit)
		}
		out = append(out, b)
		after = b.Upto
	}
}

func TestSyncBatch(t *testing.T) {
	db, clk := mustOpenClock(t)
	venue := mustCreateVenue(t, db, "多功能厅", 40)
	a := mustCheckIn(t, db, visit("张三", "13800001111", "volunteer"))
	b := mustCheckIn(t, db, visit("李四", "13800002222", "business"))
	again := mustCheckIn(t, db, visit("张三", "13800001111", "business"))
	r := mustCreateRequest(t, db, request())
	mustBook(t, db, booking(venue.ID, baseDay.AddDays(2), "09:00", "11:00"))

	st, err := db.SyncStatus(ctx)
	if err != nil || st.Pending != 6 || st.Acked != 0 {
		t.Fatalf("status before any sync: got %+v, %v, want 6 pending", st, err)
	}
	batches, upto := drain(t, db, 0, 2)
	seen := map[string]int{}
	var visits []store.SyncVisit
	for _, b := range batches {
		seen["venue"] += len(b.Venues)
		seen["visit"] += len(b.Visits)
		seen["request"] += len(b.Requests)
		seen["booking"] += len(b.Bookings)
		visits = append(visits, b.Visits...)
	}
	if want := (map[string]int{"venue": 1, "visit": 3, "request": 1, "booking": 1}); !maps.Equal(seen, want) {
		t.Fatalf("records in batches: got %v, want %v", seen, want)
	}
	if len(visits) != 3 || visits[0].ID != a.ID || visits[1].ID != b.ID || visits[2].ID != again.ID {
		t.Fatalf("visits out of change order: %+v", visits)
	}
	if visits[0].Visitor != visits[2].Visitor || visits[0].Visitor == visits[1].Visitor {
		t.Fatalf("pseudonyms: the same person must keep one, two people two: %d %d %d", visits[0].Visitor, visits[1].Visitor, visits[2].Visitor)
	}
	if visits[0].Visitor == a.VisitorID {
		t.Fatalf("the pseudonym is the local visitor id %d", a.VisitorID)
	}
	if err := db.AckSync(ctx, upto, clk.Now()); err != nil {
		t.Fatal(err)
	}
	if st, _ := db.SyncStatus(ctx); st.Pending != 0 || st.Acked != upto || !st.LastOK.Equal(clk.Now().Truncate(time.Second)) {
		t.Fatalf("after the ack: got %+v", st)
	}
	if more, _ := drain(t, db, upto, 10); len(more) != 0 {
		t.Fatalf("nothing changed, yet %d batches", len(more))
	}

	// A change to a record sends it again, as it is now, and only it.
	clk.Add(10 * time.Minute)
	if _, err := db.Accept(ctx, r.ID, "王芳"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.CheckOut(ctx, a.ID, "王芳"); err != nil {
		t.Fatal(err)
	}
	more, _ := drain(t, db, upto, 10)
	if len(more) != 1 || len(more[0].Requests) != 1 || len(more[0].Visits) != 1 || len(more[0].Bookings) != 0 {
		t.Fatalf("after accept and check-out: got %+v", more)
	}
	got := more[0].Requests[0]
	if got.Status != store.StatusAccepted || !got.RespondedAt.Equal(clk.Now().Truncate(time.Second)) {
		t.Fatalf("accepted request: got status %s responded %v", got.Status, got.RespondedAt)
	}
	if more[0].Visits[0].CheckedOutAt.IsZero() {
		t.Fatal("the check-out did not travel")
	}

	if err := db.SyncFailed(ctx, "hub down", clk.Now()); err != nil {
		t.Fatal(err)
	}
	if st, _ := db.SyncStatus(ctx); st.LastError != "hub down" || st.Acked != upto || st.Pending != 2 {
		t.Fatalf("after a failure: got %+v, want the error, the old cursor and 2 pending", st)
	}
}

// TestSyncSeqsGivenOrNumbered checks migration 0010: check-ins bring their own
// change sequence in the INSERT, while check-outs (an update) and a visit
// inserted by another program without one are numbered by the triggers, in
// the same batches. Every record ends with a sequence of its own, above 0,
// the counter stands at the highest, and a sync from the start sends each
// visit once. It fails if a given sequence does not move the counter (the
// next trigger would hand the same number out again).
func TestSyncSeqsGivenOrNumbered(t *testing.T) {
	db := mustOpen(t)
	var wg sync.WaitGroup
	for w := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 20 {
				v, err := db.CheckIn(ctx, store.VisitInput{Name: "王五", Phone: fmt.Sprintf("137%04d%04d", w, i), Purpose: "consult",
					Source: store.SourceKiosk, Key: store.NewKey()})
				if err != nil {
					t.Error(err)
					return
				}
				if i%2 == 0 {
					if _, err := db.CheckOut(ctx, v.ID, "王芳"); err != nil {
						t.Error(err)
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	raw := rawOpen(t, db.Path())
	var before int64
	if err := raw.QueryRow("SELECT seq FROM sync_state").Scan(&before); err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`INSERT INTO visits (receipt_no, status_code, visitor_id, name, phone, purpose, headcount,
		checked_in_at, created_by, source, created_at) VALUES ('V-x', 'x', 1, '李四', '', 'consult', 1, 0, 'x', 'desk', 0)`); err != nil {
		t.Fatal(err)
	}
	var other int64
	if err := raw.QueryRow("SELECT sync_seq FROM visits WHERE receipt_no = 'V-x'").Scan(&other); err != nil {
		t.Fatal(err)
	}
	if other != before+1 {
		t.Errorf("a visit inserted without a sequence got %d, want the trigger's %d", other, before+1)
	}
	var n, distinct, lowest, highest, counter int64
	if err := raw.QueryRow(`SELECT COUNT(*), COUNT(DISTINCT s), MIN(s), MAX(s), (SELECT seq FROM sync_state) FROM (
		SELECT sync_seq AS s FROM visits UNION ALL SELECT sync_seq FROM venues
		UNION ALL SELECT sync_seq FROM requests UNION ALL SELECT sync_seq FROM bookings)`).
		Scan(&n, &distinct, &lowest, &highest, &counter); err != nil {
		t.Fatal(err)
	}
	if n != 16*20+1 || distinct != n || lowest <= 0 || highest != counter {
		t.Errorf("sequences: %d records, %d distinct, lowest %d, highest %d, counter %d; want 321 distinct, above 0, the highest the counter's",
			n, distinct, lowest, highest, counter)
	}
	batches, _ := drain(t, db, 0, 50)
	seen := map[int64]bool{}
	for _, b := range batches {
		for _, v := range b.Visits {
			if seen[v.ID] {
				t.Errorf("visit %d sent twice", v.ID)
			}
			seen[v.ID] = true
		}
	}
	if len(seen) != 16*20+1 {
		t.Errorf("a sync from the start sent %d visits, want %d", len(seen), 16*20+1)
	}
}
