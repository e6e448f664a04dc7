package store

import (
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"syscall"
	"time"

	"github.com/mattn/go-sqlite3"

	"frontdesk/lang"
)

// How the file is kept small and answers in bounded time. A WAL is
// checkpointed every walAutocheckpoint pages (about 1 MB, not SQLite's
// 4 MB) by any connection that commits, except this process's writer, whose
// WAL the watch checkpoints off the commit path (DB.checkpoint) and the
// committer between batches (checkpointEvery), and cut back to
// journalSizeLimit when it starts over, so a small volume is not filled by
// the log itself. The limit is a little above what checkpointEvery batches
// write under load, so a busy WAL is overwritten in place rather than cut
// and grown again at every start. BusyTimeout is how long SQLite
// waits for another process's lock; QueueWait how long a write waits for its
// turn in this process. A phone's submission therefore waits at most about
// QueueWait + BusyTimeout before it is answered 503.
const (
	walAutocheckpoint = 256
	journalSizeLimit  = 4 << 20
	BusyTimeout       = 3 * time.Second
	QueueWait         = 2 * time.Second
)

// busyParam is BusyTimeout as a DSN parameter, on every connection opened.
var busyParam = "_busy_timeout=" + fmt.Sprint(BusyTimeout.Milliseconds())

// QuickCheckBudget bounds how long Open waits for PRAGMA quick_check. On the
// million-visit benchmark file (394 MB) the check takes 0.7 s when the file
// is in the page cache and 5.3 s when it is read cold from disk, on a loaded
// two-core machine (BenchmarkQuickCheck). Open waits at most this long; a
// check still running then goes on in the background, and a file it finds
// damaged is marked corrupt: every write is refused from then on.
const QuickCheckBudget = 2 * time.Second

// driverName is go-sqlite3 with the connection settings that its DSN cannot
// carry, applied to every connection it makes.
const driverName = "sqlite3_frontdesk"

func init() {
	sql.Register(driverName, &sqlite3.SQLiteDriver{ConnectHook: func(c *sqlite3.SQLiteConn) error {
		_, err := c.Exec(fmt.Sprintf("PRAGMA journal_size_limit = %d; PRAGMA wal_autocheckpoint = %d", journalSizeLimit, walAutocheckpoint), nil)
		return err
	}})
}

// dsn is the connection string for path with the given parameters.
func dsn(path string, params ...string) string {
	esc := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
	return "file:" + esc + "?" + strings.Join(params, "&")
}

// header is what the first 100 bytes of an SQLite file say.
type header struct {
	wal     bool // the file is in WAL mode (bytes 18 and 19 are 2)
	version int  // PRAGMA user_version, bytes 60 to 63
}

const sqliteMagic = "SQLite format 3\x00"

// readHeader reads the file's header without SQLite, so nothing can be
// written to a file that is then refused. A missing or empty file has the
// zero header.
func readHeader(f *os.File) (header, error) {
	var b [100]byte
	n, err := f.ReadAt(b[:], 0)
	if n == 0 && (err == nil || errors.Is(err, io.EOF)) {
		return header{}, nil
	}
	if n < len(b) || string(b[:16]) != sqliteMagic {
		return header{}, errors.New("not an SQLite file")
	}
	return header{wal: b[18] == 2 && b[19] == 2, version: int(binary.BigEndian.Uint32(b[60:64]))}, nil
}

// corrupt is the refusal of a damaged file, with the way back.
func corrupt(path, detail string) *Error {
	return &Error{Code: ECORRUPT,
		Text: lang.CorruptRefused.Format(path, detail, path)}
}

// readOnlyFile is the refusal of a file or folder the desk cannot write.
func readOnlyFile(path string, err error) *Error {
	return &Error{Code: EREADONLY,
		Text: lang.CannotWriteDatabase.Format(path, err)}
}

