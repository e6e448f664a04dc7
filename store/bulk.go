package store

// The bulk reader: a read connection of the store's own, through SQLite's
// C API, for the long lists a report reads (StreamLog). go-sqlite3 hands
// each column of each row to database/sql as a boxed value: every text is
// copied into a string and its header boxed, every number above 255 boxed,
// ~25 allocations a visit row, and that conversion was two thirds of
// reading a year's visits (1.4-1.9 s, of which SQLite 0.6 s). Here one C
// call copies 256 rows into three flat buffers: the numbers, the column
// types and the texts end to end; Go makes one string of a batch's texts
// and each record's texts are pieces of it. A year's visits read so in
// 0.7 s, the records made.
//
// SQLite is go-sqlite3's own copy, linked into the binary with it: the
// declarations below are SQLite's stable C interface, nothing more.

/*
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct sqlite3 sqlite3;
typedef struct sqlite3_stmt sqlite3_stmt;
extern int sqlite3_open_v2(const char *filename, sqlite3 **db, int flags, const char *vfs);
extern int sqlite3_close_v2(sqlite3 *db);
extern int sqlite3_busy_timeout(sqlite3 *db, int ms);
extern int sqlite3_extended_errcode(sqlite3 *db);
extern const char *sqlite3_errmsg(sqlite3 *db);
extern int sqlite3_prepare_v2(sqlite3 *db, const char *sql, int n, sqlite3_stmt **stmt, const char **tail);
extern int sqlite3_bind_int64(sqlite3_stmt *stmt, int i, long long v);
extern int sqlite3_step(sqlite3_stmt *stmt);
extern int sqlite3_column_count(sqlite3_stmt *stmt);
extern int sqlite3_column_type(sqlite3_stmt *stmt, int i);
extern long long sqlite3_column_int64(sqlite3_stmt *stmt, int i);
extern const unsigned char *sqlite3_column_text(sqlite3_stmt *stmt, int i);
extern int sqlite3_column_bytes(sqlite3_stmt *stmt, int i);
extern int sqlite3_finalize(sqlite3_stmt *stmt);

enum { FD_INTEGER = 1, FD_FLOAT = 2, FD_TEXT = 3, FD_BLOB = 4, FD_NULL = 5, FD_ROW = 100, FD_DONE = 101 };

// fd_open opens the file named by uri read-only, without the connection's
// mutex (one goroutine at a time uses it).
static int fd_open(const char *uri, int busy_ms, sqlite3 **db) {
	int rc = sqlite3_open_v2(uri, db, 0x00000001 | 0x00000040 | 0x00008000, 0); // READONLY | URI | NOMUTEX
	if (rc == 0) {
		sqlite3_busy_timeout(*db, busy_ms);
	}
	return rc;
}

// fd_fill steps stmt and copies up to max rows of ncol columns: row r's
// column c goes to types[r*ncol+c] (SQLite's type) and vals[r*ncol+c]: an
// integer (a float as one), or a text's (a blob's) place in text, its
// offset times 2^32 plus its length. A row whose texts do not fit in the
// cap bytes of text left stays stepped: *pending says so, and the next call
// (with a larger buffer when no row fitted) copies it first. *rc is the
// last step's result: FD_ROW while rows may follow, FD_DONE at the end, or
// the error. Returns the rows copied; *used, the bytes of text.
static int fd_fill(sqlite3_stmt *stmt, int ncol, int max, long long *vals, unsigned char *types,
		unsigned char *text, long long cap, long long *used, int *pending, int *rc) {
	int r = 0;
	long long at = 0;
	while (r < max) {
		if (!*pending) {
			*rc = sqlite3_step(stmt);
			if (*rc != FD_ROW) {
				break;
			}
		}
		long long start = at;
		int fits = 1;
		long long *v = vals + (long long)r * ncol;
		unsigned char *t = types + (long long)r * ncol;
		for (int c = 0; c < ncol && fits; c++) {
			int type = sqlite3_column_type(stmt, c);
			t[c] = (unsigned char)type;
			switch (type) {
			case FD_TEXT:
			case FD_BLOB: {
				const unsigned char *p = sqlite3_column_text(stmt, c);
				long long n = sqlite3_column_bytes(stmt, c);
				if (at + n > cap) {
					fits = 0;
					break;
				}
				if (n > 0) {
					memcpy(text + at, p, n);
				}
				v[c] = (at << 32) | n;
				at += n;
				break;
			}
			case FD_NULL:
				v[c] = 0;
				break;
			default:
				v[c] = sqlite3_column_int64(stmt, c);
			}
		}
		if (!fits) {
			at = start;
			*pending = 1;
			break;
		}
		*pending = 0;
		r++;
	}
	*used = at;
	return r;
}

// fd_run runs one statement that returns nothing or one integer (into *out).
static int fd_run(sqlite3 *db, const char *sql, long long *out) {
	sqlite3_stmt *stmt;
	int rc = sqlite3_prepare_v2(db, sql, -1, &stmt, 0);
	if (rc != 0) {
		return rc;
	}
	rc = sqlite3_step(stmt);
	if (rc == FD_ROW) {
		*out = sqlite3_column_int64(stmt, 0);
		rc = sqlite3_step(stmt);
	}
	int fin = sqlite3_finalize(stmt);
	return rc == FD_DONE ? fin : rc;
}

static int fd_prepare(sqlite3 *db, const char *sql, sqlite3_stmt **stmt) {
	return sqlite3_prepare_v2(db, sql, -1, stmt, 0);
}
*/
import "C"

