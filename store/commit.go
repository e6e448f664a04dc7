package store

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"runtime/debug"
	"time"

	"frontdesk/lang"
)

// maxBatch caps how many waiting writes share one commit.
const maxBatch = 128

// writeJob is one caller's write transaction, waiting for the committer.
type writeJob struct {
	ctx    context.Context
	fn     func(*tx) error
	done   chan error
	events []Event
}

// errClosed answers writes that arrive after Close.
var errClosed = Errorf(EBUSY, lang.DatabaseClosing)

// write runs fn as one write transaction and returns when it is durable.
//
// Writes go through one committer goroutine that gathers the writes waiting
// at that moment into a single SQLite transaction (group commit), each inside
// its own SAVEPOINT (none when it is alone): a write that fails is rolled back alone, the others
// commit together, and the fsync that synchronous=FULL demands is paid once
// per batch instead of once per write. Every transaction begins IMMEDIATE on
// the one writer connection, so a check and the write that depends on it
// cannot be split by another writer, in this process or another.
func (db *DB) write(ctx context.Context, fn func(*tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := db.refusal(); err != nil {
		return err
	}
	job := &writeJob{ctx: ctx, fn: fn, done: make(chan error, 1)}
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
	if err == nil {
		for _, e := range job.events {
			db.broadcast(e)
		}
	}
	return err
}

// commitLoop is the committer goroutine.
func (db *DB) commitLoop() {
	defer close(db.committerDone)
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
		batch := []*writeJob{first}
	gather:
		for len(batch) < maxBatch {
			select {
			case j := <-db.jobs:
				batch = append(batch, j)
			default:
				break gather
			}
		}
		db.commitBatch(batch)
	}
}

// runJob runs one write inside its savepoint. A panic in it is that write's
// failure alone: it is logged with its stack and answered as an internal
// error, the savepoint is rolled back like any failed write's, and the rest
// of the batch commits. The committer, and the process, go on.
func runJob(j *writeJob, t *tx) (err error) {
	defer func() {
		if r := recover(); r != nil {
			slog.Error("write panicked", "panic", r, "stack", string(debug.Stack()))
			err = fmt.Errorf("write panicked: %v", r)
		}
	}()
	return j.fn(t)
}

func (db *DB) commitBatch(batch []*writeJob) {
	errs := make([]error, len(batch))
	finish := func(shared error) {
		for i, j := range batch {
			if errs[i] == nil {
				errs[i] = shared
			}
			j.done <- errs[i]
		}
	}
	sqlTx, err := db.w.BeginTx(context.Background(), nil)
	if err != nil {
		finish(translate(fmt.Errorf("begin: %w", err)))
		return
	}
	now := db.Now().UTC().Truncate(time.Second)
	receipts := &receiptCounters{}
	// A batch of one job needs no savepoint: its failure rolls the whole
	// transaction back. Larger batches mark and release each job's with
	// statements prepared once per batch, not parsed twice a job.
	var mark, release *sql.Stmt
	if len(batch) > 1 {
		if mark, err = sqlTx.Prepare("SAVEPOINT job"); err == nil {
			release, err = sqlTx.Prepare("RELEASE job")
		}
		if err != nil {
			sqlTx.Rollback()
			finish(translate(fmt.Errorf("prepare savepoint: %w", err)))
			return
		}
		defer mark.Close()
		defer release.Close()
	}
	ok := 0
	for i, j := range batch {
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
		t := &tx{Tx: sqlTx, db: db, now: now, receipts: receipts}
		counted := receipts.mark()
		if err := runJob(j, t); err != nil {
			errs[i] = translate(err)
			receipts.restore(counted)
			if mark == nil {
				continue // the only job: the rollback below undoes it
			}
			if _, rerr := sqlTx.Exec("ROLLBACK TO job; RELEASE job"); rerr != nil {
				// The transaction cannot go on; nothing in it commits.
				sqlTx.Rollback()
				finish(translate(fmt.Errorf("rollback to savepoint: %w", rerr)))
				return
			}
			continue
		}
		if release != nil {
			if _, err := release.Exec(); err != nil {
				sqlTx.Rollback()
				errs[i] = translate(fmt.Errorf("release savepoint: %w", err))
				finish(errs[i])
				return
			}
		}
		j.events = t.events
		ok++
	}
	if ok == 0 {
		sqlTx.Rollback()
		finish(nil)
		return
	}
	if err := receipts.flush(sqlTx); err != nil {
		sqlTx.Rollback()
		finish(translate(err))
		return
	}
	if err := sqlTx.Commit(); err != nil {
		err = translate(fmt.Errorf("commit: %w", err))
		for i := range errs {
			if errs[i] == nil {
				errs[i] = err
			}
		}
	} else {
		db.gen.Add(1)
	}
	finish(nil)
}