// preflight looks at an existing file before the writer touches it: the
// header's schema version, then, through a read-only connection, the
// version SQLite reads (a WAL may hold a newer one) and PRAGMA quick_check.
// Nothing it does writes to the file. It returns a check still running when
// the budget ran out, or nil.
func (db *DB) preflight(f *os.File, check bool) (<-chan error, error) {
	h, err := readHeader(f)
	if err != nil {
		return nil, corrupt(db.path, err.Error())
	}
	if err := db.checkVersion(h.version, SchemaVersion()); err != nil {
		return nil, err
	}
	if h == (header{}) || db.readOnly {
		// A new file has nothing to check yet; a reader checks the version
		// SQLite reads once it has found a way to open the file.
		return nil, nil
	}
	ro, err := sql.Open(driverName, dsn(db.path, "mode=ro", busyParam))
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", db.path, err)
	}
	ro.SetMaxOpenConns(1)
	var have int
	if err := retryBusy(func() error { return ro.QueryRow("PRAGMA user_version").Scan(&have) }); err != nil {
		ro.Close()
		if isCorrupt(err) {
			return nil, corrupt(db.path, err.Error())
		}
		return nil, translateOpen(db.path, err)
	}
	if err := db.checkVersion(have, SchemaVersion()); err != nil {
		ro.Close()
		return nil, err
	}
	if !check {
		ro.Close()
		return nil, nil
	}
	done := make(chan error, 1)
	go func() {
		defer ro.Close()
		done <- quickCheck(context.Background(), ro, db.path)
	}()
	select {
	case err := <-done:
		return nil, err
	case <-time.After(QuickCheckBudget):
		slog.Warn("quick_check goes on in the background", "db", db.path, "budget", QuickCheckBudget)
		return done, nil
	}
}

// quickCheck runs PRAGMA quick_check and turns a bad verdict into ECORRUPT.
func quickCheck(ctx context.Context, c *sql.DB, path string) error {
	rows, err := c.QueryContext(ctx, "PRAGMA quick_check(5)")
	if err != nil {
		if isCorrupt(err) {
			return corrupt(path, err.Error())
		}
		return translateOpen(path, err)
	}
	defer rows.Close()
	var found []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return corrupt(path, err.Error())
		}
		if s != "ok" {
			found = append(found, s)
		}
	}
	if err := rows.Err(); err != nil {
		if isCorrupt(err) {
			return corrupt(path, err.Error())
		}
		return translateOpen(path, err)
	}
	if len(found) > 0 {
		return corrupt(path, "quick_check: "+strings.Join(found, "; "))
	}
	return nil
}

// watchCheck waits for a quick_check that outlived Open's budget and marks
// the database corrupt if the check failed.
func (db *DB) watchCheck(done <-chan error) {
	err := <-done
	var e *Error
	if errors.As(err, &e) && e.Code == ECORRUPT {
		db.setFault(e)
		slog.Error("database damaged", "db", db.path, "err", err)
	}
}

// PageSize is the page size of the files Open makes, in bytes: half
// SQLite's default. A check-in's commit dirties a page or two of each of the
// dozen b-trees it writes (the visit, its five indexes, the visitor, the
// one-time key, the counters), mostly for a few rows each, and the WAL and
// its fsync carry every dirty page whole: with pages of 2 KB a commit writes
// about 35 of them where it wrote 28 of 4 KB, a third fewer bytes. Under wrk at 64 connections the kiosk took 28,200-28,800
// check-ins a second on such a file against 26,000-27,000 at 4 KB (1 KB:
// 26,900-27,800, the trees a level deeper; 8 KB and 16 KB: 21,000-24,000).
// A file made before keeps its pages: SQLite changes them only by VACUUM.
const PageSize = 2048

// makeFile makes the missing file path an empty database of PageSize pages
// in WAL mode. It must come before the pools: a connection that sets WAL
// mode on a missing file writes its first page at SQLite's page size, which
// is then fixed. A file another process made meanwhile is left as it is
// (page_size does nothing to a database that has pages).
func makeFile(path string) error {
	c, err := sql.Open(driverName, dsn(path, busyParam))
	if err != nil {
		return err
	}
	defer c.Close()
	_, err = c.Exec(fmt.Sprintf("PRAGMA page_size = %d; PRAGMA journal_mode = WAL", PageSize))
	return err
}

// probe proves the file can be written: it rewrites the schema version in
// the header, a real commit through the WAL with its fsync, and changes
// nothing.
func (db *DB) probe() error {
	return retryBusy(func() error {
		_, err := db.w.Exec(fmt.Sprintf("PRAGMA user_version = %d", SchemaVersion()))
		if err != nil {
			return translateOpen(db.path, err)
		}
		return nil
	})
}

// translateOpen names what stops a file from being opened for writing.
func translateOpen(path string, err error) error {
	var se sqlite3.Error
	if errors.As(err, &se) {
		switch se.Code {
		case sqlite3.ErrReadonly, sqlite3.ErrPerm, sqlite3.ErrCantOpen, sqlite3.ErrAuth:
			return readOnlyFile(path, err)
		case sqlite3.ErrFull:
			return fullError()
		case sqlite3.ErrCorrupt, sqlite3.ErrNotADB:
			return corrupt(path, err.Error())
		}
	}
	return translate(err)
}

func isCorrupt(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && (se.Code == sqlite3.ErrCorrupt || se.Code == sqlite3.ErrNotADB)
}