import (
	"context"
	"fmt"
	"time"
	"unsafe"

	"github.com/mattn/go-sqlite3"
)

// bulkConn is the bulk reader's connection.
type bulkConn struct {
	db *C.sqlite3
}

// openBulkConn opens a bulk connection on the file of the SQLite URI dsn, read
// only.
func openBulkConn(dsn string) (*bulkConn, error) {
	uri := C.CString(dsn)
	defer C.free(unsafe.Pointer(uri))
	b := &bulkConn{}
	if rc := C.fd_open(uri, C.int(BusyTimeout.Milliseconds()), &b.db); rc != 0 {
		err := b.fail(rc, "open")
		b.close()
		return nil, err
	}
	return b, nil
}

func (b *bulkConn) close() {
	if b != nil && b.db != nil {
		C.sqlite3_close_v2(b.db)
		b.db = nil
	}
}

// fail is SQLite's error rc on the connection, as go-sqlite3 reports its
// own (translate reads the codes), with what was being done.
func (b *bulkConn) fail(rc C.int, doing string) error {
	se := sqlite3.Error{Code: sqlite3.ErrNo(rc & 0xff), ExtendedCode: sqlite3.ErrNoExtended(rc)}
	msg := se.Error()
	if b.db != nil {
		se.ExtendedCode = sqlite3.ErrNoExtended(C.sqlite3_extended_errcode(b.db))
		msg = C.GoString(C.sqlite3_errmsg(b.db))
	}
	return fmt.Errorf("bulk %s: %s: %w", doing, msg, se)
}

// run runs query, which returns nothing or one integer.
func (b *bulkConn) run(query string) (int64, error) {
	q := C.CString(query)
	defer C.free(unsafe.Pointer(q))
	var out C.longlong
	if rc := C.fd_run(b.db, q, &out); rc != 0 {
		return 0, b.fail(rc, query)
	}
	return int64(out), nil
}

// version is the connection's PRAGMA data_version (asideRead).
func (b *bulkConn) version() (int64, error) { return b.run("PRAGMA data_version") }

// bulkBatch is the rows fd_fill copies at a time, and bulkText the bytes
// of text its buffer starts with (it grows for a row that does not fit).
const (
	bulkBatch = 256
	bulkText  = 64 << 10
)

