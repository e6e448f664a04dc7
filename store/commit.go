package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"time"

	"github.com/mattn/go-sqlite3"

	"frontdesk/lang"
)

// maxBatch caps how many waiting writes share one commit.
const maxBatch = 128

// checkpointEvery is how many writing batches the committer lets pass
// before it checkpoints the WAL itself, between two batches.
//
// The watch's checkpoint (DB.checkpoint) runs beside the commits and never
// stalls one, but while writes keep coming it never catches up: commits
// append frames while it copies, so the log is never wholly copied when
// the next batch begins, SQLite never starts the WAL over, and it grew
// without end (450 MB in 8 s of wrk, each commit extending the file). A
// checkpoint between batches has no commit beside it: it copies the little
// the watch left, the next batch starts the log over at its head, and
// under sustained writing the WAL stays within about checkpointEvery
// batches (3.5 MB under wrk, journalSizeLimit). It costs about 2 ms once
// every 32 batches, and commits that overwrite a WAL of the same size
// instead of extending one took 0.63 ms instead of 0.95 (wrk, 64
// connections).
const checkpointEvery = 32

// lingerFor bounds how long the committer waits for more writers before
// it begins a batch that is smaller than the one before (see gatherMore).
//
// Under load the writers come in waves: a batch's commit answers all its
// writers at once, the phones behind them send their next forms together,
// and the first of these to arrive found the committer idle and began a
// batch of two or three, while the rest queued behind its commit. A third
// of the batches were under eight check-ins, each paying a whole commit
// (its fsync, and the twenty-odd pages every commit writes whatever its
// size). Waiting up to 300 µs for the wave to arrive made the batches
// larger (a tenth under eight) and the check-ins cheaper: 12.8k → 14.2k a
// second under wrk at 64 connections, medians of three, with a lower p99
// (issue 16).
const lingerFor = 300 * time.Microsecond

// writeJob is one caller's write transaction, waiting for the committer.
type writeJob struct {
	ctx    context.Context
	fn     func(*tx) error
	done   chan error
	events []Event
	// checkin, when set, is the check-in fn writes, which the committer
	// may write together with the batch's others (checkInsTogether).
	checkin *checkInWork
}

// errClosed answers writes that arrive after Close.
var errClosed = Errorf(EBUSY, lang.DatabaseClosing)

// write runs fn as one write transaction and returns when it is durable.
//
// Writes go through one committer goroutine that gathers the writes waiting
// at that moment into a single SQLite transaction (group commit): a write
// that fails is undone alone, the others commit together, and the fsync that
// synchronous=FULL demands is paid once per batch instead of once per write.
// fn may run twice: when a write of the batch fails after writing, the batch
// is rolled back and run again with savepoints (commitBatch). So fn sets
// what it returns afresh each time, never appending to what a first run left. Every transaction begins IMMEDIATE on
// the one writer connection, so a check and the write that depends on it
// cannot be split by another writer, in this process or another.
func (db *DB) write(ctx context.Context, fn func(*tx) error) error {
	return db.submit(ctx, &writeJob{fn: fn})
}

// submit hands job to the committer and waits for it, as write does.
func (db *DB) submit(ctx context.Context, job *writeJob) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := db.refusal(); err != nil {
		return err
	}
	job.ctx, job.done = ctx, make(chan error, 1)
	wait := time.NewTimer(QueueWait)
	defer wait.Stop()
	select {
	case db.jobs <- job:
	case <-db.closing:
		return errClosed
	case <-ctx.Done():
		return ctx.Err()
	case <-wait.C:
		// The committer is stuck behind another process's lock: answer
		// now rather than let the caller wait for the whole queue.
		return Errorf(EBUSY, lang.DatabaseBusy)
	}
	// Once handed over, the job is waited for even if ctx ends: it may
	// already be committed, and the caller must know.
	err := <-job.done
	db.noteWrite(err)
	return err
}

// commitLoop is the committer goroutine.
func (db *DB) commitLoop() {
	defer close(db.committerDone)
	checkpointed := db.gen.Load()
	last := 0 // the size of the last batch
	for {
		var first *writeJob
		select {
		case first = <-db.jobs:
		case <-db.closing:
			// Writers that raced Close may still be queued; finish them.
			for {
				select {
				case j := <-db.jobs:
					db.commitBatch([]*writeJob{j})
				default:
					return
				}
			}
		}
		batch := waiting([]*writeJob{first}, db.jobs)
		batch = db.gatherMore(batch, last)
		last = len(batch) // as gathered, before more join it
		db.commitBatchJoined(batch, db.jobs)
		if g := db.gen.Load(); g-checkpointed >= checkpointEvery {
			checkpointed = g
			db.checkpointBetween()
		}
	}
}

