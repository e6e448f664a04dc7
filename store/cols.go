package store

import (
	"database/sql"
	"time"
)

// cols is one row of a query's columns, read by index: what the records
// are made from (visitOf, requestOf, bookingOf and their counted forms),
// whether database/sql scanned the row (rowScan) or the store's bulk
// reader copied it (bulkRows).
type cols interface {
	num(i int) int64    // an INTEGER column; 0 for NULL
	str(i int) string   // a TEXT column; "" for NULL
	at(i int) time.Time // a column of Unix seconds; the zero time for NULL
}

// maxCols is the most columns a rowScan holds: a request and its first
// handling.
const maxCols = 27

// rowScan is a reusable scan target for rows of up to maxCols columns.
// Scanning into *any is the one conversion database/sql makes without
// reflection, and one target serves every row of a list, so a list
// allocates nothing per row but what the driver hands over.
type rowScan struct {
	col  [maxCols]any
	dest [maxCols]any
}

func newRowScan() *rowScan {
	s := new(rowScan)
	for i := range s.col {
		s.dest[i] = &s.col[i]
	}
	return s
}

// scan reads the n columns of r's row.
func (s *rowScan) scan(r scanner, n int) error { return r.Scan(s.dest[:n]...) }

// INTEGER columns arrive as int64, TEXT as string, NULL as nil.
func (s *rowScan) num(i int) int64 {
	n, _ := s.col[i].(int64)
	return n
}

func (s *rowScan) str(i int) string {
	switch v := s.col[i].(type) {
	case string:
		return v
	case []byte:
		return string(v)
	}
	return ""
}

func (s *rowScan) at(i int) time.Time {
	if n, ok := s.col[i].(int64); ok {
		return fromUnix(n)
	}
	return time.Time{}
}

// rowSource is rows to be read one by one: next moves to the next row,
// false at the end or on an error, which err then returns.
type rowSource interface {
	next() bool
	cols
	err() error
}

// sqlRows is database/sql's rows of n columns as a rowSource.
type sqlRows struct {
	rows *sql.Rows
	n    int
	s    *rowScan
	fail error
}

func newSQLRows(rows *sql.Rows, n int) *sqlRows { return &sqlRows{rows: rows, n: n, s: newRowScan()} }

func (r *sqlRows) next() bool {
	if !r.rows.Next() {
		return false
	}
	if err := r.s.scan(r.rows, r.n); err != nil {
		r.fail = err
		return false
	}
	return true
}

func (r *sqlRows) num(i int) int64    { return r.s.num(i) }
func (r *sqlRows) str(i int) string   { return r.s.str(i) }
func (r *sqlRows) at(i int) time.Time { return r.s.at(i) }

func (r *sqlRows) err() error {
	if r.fail != nil {
		return r.fail
	}
	return r.rows.Err()
}

// columnCount is how many columns a list of them has: its commas outside
// parentheses, and one.
func columnCount(list string) int {
	n, depth := 1, 0
	for _, r := range list {
		switch r {
		case '(':
			depth++
		case ')':
			depth--
		case ',':
			if depth == 0 {
				n++
			}
		}
	}
	return n
}
