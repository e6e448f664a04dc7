package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/base32"
	"encoding/base64"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Receipt number prefixes: R- requests, B- bookings, V- visits.
const (
	prefixRequest = "R"
	prefixBooking = "B"
	prefixVisit   = "V"
)

// nextReceiptNo hands out PREFIX-YYYYMMDD-NNNN for the center's current day.
// It runs inside the write transaction that stores the record, so two
// writers can never draw the same number: the committer reads each counter
// once per batch, counts in memory, and writes it back once before the
// commit (see receiptCounters).
func (t *tx) nextReceiptNo(prefix string) (string, error) {
	r := t.receipts
	if r.day == "" {
		// A batch's jobs share its time: the day is spelled once.
		day := t.db.DayOf(t.now)
		r.day, r.compact = day.String(), day.Compact()
	}
	n, err := r.next(t, prefix, r.day)
	if err != nil {
		return "", fmt.Errorf("next receipt number: %w", err)
	}
	return prefix + "-" + r.compact + "-" + fourDigits(n), nil
}

// fourDigits spells n with at least four digits, as %04d does.
func fourDigits(n int) string {
	s := strconv.Itoa(n)
	if len(s) < 4 {
		s = "0000"[len(s):] + s
	}
	return s
}

// receiptCounter is one receipt counter as a batch has counted it.
type receiptCounter struct {
	kind, day string
	n, was    int // n now; was as read
}

// receiptCounters are the counters a batch has drawn numbers from. The
// batch's transaction holds the write lock from its first statement, so the
// values read stay the file's until it commits; a job rolled back to its
// savepoint gives its numbers back (restore), so numbers stay gapless.
type receiptCounters struct {
	c []receiptCounter
	// day is the batch's day as the counters' key (YYYY-MM-DD) and
	// compact as its numbers carry it (YYYYMMDD).
	day, compact string
}

func (r *receiptCounters) next(t *tx, kind, day string) (int, error) {
	for i := range r.c {
		if c := &r.c[i]; c.kind == kind && c.day == day {
			c.n++
			return c.n, nil
		}
	}
	var n int
	err := t.QueryRow("SELECT n FROM counters WHERE kind = ? AND day = ?", kind, day).Scan(&n)
	if err != nil && err != sql.ErrNoRows {
		return 0, err
	}
	r.c = append(r.c, receiptCounter{kind: kind, day: day, n: n + 1, was: n})
	return n + 1, nil
}

// mark is the counters' state before a job, for restore.
func (r *receiptCounters) mark() []receiptCounter { return slices.Clone(r.c) }

// restore puts the counters back as mark found them.
func (r *receiptCounters) restore(mark []receiptCounter) { r.c = mark }

// flush writes the counters that moved, in the batch's transaction, and
// reports whether it wrote any.
func (r *receiptCounters) flush(q querier) (wrote bool, err error) {
	for _, c := range r.c {
		if c.n == c.was {
			continue
		}
		if _, err := q.ExecContext(context.Background(), `INSERT INTO counters (kind, day, n) VALUES (?, ?, ?)
			ON CONFLICT (kind, day) DO UPDATE SET n = excluded.n`, c.kind, c.day, c.n); err != nil {
			return wrote, fmt.Errorf("write receipt counter: %w", err)
		}
		wrote = true
	}
	return wrote, nil
}

// codeEncoding and keyEncoding spell codes and keys with the characters of
// base32 and of URL-safe base64 in their byte order, so a code's text sorts
// as its bits do and the clock first (clockFirst) orders the index.
var (
	codeEncoding = base32.NewEncoding("234567abcdefghijklmnopqrstuvwxyz").WithPadding(base32.NoPadding)
	keyEncoding  = base64.NewEncoding("-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz").WithPadding(base64.NoPadding)
)

// newStatusCode makes the private code of a status link: the time it was
// made (40 bits, not secret) and 80 random bits, as SPEC asks. The clock
// first keeps the codes made together side by side in the status_code
// index, so a batch of submissions dirties a page or two of it, where fully
// random codes dirtied one page each (and wrote it to the WAL).
func newStatusCode() string {
	return codeEncoding.EncodeToString(clockFirst(15))
}

// NewKey makes a form's one-time key: the time it was made (40 bits) and
// 88 random bits, 22 characters. Keys made together lie together in the
// submission_keys index, as status codes do in theirs (newStatusCode).
func NewKey() string {
	return keyEncoding.EncodeToString(clockFirst(16))
}

// clockFirst is n random bytes whose first 40 bits are replaced by the
// current time: the second (modulo 2^30, 34 years) and the 1/1024 of it.
// Unguessable by the rest, yet made in the order of time, so b-tree inserts
// of the codes one batch makes land on one page or two: with the second
// alone, the codes of a busy second fell on any of the dozens of pages
// that second's codes fill, and each was written to the WAL.
func clockFirst(n int) []byte {
	b := make([]byte, n)
	rand.Read(b[5:])
	now := time.Now()
	t := uint64(now.Unix())&(1<<30-1)<<10 | uint64(now.Nanosecond())<<10/1e9
	b[0], b[1], b[2], b[3], b[4] = byte(t>>32), byte(t>>24), byte(t>>16), byte(t>>8), byte(t)
	return b
}

// ValidStatusCode reports whether s looks like a status code, so a handler
// can refuse junk before asking the database.
func ValidStatusCode(s string) bool {
	if len(s) != 24 {
		return false
	}
	return strings.Trim(s, "234567abcdefghijklmnopqrstuvwxyz") == ""
}