// lockFile takes a shared flock on the database file, which every frontdesk
// process holds while it has the file open, so restore (which needs it
// exclusively) can tell that nobody has. SQLite's own locks are fcntl locks,
// which flock does not touch. The descriptor stays open until Close: closing
// any descriptor of a file drops the process's fcntl locks on it.
func lockFile(path string, exclusive bool) (*os.File, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	how := syscall.LOCK_SH
	if exclusive {
		how = syscall.LOCK_EX
	}
	if err := syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			if exclusive {
				return nil, Errorf(EBUSY, lang.DatabaseInUse.Format(path))
			}
			return nil, Errorf(EBUSY, lang.RestoreInProgress.Format(path))
		}
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	return f, nil
}

// OpenReadOnly opens the database for one-shot readers (report, backup):
// nothing is written, no schema is changed, and it works on a read-only
// file in a read-only folder. A WAL-mode file in a folder where SQLite
// cannot keep its shared-memory index is read as immutable when it has no
// log waiting to be applied.
func OpenReadOnly(path string) (*DB, error) {
	if path == "" {
		return nil, Errorf(EINVALID, lang.DatabasePathIsEmpty)
	}
	db := &DB{path: path, Now: time.Now, subs: map[chan Event]struct{}{}, readOnly: true}
	lock, err := lockFile(path, false)
	if err != nil {
		if os.IsNotExist(err) {
			return nil, notFound(lang.DatabaseFile.Format(path))
		}
		return nil, err
	}
	db.lock = lock
	if _, err := db.preflight(lock, false); err != nil {
		lock.Close()
		return nil, err
	}
	params := []string{"mode=ro", busyParam, "_foreign_keys=on"}
	if err := db.openPools(dsn(path, params...)); err == nil {
		if err = db.r.Ping(); err == nil {
			var n int
			err = db.r.QueryRow("SELECT count(*) FROM sqlite_master").Scan(&n)
		}
		if err != nil {
			db.w.Close()
			db.r.Close()
			db.w, db.r = nil, nil
		}
	}
	if db.r != nil {
		var have int
		if err := db.r.QueryRow("PRAGMA user_version").Scan(&have); err != nil || db.checkVersion(have, SchemaVersion()) != nil {
			db.w.Close()
			db.r.Close()
			lock.Close()
			if err != nil {
				return nil, translateOpen(path, err)
			}
			return nil, db.checkVersion(have, SchemaVersion())
		}
	}
	if db.r == nil {
		if st, err := os.Stat(path + "-wal"); err == nil && st.Size() > 0 {
			lock.Close()
			return nil, Errorf(EREADONLY,
				lang.UnmergedWAL.Format(path))
		}
		if err := db.openPools(dsn(path, append(params, "immutable=1")...)); err != nil {
			lock.Close()
			return nil, err
		}
	}
	db.jobs = make(chan *writeJob)
	db.closing = make(chan struct{})
	db.committerDone = make(chan struct{})
	go db.commitLoop()
	if err := db.loadSettings(context.Background()); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// stmtCache is how many prepared statements each connection keeps: the
// driver prepares every query anew without it, and on the committer's hot
// writes the parsing was a fifth of all CPU (issue 16's profile).
const stmtCache = "_stmt_cache_size=64"

// openPools opens the writer and the reader pool on one DSN.
func (db *DB) openPools(d string) error {
	var err error
	d += "&" + stmtCache
	// Both pools are opened without SQLite's per-connection mutex
	// (_mutex=no): database/sql lets one goroutine at a time use a
	// connection, and interrupting a statement from another thread, all the
	// driver does across threads, is safe without it. On the writer the
	// mutex was 5-10 % of the committer's time per check-in (BenchmarkCheckInBatch).
	if db.w, err = sql.Open(driverName, d+"&_txlock=immediate&_mutex=no"); err != nil {
		return fmt.Errorf("open %s: %w", db.path, err)
	}
	db.w.SetMaxOpenConns(1)
	db.w.SetMaxIdleConns(1)
	db.w.SetConnMaxLifetime(0)
	// Readers get 8 MB of page cache each instead of SQLite's 2 MB: a few
	// days' visits and the visitor index stay in memory, which halves a
	// name-prefix lookup on a two-year file (BenchmarkFindVisitorNamePrefix).
	// Without the mutex: taken for every column of every row, it was a
	// quarter of the CPU of reading a year's visits (issue 16).
	db.readDSN = d + "&_txlock=deferred&_cache_size=-8000&_mutex=no"
	if db.r, err = sql.Open(driverName, db.readDSN); err != nil {
		db.w.Close()
		return fmt.Errorf("open %s: %w", db.path, err)
	}
	db.r.SetMaxOpenConns(8)
	db.r.SetMaxIdleConns(8)
	return nil
}