// bulkRows is a query's rows read in batches; it is the current row's
// cols.
type bulkRows struct {
	b     *bulkConn
	ctx   context.Context
	stmt  *C.sqlite3_stmt
	ncol  int
	vals  []int64
	types []byte
	text  []byte
	batch string // the batch's texts, end to end
	n, i  int    // rows in the batch; the current one is i-1
	row   int    // where the current row starts in vals and types
	rc    C.int
	more  bool // fd_fill has a row stepped and not copied
	fail  error
}

// query runs query with integer arguments.
func (b *bulkConn) query(ctx context.Context, query string, args ...int64) (*bulkRows, error) {
	q := C.CString(query)
	defer C.free(unsafe.Pointer(q))
	r := &bulkRows{b: b, ctx: ctx, rc: C.FD_ROW}
	if rc := C.fd_prepare(b.db, q, &r.stmt); rc != 0 {
		return nil, b.fail(rc, "prepare")
	}
	r.ncol = max(int(C.sqlite3_column_count(r.stmt)), 1)
	r.vals, r.types, r.text = make([]int64, bulkBatch*r.ncol), make([]byte, bulkBatch*r.ncol), make([]byte, bulkText)
	for i, a := range args {
		if rc := C.sqlite3_bind_int64(r.stmt, C.int(i+1), C.longlong(a)); rc != 0 {
			r.close()
			return nil, b.fail(rc, "bind")
		}
	}
	return r, nil
}

// next moves to the next row, copying the next batch when this one is
// read; false at the end, on an error (err) or once ctx is done.
func (r *bulkRows) next() bool {
	for r.i == r.n {
		if r.fail != nil || r.rc != C.FD_ROW {
			return false
		}
		if err := r.ctx.Err(); err != nil {
			r.fail = err
			return false
		}
		r.fill()
	}
	r.row = r.i * r.ncol
	r.i++
	return true
}

// fill copies the next batch.
func (r *bulkRows) fill() {
	var used C.longlong
	pending := C.int(0)
	if r.more {
		pending = 1
	}
	got := C.fd_fill(r.stmt, C.int(r.ncol), bulkBatch, (*C.longlong)(unsafe.Pointer(&r.vals[0])),
		(*C.uchar)(unsafe.Pointer(&r.types[0])), (*C.uchar)(unsafe.Pointer(&r.text[0])), C.longlong(len(r.text)),
		&used, &pending, &r.rc)
	r.more = pending != 0
	r.n, r.i = int(got), 0
	r.batch = string(r.text[:used])
	switch {
	case r.rc != C.FD_ROW && r.rc != C.FD_DONE:
		r.fail = r.b.fail(r.rc, "step")
	case got == 0 && r.more: // one row's texts outgrow the buffer
		r.text = make([]byte, 2*len(r.text))
	}
}

func (r *bulkRows) err() error { return r.fail }

func (r *bulkRows) close() {
	if r.stmt != nil {
		C.sqlite3_finalize(r.stmt)
		r.stmt = nil
	}
}

// A column reads as rowScan reads it: a number only from an INTEGER
// column, a text only from a TEXT (or BLOB) one.
func (r *bulkRows) number(i int) bool { return r.types[r.row+i] == C.FD_INTEGER }

func (r *bulkRows) num(i int) int64 {
	if !r.number(i) {
		return 0
	}
	return r.vals[r.row+i]
}

func (r *bulkRows) str(i int) string {
	if t := r.types[r.row+i]; t != C.FD_TEXT && t != C.FD_BLOB {
		return ""
	}
	v := r.vals[r.row+i]
	at, n := v>>32, v&(1<<32-1)
	return r.batch[at : at+n]
}

func (r *bulkRows) at(i int) time.Time {
	if !r.number(i) {
		return time.Time{}
	}
	return fromUnix(r.vals[r.row+i])
}
