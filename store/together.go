package store

import (
	"database/sql"
	"errors"
	"log/slog"
	"runtime/debug"
)

// checkInWork is a check-in that the committer may write together with the
// other check-ins of its batch (checkInsTogether): its validated input, and
// where its visit goes.
type checkInWork struct {
	in   VisitInput
	v    *Visit
	code string // the visit's status code
}

// newCheckInWork is the check-in of in, its visit to go in *v. Its status
// code is made here, by the check-in's own goroutine: the committer writes
// every check-in one after another, and the code's random bits took 0.4 µs
// of the 12 it spent on each (pprof under wrk, 64 connections).
func newCheckInWork(in VisitInput, v *Visit) *checkInWork {
	return &checkInWork{in: in, v: v, code: newStatusCode()}
}

// rowChunks are the row counts the multi-row statements are made of: a
// batch's rows go out in chunks of these sizes, largest first, so that a
// handful of statement texts serve every batch and stay in the driver's
// statement cache.
var rowChunks = []int{32, 8, 2, 1}

// rowsSQL is a multi-row statement: head, n rows, then tail, its text for
// each of rowChunks' sizes made once (the committer built a 2 KB text a
// chunk, then the driver's cache hashed it).
type rowsSQL struct {
	head, row, tail string
	text            map[int]string // read-only once made
}

func newRowsSQL(head, row, tail string) *rowsSQL {
	s := &rowsSQL{head: head, row: row, tail: tail, text: map[int]string{}}
	for _, n := range rowChunks {
		s.text[n] = head + marks(row, n) + tail
	}
	return s
}

// of is the statement's text for n rows.
func (s *rowsSQL) of(n int) string {
	if q, ok := s.text[n]; ok {
		return q
	}
	return s.head + marks(s.row, n) + s.tail
}

// The statements checkInsTogether writes a batch's check-ins with.
var (
	keysLookup    = newRowsSQL("SELECT key, kind, record_id FROM submission_keys WHERE key IN (", "?", ")")
	visitorsWrite = newRowsSQL(visitorUpsert, visitorRow, visitorUpserted+" RETURNING id, name, phone")
	visitsWrite   = newRowsSQL(visitInsert, visitValues, "")
	keysWrite     = newRowsSQL(keyInsert, keyRow, "")
)

// checkInsTogether writes the check-ins of an unguarded batch with one
// statement a table for all of them, where checkInWork.write runs four
// statements for each: the one-time keys looked up, the visitors
// remembered, the visits inserted and the keys kept. A statement's cost is
// mostly in starting it (its cursors on the table, its six indexes and the
// change counter); a batch of 25 pays that once instead of 25 times.
//
// It answers (in errs and answered) every check-in it wrote, every one its
// key had made before (with that record, as checkInWork.write does) and
// every copy of another in the same batch. Any statement failing makes it
// return false having maybe written: the caller rolls the batch back and
// runs it again job by job with savepoints (checkInWork.write), so a
// failure is answered exactly as before.
//
// The check-ins are written before the batch's other writes, wherever they
// stand in it; a rerun keeps the batch's order. Either order is one its
// writers could have met, since all of them were waiting at once (of a
// check-in and a request of the same batch sent with one key, the one
// written second is refused).
func (db *DB) checkInsTogether(t *tx, batch []*writeJob, errs []error, answered []bool) (ok bool) {
	defer t.closeRows()
	defer func() {
		// A panic here is no write's own: the batch goes job by job.
		if r := recover(); r != nil {
			slog.Error("writing check-ins together panicked", "panic", r, "stack", string(debug.Stack()))
			ok = false
		}
	}()
	var work []int // batch indexes of the check-ins to write here
	for i, j := range batch {
		if j.checkin != nil && j.ctx.Err() == nil {
			work = append(work, i)
		}
	}
	if len(work) < 2 {
		return true // one check-in is written by its job as any write
	}
	// The keys the file has already seen: those sendings are answered with
	// the record their key made (or refused, for a key of another form).
	made, err := t.keysMade(batch, work)
	if err != nil {
		return false
	}
	var fresh []int           // the check-ins to write
	first := map[string]int{} // a key's first check-in in this batch
	copyOf := map[int]int{}   // a later sending of the same key: its first
	for _, i := range work {
		w := batch[i].checkin
		key := w.in.Key
		if m, ok := made[key]; ok && key != "" {
			id, err := m.record("visit")
			if err == nil {
				*w.v, err = t.visit("WHERE id = ?", id)
			}
			errs[i] = translate(err) // as runBatch translates a job's error
			answered[i] = true
			continue
		}
		if f, ok := first[key]; ok && key != "" {
			copyOf[i] = f
			continue
		}
		first[key] = i
		fresh = append(fresh, i)
	}
	if len(fresh) > 0 && t.writeCheckIns(batch, fresh) != nil {
		return false
	}
	db.together.Add(int64(len(fresh)))
	for _, i := range fresh {
		w := batch[i].checkin
		batch[i].events = []Event{t.event(KindVisit, "checked_in", w.v.ID, w.in.Source)}
		answered[i] = true
	}
	for i, f := range copyOf {
		*batch[i].checkin.v = *batch[f].checkin.v
		answered[i] = true
	}
	return true
}

