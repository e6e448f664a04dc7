// Package store keeps the center's records in one SQLite file and holds the
// rules about them: validation, the request workflow, booking conflicts,
// receipt numbers and the center's calendar day.
package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
	_ "time/tzdata" // a bare server still knows Asia/Shanghai

	"github.com/mattn/go-sqlite3"

	"frontdesk/lang"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// Synchronous is the SQLite synchronous setting every connection uses. With
// WAL, FULL syncs the log at every commit, so an acknowledged write survives a
// power cut as well as a crash of the process.
const Synchronous = "FULL"

// DB is an open center database: one writer connection, so write
// transactions queue in Go instead of fighting over SQLite's lock, and a pool
// of readers.
type DB struct {
	path string
	w    *sql.DB
	r    *sql.DB
	// readDSN is the readers' connection string, which the bulk reader
	// opens too (bulkConn).
	readDSN string

	// Now is the clock; tests and the demo generator replace it.
	Now func() time.Time

	mu       sync.RWMutex
	settings Settings
	loc      *time.Location

	subMu sync.Mutex
	subs  map[chan Event]struct{}

	// gen moves on every commit of this process and every write seen from
	// another, so a memo knows its answer is still the file's.
	gen atomic.Int64
	// reruns counts the batches run again job by job with savepoints
	// after a failure in their first run (commitBatch).
	reruns atomic.Int64
	// together counts the check-ins the committer has written together
	// with others of their batch (checkInsTogether).
	together      atomic.Int64
	deskCounts    memo[DeskCounts]
	dayVisits     memo[[]Visit]
	inBuildingNow memo[[]Visit]
	callbacksHead memo[[]Request]
	pendingNow    memo[[]Booking]

	stopWatch chan struct{}
	watchDone chan struct{}

	// versionConn is the reader connection Version asks, held so that
	// its answers compare.
	versionMu   sync.Mutex
	versionConn *sql.Conn
	versionBase int64 // moved for each new connection, whose numbers start anew

	jobs          chan *writeJob
	closing       chan struct{}
	committerDone chan struct{}
	closeOnce     sync.Once

	readOnly bool     // opened by OpenReadOnly
	lock     *os.File // the shared flock that keeps restore away
	faultMu  sync.Mutex
	fault    *Error // what stops writes now: a full disk, a damaged file
	faultAt  time.Time
	backup   BackupState
}

// Open opens (creating if needed) the database at path for the desk and the
// kiosk and brings its schema up to date. Before anything can write, it reads
// the file's header and, read-only, its schema version and PRAGMA
// quick_check: a file written by a newer frontdesk or a damaged one is
// refused unchanged. Then a write probe proves the file and its folder can
// be written; one that cannot is refused with EREADONLY.
func Open(path string) (*DB, error) { return OpenWith(path, OpenOptions{}) }

// OpenOptions change what Open checks.
type OpenOptions struct {
	// NoQuickCheck skips PRAGMA quick_check: for the benchmarks' big file,
	// which its builder made sound, so its check does not run beside them.
	NoQuickCheck bool
	// MustExist refuses a missing file with ENOTFOUND, as OpenReadOnly
	// does, instead of creating it: for the commands that only work on a
	// center already set up, so a mistyped --db leaves nothing behind.
	MustExist bool
}

