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
	db, checkIn := oneVisitStore(t)
	ctx := context.Background()
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

// TestBulkReadsOneSnapshot is TestAsideReadsOneSnapshot for the bulk
// reader a log's lists are read on: used only when nothing was committed
// between its first reading and its own snapshot.
func TestBulkReadsOneSnapshot(t *testing.T) {
	db, checkIn := oneVisitStore(t)
	ctx := context.Background()
	for _, commit := range []string{"", "before", "between"} {
		b := db.openBulk()
		if b == nil {
			t.Fatal("no bulk connection")
		}
		err := db.read(ctx, func(t0 *tx) error {
			if commit == "before" {
				checkIn()
			}
			var mine int64
			if err := t0.QueryRow("SELECT COUNT(*) FROM visits").Scan(&mine); err != nil {
				return err
			}
			if commit == "between" {
				checkIn()
			}
			c := b.begin(t0)
			if commit != "" {
				if c != nil {
					t.Errorf("a commit came %s the main snapshot, and the bulk reader was used", commit)
				}
				return nil
			}
			if c == nil {
				t.Fatal("nothing was committed, and the bulk reader was refused")
			}
			checkIn() // after both snapshots: neither sees it
			if n, err := c.run("SELECT COUNT(*) FROM visits"); err != nil || n != mine {
				t.Errorf("the bulk reader read %d visits (%v), the main transaction %d", n, err, mine)
			}
			return nil
		})
		b.close()
		if err != nil {
			t.Fatal(err)
		}
	}
}

// oneVisitStore opens a store on a temporary file holding one visit, and
// gives the check-in that adds another.
func oneVisitStore(t *testing.T) (*DB, func()) {
	t.Helper()
	db, err := Open(filepath.Join(t.TempDir(), "center.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	checkIn := func() {
		t.Helper()
		if _, err := db.CheckIn(context.Background(), VisitInput{Name: "张三", Phone: "13800000000", Purpose: "consult", Headcount: 1, Actor: "前台小李"}); err != nil {
			t.Fatal(err)
		}
	}
	checkIn()
	return db, checkIn
}