// gatherMore waits, at most lingerFor, for more writers to join batch
// while it holds fewer than nine tenths of last, the size of the batch
// before. A committer that wrote one or two at a time (a quiet desk) does
// not wait at all; nor does it once its batch has grown as large, or the
// database is closing.
func (db *DB) gatherMore(batch []*writeJob, last int) []*writeJob {
	want := min(last*9/10, maxBatch)
	if len(batch) >= want || db.isClosing() {
		return batch
	}
	linger := time.NewTimer(lingerFor)
	defer linger.Stop()
	for len(batch) < want {
		select {
		case j := <-db.jobs:
			batch = append(batch, j)
		case <-linger.C:
			return batch
		case <-db.closing:
			return batch
		}
	}
	return batch
}

// waiting appends to batch the writes waiting in jobs now, until it holds
// maxBatch.
func waiting(batch []*writeJob, jobs <-chan *writeJob) []*writeJob {
	for len(batch) < maxBatch {
		select {
		case j := <-jobs:
			batch = append(batch, j)
		default:
			return batch
		}
	}
	return batch
}

// checkpointBetween checkpoints the WAL on the writer's connection, between
// two batches (see checkpointEvery). PASSIVE: a reader still on an older
// snapshot keeps its frames, and another process's checkpoint makes this
// one a no-op; either way the next one tries again.
func (db *DB) checkpointBetween() {
	db.w.ExecContext(context.Background(), "PRAGMA wal_checkpoint(PASSIVE)")
}

// rollbackSQL ends a batch that does not commit; a test replaces it with a
// statement that leaves the transaction open.
var rollbackSQL = "ROLLBACK"

// errWritePanicked marks the error of a write that panicked.
var errWritePanicked = errors.New("write panicked")

// runJob runs one write. A panic in it is that write's failure alone: it is
// logged with its stack and answered as an internal error, the write is
// undone like any failed write's, and the rest of the batch commits. The
// committer, and the process, go on.
func runJob(j *writeJob, t *tx) (err error) {
	defer t.closeRows()
	defer func() {
		if r := recover(); r != nil {
			slog.Error("write panicked", "panic", r, "stack", string(debug.Stack()))
			err = fmt.Errorf("%w: %v", errWritePanicked, r)
		}
	}()
	return j.fn(t)
}

// undone reports whether a failed write left nothing to undo: it ran no
// statement that may write, and neither SQLite nor a panic ended it, so
// the transaction goes on as if it had not run.
func undone(t *tx, err error) bool {
	var se sqlite3.Error
	return !t.wrote && !errors.Is(err, errWritePanicked) && !errors.As(err, &se)
}

// commitBatch commits a batch of writes in one transaction.
//
// Most writes succeed, and most that fail do so before they write anything
// (a rule, a clash, a record not found). So the batch runs first without
// savepoints, which cost a third of a check-in (BenchmarkCheckInTogether).
// Only when a job fails after it may have written is that pass rolled back,
// unanswered, and the batch run again with a SAVEPOINT around each job, so
// the failed job's writes are undone alone. A batch of one job never needs
// one: its failure rolls the whole transaction back.
func (db *DB) commitBatch(batch []*writeJob) { db.commitBatchJoined(batch, nil) }

// commitBatchJoined commits batch as commitBatch does, with the writes that
// join it from more while its check-ins are written (see runBatch).
func (db *DB) commitBatchJoined(batch []*writeJob, more <-chan *writeJob) {
	if !db.runBatch(&batch, false, more) {
		db.reruns.Add(1)
		db.runBatch(&batch, true, nil)
	}
}

