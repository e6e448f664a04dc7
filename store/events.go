package store

import (
	"context"
	"database/sql"
	"fmt"
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
func (db *DB) startWatch() error {
	conn, err := db.r.Conn(context.Background())
	if err != nil {
		return translate(fmt.Errorf("watch %s: %w", db.path, err))
	}
	var last int64
	err = retryBusy(func() error { return conn.QueryRowContext(context.Background(), "PRAGMA data_version").Scan(&last) })
	if err != nil {
		conn.Close()
		return translate(fmt.Errorf("watch %s: %w", db.path, err))
	}
	db.stopWatch = make(chan struct{})
	db.watchDone = make(chan struct{})
	go db.watch(conn, last)
	return nil
}

// watch notices commits by other connections through PRAGMA data_version,
// which changes on a connection when anyone else commits to the file. This
// process's own writer moves it too; telling the two apart would risk missing
// another process's write that landed in the same tick, and a spare reload
// costs less than a missed one.
func (db *DB) watch(conn *sql.Conn, last int64) {
	defer close(db.watchDone)
	defer conn.Close()
	ctx := context.Background()
	tick := time.NewTicker(watchInterval)
	defer tick.Stop()
	for {
		select {
		case <-db.stopWatch:
			return
		case <-tick.C:
		}
		var v int64
		if err := conn.QueryRowContext(ctx, "PRAGMA data_version").Scan(&v); err != nil {
			continue
		}
		if v != last {
			// Stamped by the real clock: DB.Now may be replaced at any time
			// by the goroutine that owns the DB, and reading it here would
			// race with that.
			db.broadcast(Event{Kind: KindExternal, At: time.Now().UTC()})
			last = v
		}
	}
}
