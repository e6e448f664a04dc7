package store

// Inside the package, like commit_panic_test.go: the writes are handed to
// the committer as one batch.

import (
	"context"
	"testing"

	"frontdesk/lang"
)

// TestFailedCommitFailsEveryWrite makes SQLite's COMMIT itself fail: one
// write breaks a foreign key whose check is deferred to the commit, so every
// statement of the batch succeeds and only COMMIT refuses. Each write of the
// batch, the good one too, must then hear the commit's error (nothing of the
// batch is stored), and the committer takes the next write.
func TestFailedCommitFailsEveryWrite(t *testing.T) {
	db, job := batchDB(t)
	ctx := context.Background()
	good := func() *writeJob {
		return job(func(t *tx) error {
			_, err := t.insertVenue("测试", VenueInput{Name: "会议室", Capacity: 20, OpensAt: "08:00", ClosesAt: "21:00"})
			return err
		})
	}
	brokenAtCommit := func() *writeJob {
		return job(func(t *tx) error {
			if _, err := t.Exec("PRAGMA defer_foreign_keys = ON"); err != nil {
				return err
			}
			_, err := t.Exec(`INSERT INTO request_events (request_id, at, actor, from_status, to_status, note)
				VALUES (424242, 0, 'x', '', 'new', '')`)
			return err
		})
	}
	for _, batch := range [][]*writeJob{{brokenAtCommit()}, {good(), brokenAtCommit()}, {brokenAtCommit(), good()}} {
		db.commitBatch(batch)
		for i, j := range batch {
			if err := <-j.done; ErrorCode(err) != ENOTFOUND {
				t.Errorf("batch of %d, write %d: got %v, want the failed commit's error (a missing reference)", len(batch), i, err)
			}
		}
	}
	venues, err := db.Venues(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(venues) != 0 {
		t.Errorf("venues after failed commits: %+v, want none", venues)
	}
	if _, err := db.CreateVenue(ctx, Actor{System: "root"}, VenueInput{Name: "书画室", Capacity: 15, OpensAt: "09:00", ClosesAt: "17:00"}); err != nil {
		t.Errorf("a write after the failed commits: %v", err)
	}
}

// TestRollbackLeftOpenReplacesConnection: when a batch's ROLLBACK leaves
// the writer's connection inside its transaction (here the statement is
// replaced by one that does nothing), the connection is thrown away, so
// the next write begins on a clean one instead of failing on "cannot start
// a transaction within a transaction" for as long as the process runs.
func TestRollbackLeftOpenReplacesConnection(t *testing.T) {
	db, job := batchDB(t)
	ctx := context.Background()
	// A temporary table lives as long as its connection: after a plain
	// failed write the connection is kept (replacing it every time would
	// cost a new connection, and log an error, for a phone's retry).
	mark := job(func(t *tx) error { _, err := t.Exec("CREATE TEMP TABLE conn_mark (x)"); return err })
	db.commitBatch([]*writeJob{mark})
	if err := <-mark.done; err != nil {
		t.Fatal(err)
	}
	refused := job(func(t *tx) error { return Errorf(ECONFLICT, lang.RecordNotFound) })
	db.commitBatch([]*writeJob{refused})
	<-refused.done
	kept := job(func(t *tx) error { _, err := t.Exec("INSERT INTO temp.conn_mark VALUES (1)"); return err })
	db.commitBatch([]*writeJob{kept})
	if err := <-kept.done; err != nil {
		t.Fatalf("after a refused write the writer's connection was replaced: %v", err)
	}

	rollbackSQL = "SELECT 1"
	defer func() { rollbackSQL = "ROLLBACK" }()
	failing := job(func(t *tx) error {
		if _, err := t.insertVenue("测试", VenueInput{Name: "会议室", Capacity: 20, OpensAt: "08:00", ClosesAt: "21:00"}); err != nil {
			return err
		}
		return Errorf(ECONFLICT, lang.RecordNotFound)
	})
	db.commitBatch([]*writeJob{failing})
	if err := <-failing.done; ErrorCode(err) != ECONFLICT {
		t.Fatalf("the failing write: got %v, want its own error", err)
	}
	rollbackSQL = "ROLLBACK"
	for i, name := range []string{"书画室", "报告厅"} {
		if _, err := db.CreateVenue(ctx, Actor{System: "root"}, VenueInput{Name: name, Capacity: 15, OpensAt: "09:00", ClosesAt: "17:00"}); err != nil {
			t.Fatalf("write %d after the rollback left open: %v", i+1, err)
		}
	}
	venues, err := db.Venues(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(venues) != 2 {
		t.Errorf("venues: %+v, want the two written after, not the failed one", venues)
	}
}
