package store

// Inside the package: the bulk reader is the store's own machinery.

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// TestBulkRowsAsDatabaseSQL reads one table through the bulk reader and
// through database/sql and wants every column of every row alike: numbers
// of every size, texts in Chinese, empty and of 200 KB (more than the
// buffer a batch starts with, so the buffer grows part way), NULLs, a
// column of mixed types, and more rows than a batch.
func TestBulkRowsAsDatabaseSQL(t *testing.T) {
	db, err := Open(filepath.Join(t.TempDir(), "center.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.w.Exec(`CREATE TABLE mixed (n INTEGER, s TEXT, x)`); err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(16, 3))
	words := []string{"", "张三", "幸福里社区第三网格", "a,b;\"c\"", "\x00nul", "🙂 emoji", "13800000000"}
	const rows = 3*bulkBatch + 17
	for i := range rows {
		var n, x any = rng.Int64() - rng.Int64(), nil
		s := any(words[rng.IntN(len(words))])
		switch {
		case i == bulkBatch+5:
			s = strings.Repeat("长", 200<<10/3) // 200 KB
		case i%11 == 0:
			n, s = nil, nil
		}
		switch i % 4 {
		case 1:
			x = int64(i)
		case 2:
			x = fmt.Sprint("text ", i)
		case 3:
			x = []byte{0xff, byte(i)}
		}
		if _, err := db.w.Exec(`INSERT INTO mixed VALUES (?, ?, ?)`, n, s, x); err != nil {
			t.Fatal(err)
		}
	}
	const query = `SELECT n, s, x, n FROM mixed WHERE rowid >= ? AND rowid <= ? ORDER BY rowid`
	type row struct {
		n, x       int64
		s, xs      string
		at, xAt    time.Time
		nAgain     int64
		atOfNAgain time.Time
	}
	read := func(src rowSource) []row {
		var out []row
		for src.next() {
			out = append(out, row{n: src.num(0), s: src.str(1), x: src.num(2), xs: src.str(2), at: src.at(0), xAt: src.at(2),
				nAgain: src.num(3), atOfNAgain: src.at(3)})
		}
		if err := src.err(); err != nil {
			t.Fatal(err)
		}
		return out
	}
	var want []row
	if err := db.read(context.Background(), func(t0 *tx) error {
		src, done, err := t0.rowsOf(query, 1, rows)
		if err != nil {
			return err
		}
		defer done()
		want = read(src)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(want) != rows {
		t.Fatalf("database/sql read %d rows of %d", len(want), rows)
	}
	c, err := openBulkConn(db.readDSN)
	if err != nil {
		t.Fatal(err)
	}
	defer c.close()
	src, err := c.query(context.Background(), query, 1, rows)
	if err != nil {
		t.Fatal(err)
	}
	got := read(src)
	src.close()
	if len(got) != len(want) {
		t.Fatalf("the bulk reader read %d rows, database/sql %d", len(got), len(want))
	}
	for i := range want {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Fatalf("row %d: bulk %+v\ndatabase/sql %+v", i+1, got[i], want[i])
		}
	}

	// Stopped part way, then done: a closed statement reads nothing more.
	src, err = c.query(context.Background(), query, 1, rows)
	if err != nil {
		t.Fatal(err)
	}
	for range 10 {
		src.next()
	}
	src.close()

	// A cancelled read stops at its next batch with the context's error.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	src, err = c.query(ctx, query, 1, rows)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for src.next() {
		if n++; n == 1 {
			cancel()
		}
	}
	src.close()
	if !errors.Is(src.err(), context.Canceled) || n != bulkBatch {
		t.Errorf("cancelled after the first row: read %d rows (a batch is %d), error %v", n, bulkBatch, src.err())
	}

	// SQL that does not prepare is an error, and the connection goes on.
	if _, err := c.query(context.Background(), "SELECT x FROM nowhere"); err == nil || !strings.Contains(err.Error(), "no such table") {
		t.Errorf("a bad query: %v", err)
	}
	if v, err := c.run("SELECT COUNT(*) FROM mixed"); err != nil || v != rows {
		t.Errorf("count after the bad query: %d, %v", v, err)
	}
}

// TestLogRowsBulkAsTransaction reads a log's lists through the bulk reader
// and in its transaction, as StreamLog falls back to when the bulk reader
// may not read the same snapshot, and wants the same records, in full and
// with the count columns alone, the voided ones left out of both.
func TestLogRowsBulkAsTransaction(t *testing.T) {
	db, err := Open(filepath.Join(t.TempDir(), "center.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	now := time.Date(2026, 3, 10, 9, 0, 0, 0, db.Location())
	db.Now = func() time.Time { return now }
	v, err := db.CreateVenue(ctx, Actor{System: "root"}, VenueInput{Name: "多功能厅", Capacity: 40})
	if err != nil {
		t.Fatal(err)
	}
	var first Visit
	for i := range 600 {
		now = now.Add(time.Minute)
		in := VisitInput{Name: fmt.Sprint("访客", i%70), Phone: fmt.Sprintf("138%08d", i%70), Purpose: []string{"consult", "volunteer", "business"}[i%3],
			Headcount: 1 + i%3, Actor: "前台小李", Note: strings.Repeat("备注", i%4)}
		got, err := db.CheckIn(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = got
		}
		if i%5 == 0 {
			if _, err := db.CheckOut(ctx, got.ID, "前台小李"); err != nil {
				t.Fatal(err)
			}
		}
		if i%40 == 0 {
			if _, err := db.CreateRequest(ctx, RequestInput{Name: "张秀英", Phone: "13812345678", Community: "幸福里社区",
				Category: "housing", Description: "楼道灯坏了。", Actor: "前台小李", Source: "desk"}); err != nil {
				t.Fatal(err)
			}
		}
	}
	day := db.DayOf(now)
	if _, err := db.CreateBooking(ctx, BookingInput{VenueID: v.ID, Org: "幸福里社区党支部", Contact: "李书记", Phone: "13912345678",
		Title: "主题党日", Purpose: "party_day", Attendees: 20, Start: day.At(Clock{Hour: 19}, db.Location()),
		End: day.At(Clock{Hour: 20}, db.Location()), Approve: true, Actor: "前台小李", Source: "desk"}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.VoidRecord(ctx, KindVisit, first.ID, "王主任", "登记重复"); err != nil {
		t.Fatal(err)
	}
	type lists struct {
		visits   []Visit
		requests []LogRequest
		bookings []Booking
	}
	read := func(bulk bool, counted bool) lists {
		var out lists
		b := db.openBulk()
		defer b.close()
		if err := db.read(ctx, func(t0 *tx) error {
			rows, _, err := t0.logRows(db, day, day)
			if err != nil {
				return err
			}
			rows.ctx, rows.counted = ctx, counted
			if bulk {
				if rows.bulk = b.begin(t0); rows.bulk == nil {
					return errors.New("the bulk reader was refused with nothing committed")
				}
			}
			return rows.each(func(v Visit) error { out.visits = append(out.visits, v); return nil },
				func(r LogRequest) error { out.requests = append(out.requests, r); return nil },
				func(b Booking) error { out.bookings = append(out.bookings, b); return nil })
		}); err != nil {
			t.Fatal(err)
		}
		return out
	}
	for _, counted := range []bool{false, true} {
		want, got := read(false, counted), read(true, counted)
		if len(want.visits) != 599 || len(want.requests) != 15 || len(want.bookings) != 1 {
			t.Fatalf("counted %v: %d visits, %d requests, %d bookings read in the transaction", counted,
				len(want.visits), len(want.requests), len(want.bookings))
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("counted %v: the bulk reader's lists differ from the transaction's", counted)
		}
	}
}
