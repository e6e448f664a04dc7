package report_test

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"frontdesk/report"
	"frontdesk/store"
)

// TestStreamIsWrite prints a day, a range and the month of demo data, with
// records voided, both ways: Stream, as the store reads the rows, and Write,
// from the log read whole (DailyLog for a day, PeriodLog for several), in
// every format but PDF (the month in both languages). The bytes are the same.
func TestStreamIsWrite(t *testing.T) {
	db := demoDB(t)
	ctx := context.Background()
	voidSome(t, db)
	d := func(day int) store.Day { return store.Day{Year: 2026, Month: 3, Day: day} }
	for _, p := range []struct{ from, to store.Day }{{d(10), d(10)}, {d(5), d(20)}, {d(1), d(31)}} {
		read := db.DailyLog
		if p.from != p.to {
			read = db.PeriodLog
		}
		l, err := read(ctx, p.from, p.to)
		if err != nil {
			t.Fatal(err)
		}
		langs := []string{"zh"}
		if p.from.Day == 1 {
			langs = append(langs, "en") // cmd TestReportSums prints every period in both
		}
		for _, lng := range langs {
			opt := report.Options{Lang: lng, PrintedBy: "王主任", PrintedAt: printedAt}
			for _, format := range []string{"text", "csv", "html", "json"} {
				var whole, streamed bytes.Buffer
				if err := report.Write(&whole, l, format, opt); err != nil {
					t.Fatal(err)
				}
				if err := report.Stream(ctx, &streamed, db, p.from, p.to, format, opt); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(whole.Bytes(), streamed.Bytes()) {
					t.Errorf("%s..%s %s %s: the streamed report (%d bytes) is not the whole one (%d bytes)",
						p.from, p.to, lng, format, streamed.Len(), whole.Len())
				}
			}
		}
	}
}

// voidSome voids a visit, a request and a booking of 2026-03-10.
func voidSome(t *testing.T, db *store.DB) {
	t.Helper()
	ctx := context.Background()
	l, err := db.DailyLog(ctx, store.Day{Year: 2026, Month: 3, Day: 10}, store.Day{Year: 2026, Month: 3, Day: 10})
	if err != nil || len(l.Visits) < 2 || len(l.Requests) < 1 || len(l.Bookings) < 1 {
		t.Fatalf("the demo's 2026-03-10: %v", err)
	}
	for kind, id := range map[string]int64{store.KindVisit: l.Visits[1].ID, store.KindRequest: l.Requests[0].ID,
		store.KindBooking: l.Bookings[0].ID} {
		if _, err := db.VoidRecord(ctx, kind, id, "王主任", "录入重复"); err != nil {
			t.Fatal(err)
		}
	}
}

// liveHeap is a writer that, every 32 KiB written to it, collects the
// garbage and notes the heap still in use: what the writer of a report
// holds at that point. Most is the highest.
type liveHeap struct {
	n, next int
	most    uint64
}

func (h *liveHeap) Write(p []byte) (int, error) {
	h.n += len(p)
	if h.n >= h.next {
		h.next = h.n + 32<<10
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		h.most = max(h.most, m.HeapAlloc)
	}
	return len(p), nil
}

