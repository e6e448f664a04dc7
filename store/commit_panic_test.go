package store

// This test is inside the package: it hands the committer a batch directly,
// so the panicking write and its neighbour are certainly in one batch.

import (
	"bytes"
	"context"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"frontdesk/lang"
)

// batchDB opens a center in t.TempDir() and returns it with a maker of the
// write jobs the tests hand to commitBatch.
func batchDB(t *testing.T) (*DB, func(fn func(*tx) error) *writeJob) {
	t.Helper()
	db, err := Open(filepath.Join(t.TempDir(), "center.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db, func(fn func(*tx) error) *writeJob {
		return &writeJob{ctx: context.Background(), fn: fn, done: make(chan error, 1)}
	}
}

func TestCommitterRecoversAPanickingWrite(t *testing.T) {
	db, job := batchDB(t)
	var logged bytes.Buffer
	defer slog.SetDefault(slog.Default())
	slog.SetDefault(slog.New(slog.NewTextHandler(&logged, nil)))
	ctx := context.Background()
	before := job(func(t *tx) error {
		_, err := t.insertVenue("测试", VenueInput{Name: "会议室", Capacity: 20, OpensAt: "08:00", ClosesAt: "21:00"})
		return err
	})
	panicking := job(func(t *tx) error {
		if _, err := t.insertVenue("测试", VenueInput{Name: "半截厅", Capacity: 5, OpensAt: "08:00", ClosesAt: "21:00"}); err != nil {
			return err
		}
		panic("boom: a bug in a write")
	})
	after := job(func(t *tx) error {
		_, err := t.insertVenue("测试", VenueInput{Name: "多功能厅", Capacity: 80, OpensAt: "08:00", ClosesAt: "21:00"})
		return err
	})
	db.commitBatch([]*writeJob{before, panicking, after})

	if err := <-before.done; err != nil {
		t.Errorf("the write before the panic: %v, want it committed", err)
	}
	if err := <-after.done; err != nil {
		t.Errorf("the write after the panic: %v, want it committed", err)
	}
	perr := <-panicking.done
	if ErrorCode(perr) != EINTERNAL {
		t.Errorf("the panicking write: got %v (code %q), want an internal error", perr, ErrorCode(perr))
	}
	if msg := ErrorMessage(perr, "zh"); strings.Contains(msg, "boom") {
		t.Errorf("the user reads the panic's detail: %q", msg)
	}
	if !strings.Contains(logged.String(), "write panicked") || !strings.Contains(logged.String(), "commit_panic_test.go") {
		t.Errorf("the log holds no stack of the panic:\n%s", logged.String())
	}

	if got, want := venueNames(t, db), "会议室,多功能厅"; !sameSet(got, want) {
		t.Errorf("venues after the batch: got %s, want %s (the panicking write's insert rolled back)", got, want)
	}
	// The committer goroutine still takes writes.
	if _, err := db.CreateVenue(ctx, Actor{System: "root"}, VenueInput{Name: "书画室", Capacity: 15, OpensAt: "09:00", ClosesAt: "17:00"}); err != nil {
		t.Errorf("a write after the panic: %v", err)
	}
}

// venueNames lists the venues' names, comma-separated.
func venueNames(t *testing.T, db *DB) string {
	t.Helper()
	venues, err := db.Venues(context.Background(), false)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, v := range venues {
		names = append(names, v.Name)
	}
	return strings.Join(names, ",")
}

func sameSet(a, b string) bool {
	as, bs := strings.Split(a, ","), strings.Split(b, ",")
	if len(as) != len(bs) {
		return false
	}
	seen := map[string]int{}
	for _, x := range as {
		seen[x]++
	}
	for _, x := range bs {
		seen[x]--
	}
	for _, n := range seen {
		if n != 0 {
			return false
		}
	}
	return true
}

// TestBatchOfTwoKeepsTheGoodWrite checks that the smallest batch with a
// neighbour still gives each write its own savepoint: a failing write in a
// batch of two leaves the other committed (make mutate found the savepoint
// bound unguarded).
func TestBatchOfTwoKeepsTheGoodWrite(t *testing.T) {
	db, job := batchDB(t)
	ctx := context.Background()
	good := job(func(t *tx) error {
		_, err := t.insertVenue("测试", VenueInput{Name: "会议室", Capacity: 20, OpensAt: "08:00", ClosesAt: "21:00"})
		return err
	})
	bad := job(func(t *tx) error {
		if _, err := t.insertVenue("测试", VenueInput{Name: "半截厅", Capacity: 5, OpensAt: "08:00", ClosesAt: "21:00"}); err != nil {
			return err
		}
		return Errorf(EINVALID, lang.VenueName)
	})
	db.commitBatch([]*writeJob{good, bad})
	if err := <-good.done; err != nil {
		t.Errorf("the good write: %v, want it committed", err)
	}
	if err := <-bad.done; ErrorCode(err) != EINVALID {
		t.Errorf("the failing write: %v, want its own error", err)
	}
	venues, err := db.Venues(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(venues) != 1 || venues[0].Name != "会议室" {
		t.Errorf("venues after the batch: %+v, want only 会议室", venues)
	}
}

// TestBatchRunsAgainOnlyWhenAFailedWriteWrote checks the committer's two
// passes: a write that fails before writing anything is answered in the pass
// without savepoints, its neighbours run once; one that fails after writing
// sends the batch round again with savepoints, where its writes are undone
// alone, the others commit, and the receipt numbers stay gapless.
func TestBatchRunsAgainOnlyWhenAFailedWriteWrote(t *testing.T) {
	db, err := Open(filepath.Join(t.TempDir(), "center.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	runs := map[string]int{}
	numbered := func(name string, fail error, writeFirst bool) *writeJob {
		return &writeJob{ctx: ctx, done: make(chan error, 1), fn: func(t *tx) error {
			runs[name]++
			if _, err := t.nextReceiptNo(prefixVisit); err != nil {
				return err
			}
			if writeFirst {
				if _, err := t.insertVenue("测试", VenueInput{Name: name, Capacity: 5, OpensAt: "08:00", ClosesAt: "21:00"}); err != nil {
					return err
				}
			}
			if fail != nil {
				return fail
			}
			if writeFirst {
				return nil
			}
			_, err := t.insertVenue("测试", VenueInput{Name: name, Capacity: 5, OpensAt: "08:00", ClosesAt: "21:00"})
			return err
		}}
	}
	refused := Errorf(EINVALID, lang.VenueName)

	a, clean, b := numbered("甲", nil, false), numbered("乙", refused, false), numbered("丙", nil, false)
	db.commitBatch([]*writeJob{a, clean, b})
	if err := <-clean.done; ErrorCode(err) != EINVALID {
		t.Errorf("the write refused before writing: %v, want its own error", err)
	}
	for _, j := range []*writeJob{a, b} {
		if err := <-j.done; err != nil {
			t.Errorf("a good write: %v", err)
		}
	}
	if runs["甲"] != 1 || runs["丙"] != 1 {
		t.Errorf("runs %v: a failure before writing must not send the batch round again", runs)
	}

	c, dirty, d := numbered("丁", nil, true), numbered("戊", refused, true), numbered("己", nil, true)
	db.commitBatch([]*writeJob{c, dirty, d})
	if err := <-dirty.done; ErrorCode(err) != EINVALID {
		t.Errorf("the write refused after writing: %v, want its own error", err)
	}
	for _, j := range []*writeJob{c, d} {
		if err := <-j.done; err != nil {
			t.Errorf("a good write: %v", err)
		}
	}
	if runs["丁"] != 2 || runs["戊"] != 2 || runs["己"] != 1 {
		t.Errorf("runs %v: a failure after writing runs the batch again, with savepoints", runs)
	}

	if got, want := venueNames(t, db), "甲,丙,丁,己"; !sameSet(got, want) {
		t.Errorf("venues: got %s, want %s", got, want)
	}
	var n int
	if err := db.r.QueryRow("SELECT n FROM counters WHERE kind = ?", prefixVisit).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 4 {
		t.Errorf("the visit counter is at %d after four good writes, want 4 (gapless)", n)
	}
}

// TestWriteLeavingRowsOpen checks that a write which panics with a query's
// rows still open, or returns with a row never scanned, does not hold the
// writer's connection: the batch commits its good write and the next write
// runs. The batch runs on the connection itself (see querier), where
// nothing but the committer closes what a write left open; without that
// the next batch would wait for the connection for ever.
func TestWriteLeavingRowsOpen(t *testing.T) {
	db, job := batchDB(t)
	defer slog.SetDefault(slog.Default())
	slog.SetDefault(slog.New(slog.NewTextHandler(new(bytes.Buffer), nil)))
	panicking := job(func(t *tx) error {
		if _, err := t.Query("SELECT name FROM sqlite_master"); err != nil {
			return err
		}
		panic("boom: rows left open")
	})
	unscanned := job(func(t *tx) error {
		t.QueryRow("SELECT name FROM sqlite_master")
		_, err := t.insertVenue("测试", VenueInput{Name: "会议室", Capacity: 20, OpensAt: "08:00", ClosesAt: "21:00"})
		return err
	})
	done := make(chan struct{})
	go func() {
		defer close(done)
		db.commitBatch([]*writeJob{panicking, unscanned})
		if err := <-unscanned.done; err != nil {
			t.Errorf("the write beside the panic: %v, want it committed", err)
		}
		<-panicking.done
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if _, err := db.CreateVenue(ctx, Actor{System: "root"}, VenueInput{Name: "多功能厅", Capacity: 80}); err != nil {
			t.Errorf("the next write: %v", err)
		}
	}()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("the writes after rows were left open never ran: the connection is held")
	}
}