// OpenWith is Open with options.
func OpenWith(path string, opt OpenOptions) (*DB, error) {
	if path == "" {
		return nil, Errorf(EINVALID, lang.DatabasePathIsEmpty)
	}
	db := &DB{path: path, Now: time.Now, subs: map[chan Event]struct{}{}}
	lock, err := lockFile(path, false)
	var background <-chan error
	switch {
	case err == nil:
		db.lock = lock
		if background, err = db.preflight(lock, !opt.NoQuickCheck); err != nil {
			lock.Close()
			return nil, err
		}
	case !os.IsNotExist(err):
		return nil, err
	case opt.MustExist:
		return nil, notFound(lang.DatabaseFile.Format(path))
	default:
		if err := makeFile(path); err != nil {
			return nil, translateOpen(path, err)
		}
	}
	if err := db.openPools(dsn(path, "_foreign_keys=on", busyParam, "_journal_mode=WAL", "_synchronous="+Synchronous)); err != nil {
		db.unlock()
		return nil, err
	}
	// fail undoes what was started, committer and pools alike, so a refused
	// open leaves no goroutine behind.
	fail := func(err error) (*DB, error) {
		if db.closing != nil {
			close(db.closing)
			<-db.committerDone
		}
		db.w.Close()
		db.r.Close()
		db.unlock()
		return nil, err
	}
	if err := db.migrate(); err != nil {
		return fail(translateOpen(path, err))
	}
	if db.lock == nil {
		// The file is new: the migration made it; lock it now.
		if db.lock, err = lockFile(path, false); err != nil {
			return fail(err)
		}
	}
	if err := db.probe(); err != nil {
		return fail(err)
	}
	// The committer does not checkpoint inside a commit: the watch does,
	// off the commit path (see checkpoint), and the committer between
	// batches (checkpointEvery). Should the writer's connection ever be made
	// anew, the connect hook's automatic checkpoint is back, as before.
	if _, err := db.w.Exec("PRAGMA wal_autocheckpoint = 0"); err != nil {
		return fail(translateOpen(path, err))
	}
	db.jobs = make(chan *writeJob)
	db.closing = make(chan struct{})
	db.committerDone = make(chan struct{})
	go db.commitLoop()
	if err := retryBusy(func() error { return db.loadSettings(context.Background()) }); err != nil {
		return fail(err)
	}
	if err := db.startWatch(); err != nil {
		return fail(err)
	}
	if background != nil {
		go db.watchCheck(background)
	}
	return db, nil
}

// unlock lets go of the shared lock on the file, after SQLite has closed it.
func (db *DB) unlock() {
	if db.lock != nil {
		db.lock.Close()
		db.lock = nil
	}
}

// Path returns the file the database lives in.
func (db *DB) Path() string { return db.path }

// Close stops watching for other processes' writes and closes the file.
func (db *DB) Close() error {
	if db.stopWatch != nil {
		close(db.stopWatch)
		<-db.watchDone
		db.stopWatch = nil
	}
	db.closeOnce.Do(func() {
		close(db.closing)
		<-db.committerDone
	})
	db.subMu.Lock()
	for ch := range db.subs {
		close(ch)
		delete(db.subs, ch)
	}
	db.subMu.Unlock()
	if !db.readOnly {
		_, _ = db.w.Exec("PRAGMA optimize")
	}
	db.versionMu.Lock()
	if db.versionConn != nil {
		db.versionConn.Close()
		db.versionConn = nil
	}
	db.versionMu.Unlock()
	err := errors.Join(db.r.Close(), db.w.Close())
	db.unlock()
	return err
}

// Version is a number that moves whenever a write is committed to the file,
// by this process or any other, at once: SQLite's data_version on one
// reader connection held for it. A cache of what was read keeps the Version
// it read at, taken before the read, and is still the file's while Version
// answers the same. Versions compare only between calls on one DB.
func (db *DB) Version(ctx context.Context) (int64, error) {
	db.versionMu.Lock()
	defer db.versionMu.Unlock()
	if db.versionConn == nil {
		c, err := db.r.Conn(ctx)
		if err != nil {
			return 0, translate(fmt.Errorf("version: %w", err))
		}
		db.versionConn = c
		db.versionBase += 1 << 40
	}
	var v int64
	if err := db.versionConn.QueryRowContext(ctx, "PRAGMA data_version").Scan(&v); err != nil {
		db.versionConn.Close() // a fresh connection next time
		db.versionConn = nil
		return 0, translate(fmt.Errorf("version: %w", err))
	}
	return db.versionBase + v, nil
}

// SchemaVersion is the schema version this binary writes.
func SchemaVersion() int {
	names, _ := fs.Glob(migrationFS, "migrations/*.sql")
	return len(names)
}

func (db *DB) migrate() error {
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		return fmt.Errorf("list migrations: %w", err)
	}
	sort.Strings(names)
	var have int
	err = retryBusy(func() error { return db.w.QueryRow("PRAGMA user_version").Scan(&have) })
	if err != nil {
		return translate(fmt.Errorf("read schema version of %s: %w", db.path, err))
	}
	if err := db.checkVersion(have, len(names)); err != nil || have == len(names) {
		return err
	}
	for {
		done, err := db.migrateOne(names)
		if err != nil || done {
			return err
		}
	}
}

func (db *DB) checkVersion(have, want int) error {
	if have > want {
		return Errorf(ECONFLICT,
			lang.SchemaTooNew.Format(db.path, have, want))
	}
	return nil
}