// busyDays seeds days of perDay visits each, from the seed's day on, through
// the store's API, and returns the first and last day.
func busyDays(t *testing.T, db *store.DB, days, perDay int) (store.Day, store.Day) {
	t.Helper()
	ctx := context.Background()
	c := &ticking{}
	db.Now = c.Now
	for d := range days {
		c.Set(at(day.AddDays(d), "08:00"), 10*time.Hour/time.Duration(perDay))
		err := parallel(perDay, func(i int) error {
			_, err := db.CheckIn(ctx, store.VisitInput{Name: fmt.Sprintf("来访人%04d", i), Phone: fmt.Sprintf("138%08d", i),
				Org: "幸福里社区", Purpose: "consult", Headcount: 1 + i%4, Note: "咨询社保卡办理", Actor: "前台小李"})
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	c.Set(at(day.AddDays(days), "08:00"), 0)
	return day, day.AddDays(days - 1)
}

// TestStreamHoldsOneRow streams a day and a week and a day of 800 visits a
// day in every format but PDF. No writer holds more than one row of the
// long lists at a time (the row gauge), and the heap in use while the 6,400
// visits are written is no bigger than while the day's 800 are, give or
// take 1 MB; the whole log of the same days, read and rendered in memory,
// holds several times that (a check that the measure sees rows held).
func TestStreamHoldsOneRow(t *testing.T) {
	db, _ := openCenter(t)
	first, last := busyDays(t, db, 8, 800)
	ctx := context.Background()
	opt := report.Options{Lang: "zh", PrintedBy: "王主任", PrintedAt: printedAt}
	for _, format := range []string{"text", "csv", "html", "json"} {
		report.ResetHeld()
		var dayHeap, allHeap liveHeap
		if err := report.Stream(ctx, &dayHeap, db, first, first, format, opt); err != nil {
			t.Fatal(err)
		}
		if err := report.Stream(ctx, &allHeap, db, first, last, format, opt); err != nil {
			t.Fatal(err)
		}
		if n := report.HeldMost(); n != 1 {
			t.Errorf("%s: the writers held up to %d rows at once, want 1", format, n)
		}
		l, err := db.PeriodLog(ctx, first, last)
		if err != nil {
			t.Fatal(err)
		}
		var whole liveHeap
		if err := report.Write(&whole, l, format, opt); err != nil {
			t.Fatal(err)
		}
		runtime.KeepAlive(l)
		const slack = 1 << 20
		t.Logf("%s: heap in use, a day %.1f MB, 8 days %.1f MB streamed, %.1f MB whole", format,
			float64(dayHeap.most)/1e6, float64(allHeap.most)/1e6, float64(whole.most)/1e6)
		if allHeap.most > dayHeap.most+slack {
			t.Errorf("%s: streaming 8 days holds %d bytes, a day %d: the rows are held", format, allHeap.most, dayHeap.most)
		}
		if whole.most < allHeap.most+2*slack {
			t.Errorf("%s: the whole log of 8 days holds only %d bytes: the measure would not see rows held", format, whole.most)
		}
	}
}

// spoolWatch is a report's output that, at every write, notes what lies in
// the temporary folder.
type spoolWatch struct {
	dir    string
	writes int
	seen   []string
}

func (w *spoolWatch) Write(p []byte) (int, error) {
	w.writes++
	names, _ := filepath.Glob(filepath.Join(w.dir, "*"))
	w.seen = append(w.seen, names...)
	return len(p), nil
}

// TestSpoolLeavesNoName: the spool, which holds visitors' names and phones,
// has no name in $TMPDIR while the report is written, so a report killed
// part way leaves nothing personal behind.
func TestSpoolLeavesNoName(t *testing.T) {
	db := demoDB(t)
	dir := t.TempDir()
	t.Setenv("TMPDIR", dir)
	opt := report.Options{Lang: "zh", PrintedBy: "王主任", PrintedAt: printedAt}
	for _, format := range []string{"text", "csv", "html", "json"} {
		w := &spoolWatch{dir: dir}
		from, to := store.Day{Year: 2026, Month: 3, Day: 1}, store.Day{Year: 2026, Month: 3, Day: 31}
		if err := report.Stream(context.Background(), w, db, from, to, format, opt); err != nil {
			t.Fatal(err)
		}
		if w.writes == 0 || len(w.seen) > 0 {
			t.Errorf("%s: %d writes; files in $TMPDIR while writing: %v, want none", format, w.writes, w.seen)
		}
	}
}

// TestSpoolFolderMissing: a $TMPDIR that cannot take the spool gives a
// message that names the folder and TMPDIR, in both languages, and no
// report.
func TestSpoolFolderMissing(t *testing.T) {
	db := demoDB(t)
	dir := filepath.Join(t.TempDir(), "gone")
	t.Setenv("TMPDIR", dir)
	day := store.Day{Year: 2026, Month: 3, Day: 10}
	var out bytes.Buffer
	err := report.Stream(context.Background(), &out, db, day, day, "text", report.Options{Lang: "zh", PrintedAt: printedAt})
	if store.ErrorCode(err) != store.EREADONLY || out.Len() != 0 {
		t.Fatalf("got %v and %d bytes, want a read-only refusal and nothing written", err, out.Len())
	}
	for _, lng := range []string{"zh", "en"} {
		if msg := store.ErrorMessage(err, lng); !strings.Contains(msg, dir) || !strings.Contains(msg, "TMPDIR") {
			t.Errorf("%s: %q, want the folder and TMPDIR named", lng, msg)
		}
	}
}

// TestPDFTooLongRefusedAtOnce: a period with more records than a PDF can
// hold is refused before Chromium is started, saying how many there are
// and what to do instead; nothing is written. Under the limit the same
// period is refused by nothing of the kind (the PDF tests print it).
func TestPDFTooLongRefusedAtOnce(t *testing.T) {
	db := demoDB(t)
	report.LimitPDFRecords(t, 10)
	from, to := store.Day{Year: 2026, Month: 3, Day: 1}, store.Day{Year: 2026, Month: 3, Day: 31}
	var out bytes.Buffer
	started := time.Now()
	err := report.Stream(context.Background(), &out, db, from, to, "pdf", report.Options{Lang: "zh", PrintedAt: printedAt})
	if store.ErrorCode(err) != store.EINVALID || out.Len() != 0 {
		t.Fatalf("got %v and %d bytes, want a refusal and nothing written", err, out.Len())
	}
	for lng, wants := range map[string][]string{"zh": {"最多打印 10 条", "--format html"}, "en": {"at most 10 records", "fewer days"}} {
		msg := store.ErrorMessage(err, lng)
		for _, want := range wants {
			if !strings.Contains(msg, want) {
				t.Errorf("%s: %q, want %q in it", lng, msg, want)
			}
		}
	}
	t.Logf("refused after %v", time.Since(started))
	// A log read whole (the desk's 台账 tab prints one so) is refused the same.
	l, err := db.DailyLog(context.Background(), from, to)
	if err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if err := report.Write(&out, l, "pdf", report.Options{Lang: "zh", PrintedAt: printedAt}); store.ErrorCode(err) != store.EINVALID || out.Len() != 0 {
		t.Fatalf("Write: got %v and %d bytes, want a refusal and nothing written", err, out.Len())
	}
}
