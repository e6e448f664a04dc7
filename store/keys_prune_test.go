package store_test

import (
	"testing"
	"time"

	"frontdesk/store"
)

// TestPruneKeys: a key is kept for KeyKeep, so a retry within it gets the
// same receipt; after it, the key is forgotten and nothing else is touched.
func TestPruneKeys(t *testing.T) {
	db, clk := mustOpenClock(t)
	in := request()
	in.Key = "AAAAAAAAAAAAAAAAAAAAAA"
	first, err := db.CreateRequest(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	clk.Add(store.KeyKeep - time.Minute)
	if n, err := db.PruneKeys(ctx); err != nil || n != 0 {
		t.Fatalf("prune within KeyKeep: %d keys, %v; want 0", n, err)
	}
	again, err := db.CreateRequest(ctx, in)
	if err != nil || again.ReceiptNo != first.ReceiptNo {
		t.Fatalf("a retry within KeyKeep: %q, %v; want the first receipt %q", again.ReceiptNo, err, first.ReceiptNo)
	}
	in.Key = "BBBBBBBBBBBBBBBBBBBBBB"
	if _, err := db.CreateRequest(ctx, in); err != nil {
		t.Fatal(err)
	}
	clk.Add(2 * time.Minute)
	if n, err := db.PruneKeys(ctx); err != nil || n != 1 {
		t.Fatalf("prune after KeyKeep: %d keys, %v; want 1 (the older)", n, err)
	}
	if got := rowCounts(t, db.Path())["submission_keys"]; got != 1 {
		t.Errorf("%d keys left, want 1", got)
	}
	if got := rowCounts(t, db.Path())["requests"]; got != 2 {
		t.Errorf("%d requests after the prune, want 2", got)
	}
}