// migrateOne applies the first migration the file lacks and reports whether
// the schema is then current. The version is read inside the write
// transaction, so when a desk and a kiosk open a new file together the second
// sees the first's work instead of applying the same migration again.
func (db *DB) migrateOne(names []string) (done bool, err error) {
	tx, err := db.w.Begin()
	if err != nil {
		return false, translate(fmt.Errorf("begin migration: %w", err))
	}
	defer tx.Rollback()
	var have int
	if err := tx.QueryRow("PRAGMA user_version").Scan(&have); err != nil {
		return false, translate(fmt.Errorf("read schema version of %s: %w", db.path, err))
	}
	if err := db.checkVersion(have, len(names)); err != nil || have == len(names) {
		return true, err
	}
	name := names[have]
	body, err := migrationFS.ReadFile(name)
	if err != nil {
		return false, fmt.Errorf("read %s: %w", name, err)
	}
	if _, err := tx.Exec(string(body)); err != nil {
		return false, fmt.Errorf("apply %s: %w", name, err)
	}
	// user_version lives in the file header and is written inside the
	// transaction, so a migration and its number land together.
	if _, err := tx.Exec(fmt.Sprintf("PRAGMA user_version = %d", have+1)); err != nil {
		return false, fmt.Errorf("record %s: %w", name, err)
	}
	if err := tx.Commit(); err != nil {
		return false, translate(fmt.Errorf("commit %s: %w", name, err))
	}
	return have+1 == len(names), nil
}

// retryBusy runs fn again while it fails with SQLITE_BUSY, for up to two
// seconds. A connection's first contact with a new file sets WAL mode, and
// while another process does the same SQLite answers busy at once, without
// waiting out the busy timeout.
func retryBusy(fn func() error) error {
	var err error
	for range 100 {
		if err = fn(); !isBusy(err) {
			return err
		}
		time.Sleep(20 * time.Millisecond)
	}
	return err
}

func isBusy(err error) bool {
	var se sqlite3.Error
	if errors.As(err, &se) {
		return se.Code == sqlite3.ErrBusy || se.Code == sqlite3.ErrLocked
	}
	var e *Error
	return errors.As(err, &e) && e.Code == EBUSY
}

// querier is what a transaction's statements run on: a *sql.Tx on the
// reader pool, or, in the committer, the writer's *sql.Conn inside its BEGIN
// IMMEDIATE. The committer does not use a *sql.Tx because database/sql
// starts a goroutine for every query in one, to watch the transaction's
// context (Rows.initContextClose): two goroutines a check-in, and the
// wake-ups of the threads that run them.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	PrepareContext(ctx context.Context, query string) (*sql.Stmt, error)
}

// tx is a transaction with the one instant every row it writes shares, and
// the events to publish once it commits.
type tx struct {
	// Tx is a read transaction's; nil in the committer, whose statements
	// run on conn.
	*sql.Tx
	conn   *sql.Conn
	db     *DB
	now    time.Time
	events []Event
	// receipts counts the batch's receipt numbers; nil outside the
	// committer, where nothing draws one.
	receipts *receiptCounters
	// wrote is set by the first statement that may change the file, so
	// the committer knows whether a failed write left anything to undo.
	wrote bool
	// open are the rows the transaction's queries opened, closed when it
	// ends (closeRows) even if a write panicked or forgot one: on the
	// writer's connection nothing else would, and the connection could not
	// be given back.
	open []*sql.Rows
}

// on is what the transaction's statements run on.
func (t *tx) on() querier {
	if t.conn != nil {
		return t.conn
	}
	return t.Tx
}

// Exec runs a statement, noting that the job may have written.
func (t *tx) Exec(query string, args ...any) (sql.Result, error) {
	t.wrote = true
	return t.on().ExecContext(context.Background(), query, args...)
}

// Query runs a query, noting a statement that may write (INSERT … RETURNING).
func (t *tx) Query(query string, args ...any) (*sql.Rows, error) {
	t.noteWrite(query)
	rows, err := t.on().QueryContext(context.Background(), query, args...)
	if err == nil {
		t.open = append(t.open, rows)
	}
	return rows, err
}

// QueryRow is Query for one row, read by the row's Scan.
func (t *tx) QueryRow(query string, args ...any) *row {
	rows, err := t.Query(query, args...)
	return &row{rows: rows, err: err}
}

// Prepare makes a statement that runs in the transaction.
func (t *tx) Prepare(query string) (*sql.Stmt, error) {
	return t.on().PrepareContext(context.Background(), query)
}

// closeRows closes every rows the transaction's queries left open.
func (t *tx) closeRows() {
	for _, r := range t.open {
		r.Close()
	}
	t.open = t.open[:0]
}

