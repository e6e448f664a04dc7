package store

// Inside the package: the second connection's snapshot check is the
// store's own machinery.

import (
	"context"
	"path/filepath"
	"testing"
)

// TestAsideReadsOneSnapshot checks the rule that lets a log count its
// previous period on a second connection: the aside transaction is used
// only when nothing was committed between its first reading and its own
// snapshot, so it reads what the main transaction reads; after a commit
// before or after the main snapshot is taken it is refused, and the main
// transaction counts instead.
func TestAsideReadsOneSnapshot(t *testing.T) {
	db, err := Open(filepath.Join(t.TempDir(), "center.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	checkIn := func() {
		t.Helper()
		if _, err := db.CheckIn(ctx, VisitInput{Name: "张三", Phone: "13800000000", Purpose: "consult", Headcount: 1, Actor: "前台小李"}); err != nil {
			t.Fatal(err)
		}
	}
	checkIn()
	visits := func(t *tx) (Figures, error) {
		var f Figures
		err := t.QueryRow("SELECT COUNT(*) FROM visits").Scan(&f.Visits)
		return f, err
	}
	// A commit may come before the main snapshot, between the two, or
	// only after both; the first two must refuse the aside read.
	for _, commit := range []string{"", "before", "between"} {
		a := db.openAside(ctx)
		if a == nil {
			t.Fatal("no aside connection")
		}
		err := db.read(ctx, func(t0 *tx) error {
			if commit == "before" {
				checkIn()
			}
			var mine int
			if err := t0.QueryRow("SELECT COUNT(*) FROM visits").Scan(&mine); err != nil {
				return err
			}
			if commit == "between" {
				checkIn()
			}
			got := a.start(ctx, t0, visits)
			if commit != "" {
				if got != nil {
					<-got
					t.Errorf("a commit came %s the main snapshot, and the aside read was used", commit)
				}
				return nil
			}
			if got == nil {
				t.Fatal("nothing was committed, and the aside read was refused")
			}
			checkIn() // after both snapshots: neither sees it
			r := <-got
			if r.err != nil || r.f.Visits != mine {
				t.Errorf("aside read %d visits (%v), the main transaction %d", r.f.Visits, r.err, mine)
			}
			return nil
		})
		a.close()
		if err != nil {
			t.Fatal(err)
		}
	}
}
