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
	keysWrite     = newRowsSQL(keyInsert, keyRow, " ON CONFLICT (key) DO NOTHING")
)

// checkInsTogether writes the check-ins of an unguarded batch with one
// statement a table for all of them, where checkInWork.write runs four
// statements for each: the one-time key looked up, the visitor
// remembered, the visit inserted and the key kept (here the keys are kept
// first, which finds the ones seen before: keepKeys). A statement's cost is
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
	// One sending of each key is written; a later one in the batch is
	// answered as its first is.
	var first []int          // the check-ins to number: one a key, and every one without
	seen := map[string]int{} // a key's first check-in in this batch
	copyOf := map[int]int{}  // a later sending of the same key: its first
	for _, i := range work {
		key := batch[i].checkin.in.Key
		if f, ok := seen[key]; ok && key != "" {
			copyOf[i] = f
			continue
		}
		seen[key] = i
		first = append(first, i)
	}
	// The visits are numbered at once (one update of the counter, where a
	// trigger moved it a row) and their keys kept under those ids before
	// anything else is written. A key the file has seen already keeps its
	// row: that sending is answered with the record its key made (or
	// refused, for a key of another form), and its numbers go unused: its
	// sequence is a gap no record fills, and its id, named by no key, may
	// be given again.
	seq, last, err := t.visitNumbers(len(first))
	if err != nil {
		return false
	}
	nums := make([]visitNumber, len(batch)) // by the check-in's place in batch
	for k, i := range first {
		nums[i] = visitNumber{id: last + 1 + int64(k), seq: seq + int64(k)}
	}
	fresh, made, err := t.keepKeys(batch, first, nums)
	if err != nil {
		return false
	}
	for _, i := range first {
		w := batch[i].checkin
		m, ok := made[w.in.Key]
		if !ok {
			continue // kept: its key is new, or it has none
		}
		id, err := m.record("visit")
		if err == nil {
			*w.v, err = t.visit("WHERE id = ?", id)
		}
		errs[i] = translate(err) // as runBatch translates a job's error
		answered[i] = true
	}
	if len(fresh) > 0 && t.writeCheckIns(batch, fresh, nums) != nil {
		return false
	}
	db.together.Add(int64(len(fresh)))
	for _, i := range fresh {
		w := batch[i].checkin
		batch[i].events = []Event{t.event(KindVisit, "checked_in", w.v.ID, w.in.Source)}
		answered[i] = true
	}
	for i, f := range copyOf {
		*batch[i].checkin.v, errs[i] = *batch[f].checkin.v, errs[f]
		answered[i] = true
	}
	return true
}

// visitNumber is a visit's id and change sequence, given before it is
// written (tx.visitNumbers).
type visitNumber struct{ id, seq int64 }

// keepKeys keeps the one-time keys of the check-ins first of batch, each
// for the visit numbered for it in nums, and returns the check-ins to
// write, in their order: those without a key and those whose key was new.
// A key the file holds already keeps its row (ON CONFLICT DO NOTHING), so
// this one statement stands for the look-up every check-in used to make
// before it was written; only when a key was there is it looked up, and
// made holds what each such key made before.
func (t *tx) keepKeys(batch []*writeJob, first []int, nums []visitNumber) (fresh []int, made map[string]keyMade, err error) {
	var keyed []int
	for _, i := range first {
		if batch[i].checkin.in.Key != "" {
			keyed = append(keyed, i)
		}
	}
	kept := 0
	err = inChunks(keyed, func(part []int) error {
		args := make([]any, 0, 4*len(part))
		for _, i := range part {
			args = append(args, batch[i].checkin.in.Key, "visit", nums[i].id, unix(t.now))
		}
		r, err := t.Exec(keysWrite.of(len(part)), args...)
		if err != nil {
			return err
		}
		n, err := r.RowsAffected()
		kept += int(n)
		return err
	})
	if err != nil || kept == len(keyed) {
		return first, nil, err
	}
	// Some keys were there before. The check-ins whose key now names their
	// own visit are the ones kept: the ids just given are above every visit
	// written (visits are never deleted), and a key names only a visit
	// written, so no older row can name one of them.
	if made, err = t.keysMade(batch, keyed); err != nil {
		return nil, nil, err
	}
	for _, i := range first {
		key := batch[i].checkin.in.Key
		if m, ok := made[key]; key == "" || ok && m.kind == "visit" && m.id == nums[i].id {
			delete(made, key)
			fresh = append(fresh, i)
		}
	}
	return fresh, made, nil
}

// keysMade looks up the keys of the check-ins keyed (each has one) in
// submission_keys.
func (t *tx) keysMade(batch []*writeJob, keyed []int) (map[string]keyMade, error) {
	keys := make([]any, len(keyed))
	for n, i := range keyed {
		keys[n] = batch[i].checkin.in.Key
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

// writeCheckIns writes the check-ins fresh of batch, in their order, each
// with its numbers in nums, and sets each one's visit as written.
func (t *tx) writeCheckIns(batch []*writeJob, fresh []int, nums []visitNumber) error {
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
	// Each visit is made whole here: the insert reads nothing back.
	for _, i := range fresh {
		w := batch[i].checkin
		v := of[visitorKey(w.in.Name, w.in.Phone)]
		if v == nil || v.id == 0 {
			return errNotWrittenTogether
		}
		no, err := t.nextReceiptNo(prefixVisit)
		if err != nil {
			return err
		}
		*w.v = newVisit(w.in, v.id, no, w.code, t.now)
		w.v.ID = nums[i].id
	}
	return inChunks(fresh, func(part []int) error {
		args := make([]any, 0, 16*len(part))
		for _, i := range part {
			args = append(args, visitArgs(batch[i].checkin.v, nums[i].seq)...)
		}
		_, err := t.Exec(visitsWrite.of(len(part)), args...)
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