// keysMade looks up the keys of the check-ins work in submission_keys.
func (t *tx) keysMade(batch []*writeJob, work []int) (map[string]keyMade, error) {
	var keys []any
	for _, i := range work {
		if k := batch[i].checkin.in.Key; k != "" {
			keys = append(keys, k)
		}
	}
	made := map[string]keyMade{}
	err := inChunks(keys, func(part []any) error {
		return t.eachRow(keysLookup.of(len(part)), part,
			func(rows *sql.Rows) error {
				var k string
				var m keyMade
				if err := rows.Scan(&k, &m.kind, &m.id); err != nil {
					return err
				}
				made[k] = m
				return nil
			})
	})
	return made, err
}

// writeCheckIns writes the check-ins fresh of batch, in their order, and
// sets each one's visit as written.
func (t *tx) writeCheckIns(batch []*writeJob, fresh []int) error {
	// The visitors, one row each (visitorsOf), remembered as
	// checkInWork.write remembers them one check-in after another.
	visitors, of := visitorsOf(batch, fresh)
	err := inChunks(visitors, func(part []*batchVisitor) error {
		args := make([]any, 0, 7*len(part))
		for _, v := range part {
			args = append(args, visitorArgs(v.in, v.visits, t.now)...)
		}
		return t.eachRow(visitorsWrite.of(len(part)), args,
			func(rows *sql.Rows) error {
				var id int64
				var name, phone string
				if err := rows.Scan(&id, &name, &phone); err != nil {
					return err
				}
				v := of[visitorKey(name, phone)]
				if v == nil {
					return errNotWrittenTogether
				}
				v.id = id
				return nil
			})
	})
	if err != nil {
		return err
	}
	// The visits are numbered at once (one update of the counter, where a
	// trigger moved it a row) and made whole here: the insert reads
	// nothing back.
	seq, last, err := t.visitNumbers(len(fresh))
	if err != nil {
		return err
	}
	for _, i := range fresh {
		w := batch[i].checkin
		v := of[visitorKey(w.in.Name, w.in.Phone)]
		if v == nil || v.id == 0 {
			return errNotWrittenTogether
		}
		id := v.id
		no, err := t.nextReceiptNo(prefixVisit)
		if err != nil {
			return err
		}
		last++
		*w.v = newVisit(w.in, id, no, w.code, t.now)
		w.v.ID = last
	}
	err = inChunks(fresh, func(part []int) error {
		args := make([]any, 0, 16*len(part))
		for _, i := range part {
			args = append(args, visitArgs(batch[i].checkin.v, seq)...)
			seq++
		}
		_, err := t.Exec(visitsWrite.of(len(part)), args...)
		return err
	})
	if err != nil {
		return err
	}
	var keyed []int
	for _, i := range fresh {
		if batch[i].checkin.in.Key != "" {
			keyed = append(keyed, i)
		}
	}
	return inChunks(keyed, func(part []int) error {
		args := make([]any, 0, 4*len(part))
		for _, i := range part {
			w := batch[i].checkin
			args = append(args, w.in.Key, "visit", w.v.ID, unix(t.now))
		}
		_, err := t.Exec(keysWrite.of(len(part)), args...)
		return err
	})
}

// batchVisitor is one visitor of a batch's check-ins: how the last of them
// left the visitor, how many they are, and the visitor's id once written.
type batchVisitor struct {
	in     VisitInput
	visits int
	id     int64
}

// visitorKey is what names a visitor: the name and the phone.
func visitorKey(name, phone string) [2]string { return [2]string{name, phone} }

// visitorsOf are the visitors of the check-ins fresh, each once, in the
// order of their first check-in, and the same by visitorKey. Each stands
// as its check-ins' upserts one after another would leave it: counted once
// a check-in, with the last organisation given (an empty one keeps what
// was there) and the last party membership. One row a visitor, where a visitor checking in for a
// group again and again cost a row (an update of one record) each time.
func visitorsOf(batch []*writeJob, fresh []int) ([]*batchVisitor, map[[2]string]*batchVisitor) {
	var all []*batchVisitor
	seen := make(map[[2]string]*batchVisitor, len(fresh))
	for _, i := range fresh {
		in := batch[i].checkin.in
		key := visitorKey(in.Name, in.Phone)
		v := seen[key]
		if v == nil {
			v = &batchVisitor{in: in}
			seen[key] = v
			all = append(all, v)
		} else {
			org := v.in.Org
			v.in = in
			if in.Org == "" {
				v.in.Org = org
			}
		}
		v.visits++
	}
	return all, seen
}

// errNotWrittenTogether is writeCheckIns' answer when the visitors' upsert
// did not name every visitor it wrote, or named another.
var errNotWrittenTogether = errors.New("store: check-ins written together were not all returned")

// inChunks hands all to each in parts of rowChunks' sizes, in order, and
// stops at the first error.
func inChunks[T any](all []T, each func(part []T) error) error {
	for len(all) > 0 {
		n := chunk(len(all))
		if err := each(all[:n]); err != nil {
			return err
		}
		all = all[n:]
	}
	return nil
}

// eachRow runs query and hands each of its rows to scan. Rows left open by
// an error are closed with the transaction's (closeRows).
func (t *tx) eachRow(query string, args []any, scan func(*sql.Rows) error) error {
	rows, err := t.Query(query, args...)
	if err != nil {
		return err
	}
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return rows.Close()
}

// chunk is how many of n rows the next statement takes (rowChunks).
func chunk(n int) int {
	for _, c := range rowChunks {
		if n >= c {
			return c
		}
	}
	return n
}