// runBatch runs *batch in one transaction, with a savepoint around each job
// if guarded, and answers every job. Unguarded, it instead rolls back and
// answers none, returning false, when a job of several failed after it may
// have written.
//
// Unguarded, once it has written a batch's check-ins together it takes the
// writes waiting in more by then (up to maxBatch in all) into the batch,
// and writes their check-ins together too, until none are waiting; *batch
// is left holding them, so a rerun runs them all. The committer lingers
// for the writers of a wave (gatherMore) but cannot wait for all of them:
// the ones that arrive while the batch is written joined the next batch and
// paid a commit of their own, its fsync and its twenty-odd pages. Joining
// this one instead, under wrk at 64 connections they came 4-5 % faster
// (medians of five interleaved rounds: 26.8k to 27.9k a second).
func (db *DB) runBatch(in *[]*writeJob, guarded bool, more <-chan *writeJob) bool {
	batch := *in
	defer func() { *in = batch }()
	errs := make([]error, len(batch))
	finish := func(shared error) bool {
		for i, j := range batch {
			if errs[i] == nil {
				errs[i] = shared
			}
			j.done <- errs[i]
		}
		return true
	}
	// The batch runs on the writer's connection itself, not in a *sql.Tx
	// (see querier).
	bg := context.Background()
	conn, err := db.w.Conn(bg)
	if err != nil {
		return finish(translate(fmt.Errorf("begin: %w", err)))
	}
	defer conn.Close()
	if _, err := conn.ExecContext(bg, "BEGIN IMMEDIATE"); err != nil {
		return finish(translate(fmt.Errorf("begin: %w", err)))
	}
	// rollback ends the transaction; its error is no one's to answer (a
	// failed statement may have ended it already). A connection that is
	// still inside a transaction after it is thrown away, which ends the
	// transaction and its lock, so the next batch's BEGIN finds a clean one.
	rollback := func() {
		conn.ExecContext(bg, rollbackSQL)
		conn.Raw(func(dc any) error {
			if c, ok := dc.(*sqlite3.SQLiteConn); ok && !c.AutoCommit() {
				slog.Error("the writer's connection stayed in a transaction after ROLLBACK; it is replaced")
				return driver.ErrBadConn
			}
			return nil
		})
	}
	now := db.Now().UTC().Truncate(time.Second)
	receipts := &receiptCounters{}
	// The savepoints are marked and released with statements prepared once
	// per batch, not parsed twice a job.
	var mark, release *sql.Stmt
	if guarded && len(batch) > 1 {
		if mark, err = conn.PrepareContext(bg, "SAVEPOINT job"); err == nil {
			release, err = conn.PrepareContext(bg, "RELEASE job")
		}
		if err != nil {
			rollback()
			return finish(translate(fmt.Errorf("prepare savepoint: %w", err)))
		}
		defer mark.Close()
		defer release.Close()
	}
	ok := 0
	wrote := false // whether a committed job may have changed the file
	answered := make([]bool, len(batch))
	if !guarded && len(batch) > 1 {
		t := &tx{conn: conn, db: db, now: now, receipts: receipts}
		for from := 0; ; {
			if !db.checkInsTogether(t, batch[from:], errs[from:], answered[from:]) {
				rollback()
				return false
			}
			from = len(batch)
			if batch = waiting(batch, more); len(batch) == from {
				break
			}
			errs = append(errs, make([]error, len(batch)-from)...)
			answered = append(answered, make([]bool, len(batch)-from)...)
		}
		for i := range batch {
			if answered[i] && errs[i] == nil {
				ok++
			}
		}
		wrote = t.wrote
	}
	for i, j := range batch {
		if answered[i] {
			continue
		}
		if err := j.ctx.Err(); err != nil {
			errs[i] = err
			continue
		}
		if mark != nil {
			if _, err := mark.Exec(); err != nil {
				errs[i] = translate(fmt.Errorf("savepoint: %w", err))
				continue
			}
		}
		t := &tx{conn: conn, db: db, now: now, receipts: receipts}
		counted := receipts.mark()
		if err := runJob(j, t); err != nil {
			errs[i] = translate(err)
			receipts.restore(counted)
			switch {
			case len(batch) == 1:
				continue // the only job: the rollback below undoes it
			case mark == nil && undone(t, err):
				continue
			case mark == nil:
				rollback()
				return false
			}
			if _, rerr := conn.ExecContext(bg, "ROLLBACK TO job; RELEASE job"); rerr != nil {
				// The transaction cannot go on; nothing in it commits.
				rollback()
				return finish(translate(fmt.Errorf("rollback to savepoint: %w", rerr)))
			}
			continue
		}
		if release != nil {
			if _, err := release.Exec(); err != nil {
				rollback()
				errs[i] = translate(fmt.Errorf("release savepoint: %w", err))
				return finish(errs[i])
			}
		}
		j.events = t.events
		wrote = wrote || t.wrote
		ok++
	}
	if ok == 0 {
		rollback()
		return finish(nil)
	}
	flushed, err := receipts.flush(conn)
	if err != nil {
		rollback()
		return finish(translate(err))
	}
	if _, err := conn.ExecContext(bg, "COMMIT"); err != nil {
		// SQLite may leave the transaction open after a failed COMMIT.
		rollback()
		err = translate(fmt.Errorf("commit: %w", err))
		for i := range errs {
			if errs[i] == nil {
				errs[i] = err
			}
		}
	} else {
		if wrote || flushed {
			// A batch that only read (the housekeeping's check for open
			// visits, every minute) leaves the memos and the WAL as they were.
			db.gen.Add(1)
		}
		// Listeners hear of the whole batch at once, before its writers
		// are answered: one wake-up of each listener a batch, not one a
		// write.
		db.broadcastBatch(batch, errs)
	}
	return finish(nil)
}
