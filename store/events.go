package store

import (
	"context"
	"fmt"
	"log/slog"
	"time"
)

// Event kinds.
const (
	KindVisit    = "visit"
	KindRequest  = "request"
	KindBooking  = "booking"
	KindVenue    = "venue"
	KindSettings = "settings"
	KindStaff    = "staff"
	// KindExternal says another process wrote to the file; what it wrote is
	// not known, so listeners reload what they show.
	KindExternal = "external"
)

// Event tells listeners that a write committed.
type Event struct {
	Kind   string
	Action string // created, checked_out, accepted, approved, ...
	ID     int64
	Source string // desk or kiosk, for records
	At     time.Time
}

// Subscribe returns a channel that hears of every committed write, and a
// function that ends the subscription. A listener that falls far behind
// misses events rather than stalling writers; listeners reload from the
// store, so a missed event only delays, never loses, what they show.
func (db *DB) Subscribe() (<-chan Event, func()) {
	ch := make(chan Event, 256)
	db.subMu.Lock()
	db.subs[ch] = struct{}{}
	db.subMu.Unlock()
	return ch, func() {
		db.subMu.Lock()
		if _, ok := db.subs[ch]; ok {
			delete(db.subs, ch)
			close(ch)
		}
		db.subMu.Unlock()
	}
}

func (db *DB) broadcast(e Event) {
	db.subMu.Lock()
	defer db.subMu.Unlock()
	db.send(e)
}

// broadcastBatch tells the listeners of every event of a committed batch's
// writes that succeeded (errs[i] == nil), all at once.
func (db *DB) broadcastBatch(batch []*writeJob, errs []error) {
	db.subMu.Lock()
	defer db.subMu.Unlock()
	for i, j := range batch {
		if errs[i] == nil {
			for _, e := range j.events {
				db.send(e)
			}
		}
	}
}

// send puts e on every listener's channel that has room; subMu is held.
func (db *DB) send(e Event) {
	for ch := range db.subs {
		select {
		case ch <- e:
		default:
		}
	}
}

// watchInterval is how often the file is checked for other processes' writes.
const watchInterval = 250 * time.Millisecond

// startWatch reads the file's data_version before Open returns, so that
// every write another process commits after that is noticed, and leaves a
// goroutine watching it.
//
// It asks the writer connection: data_version moves on a connection only
// when some other connection commits, and the writer is the only connection
// of this process that commits, so every change it sees is another process's
// (or another *DB's) write. This process's own writes publish their own
// events as they commit and do not come back as external ones.
func (db *DB) startWatch() error {
	var last int64
	err := retryBusy(func() error {
		return db.w.QueryRowContext(context.Background(), "PRAGMA data_version").Scan(&last)
	})
	if err != nil {
		return translate(fmt.Errorf("watch %s: %w", db.path, err))
	}
	db.stopWatch = make(chan struct{})
	db.watchDone = make(chan struct{})
	go db.watch(last)
	return nil
}

// checkpoint copies the WAL back into the file when anything was committed
// since the last time (gen moved from was), and returns the generation it
// checkpointed. It runs on a reader connection as a PASSIVE checkpoint,
// which takes no lock a commit waits for: the committer's own automatic
// checkpoint, every 256 pages, copied and fsynced the file inside a commit
// and stalled every submission waiting behind it under load.
// journal_size_limit still cuts the WAL back after each one.
func (db *DB) checkpoint(ctx context.Context, was int64) int64 {
	now := db.gen.Load()
	if now == was {
		return was
	}
	if _, err := db.r.ExecContext(ctx, "PRAGMA wal_checkpoint(PASSIVE)"); err != nil {
		return was // tried again at the next tick
	}
	return now
}

// watch polls the writer connection's data_version and announces a change
// as KindExternal. Between write batches the connection is idle, so a poll
// waits at most one batch.
func (db *DB) watch(last int64) {
	defer close(db.watchDone)
	ctx := context.Background()
	tick := time.NewTicker(watchInterval)
	defer tick.Stop()
	checkpointed := db.gen.Load()
	for {
		select {
		case <-db.stopWatch:
			return
		case <-tick.C:
		}
		checkpointed = db.checkpoint(ctx, checkpointed)
		var v int64
		if err := db.w.QueryRowContext(ctx, "PRAGMA data_version").Scan(&v); err != nil {
			continue
		}
		if v != last {
			db.gen.Add(1)
			// Another process may have changed the settings (a new center
			// name, zone or kiosk secret): they are small, so read them again.
			if err := db.loadSettings(ctx); err != nil {
				slog.Warn("reload settings after an external write", "err", err)
			}
			// Stamped by the real clock: DB.Now may be replaced at any time
			// by the goroutine that owns the DB, and reading it here would
			// race with that.
			db.broadcast(Event{Kind: KindExternal, At: time.Now().UTC()})
			last = v
		}
	}
}