// row is the first row of a query, as sql.Row is.
type row struct {
	rows *sql.Rows
	err  error
}

// Scan copies the row's columns into dest, as sql.Row's Scan: sql.ErrNoRows
// when the query found none.
func (r *row) Scan(dest ...any) error {
	if r.err != nil {
		return r.err
	}
	defer r.rows.Close()
	if !r.rows.Next() {
		if err := r.rows.Err(); err != nil {
			return err
		}
		return sql.ErrNoRows
	}
	if err := r.rows.Scan(dest...); err != nil {
		return err
	}
	return r.rows.Close()
}

// marks is n copies of row, comma-separated: the marks of an IN list
// (marks("?", n)) or of a multi-row VALUES.
func marks(row string, n int) string {
	return strings.TrimSuffix(strings.Repeat(row+", ", n), ", ")
}

// noteWrite sets wrote unless query is a SELECT, which cannot write.
func (t *tx) noteWrite(query string) {
	q := strings.TrimLeft(query, " \t\r\n")
	if len(q) < 6 || !strings.EqualFold(q[:6], "SELECT") {
		t.wrote = true
	}
}

func (t *tx) publish(kind, action string, id int64, source string) {
	t.events = append(t.events, t.event(kind, action, id, source))
}

// event is the news of a change the transaction makes, at its moment.
func (t *tx) event(kind, action string, id int64, source string) Event {
	return Event{Kind: kind, Action: action, ID: id, Source: source, At: t.now}
}

// read runs fn in a read transaction on the reader pool, so what it sees is
// one consistent snapshot.
func (db *DB) read(ctx context.Context, fn func(*tx) error) error {
	sqlTx, err := db.r.BeginTx(ctx, nil)
	if err != nil {
		return translate(fmt.Errorf("begin read: %w", err))
	}
	defer sqlTx.Rollback()
	t := &tx{Tx: sqlTx, db: db, now: db.Now().UTC().Truncate(time.Second)}
	defer t.closeRows()
	return translate(fn(t))
}

// translate turns SQLite's errors into coded ones by their codes; store
// errors and context errors pass through.
func translate(err error) error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) {
		return err
	}
	if errors.Is(err, sql.ErrNoRows) {
		return &Error{Code: ENOTFOUND, Text: lang.RecordNotFound}
	}
	var se sqlite3.Error
	if errors.As(err, &se) {
		switch {
		case se.ExtendedCode == sqlite3.ErrConstraintUnique || se.ExtendedCode == sqlite3.ErrConstraintPrimaryKey:
			return &Error{Code: ECONFLICT, Text: lang.RecordAlreadyExists}
		case se.ExtendedCode == sqlite3.ErrConstraintForeignKey:
			return &Error{Code: ENOTFOUND, Text: lang.ReferenceMissing}
		case se.Code == sqlite3.ErrConstraint:
			return &Error{Code: EINVALID, Text: lang.DataBreaksRule}
		case se.Code == sqlite3.ErrBusy || se.Code == sqlite3.ErrLocked:
			return &Error{Code: EBUSY, Text: lang.DatabaseBusy}
		case se.Code == sqlite3.ErrFull || (se.Code == sqlite3.ErrIoErr && errors.Is(se.SystemErrno, syscall.ENOSPC)):
			return fullError()
		case se.Code == sqlite3.ErrReadonly || se.Code == sqlite3.ErrPerm ||
			(se.Code == sqlite3.ErrIoErr && (errors.Is(se.SystemErrno, syscall.EPERM) || errors.Is(se.SystemErrno, syscall.EROFS))):
			return &Error{Code: EREADONLY, Text: lang.DatabaseReadOnly}
		case se.Code == sqlite3.ErrCorrupt || se.Code == sqlite3.ErrNotADB:
			return &Error{Code: ECORRUPT, Text: lang.DatabaseCorrupt}
		}
	}
	return fmt.Errorf("store: %w", err)
}

func unix(t time.Time) int64 { return t.Unix() }

func fromUnix(n int64) time.Time { return time.Unix(n, 0).UTC() }

func fromNullUnix(n sql.NullInt64) time.Time {
	if !n.Valid {
		return time.Time{}
	}
	return fromUnix(n.Int64)
}

func nullUnix(t time.Time) sql.NullInt64 {
	if t.IsZero() {
		return sql.NullInt64{}
	}
	return sql.NullInt64{Int64: t.Unix(), Valid: true}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
