package report_test

import (
	"context"
	"database/sql"
	"io"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3"

	"frontdesk/internal/benchdb"
	"frontdesk/report"
	"frontdesk/store"
)

// The year the year report prints: 2025, whole inside the million-visit
// file's two years (about half a million visits).
var (
	yearFrom = store.Day{Year: 2025, Month: 1, Day: 1}
	yearTo   = store.Day{Year: 2025, Month: 12, Day: 31}
)

// peakMemory samples the memory the Go runtime holds from the OS (less what
// it has given back) every few milliseconds until stop is called, and then
// returns the highest sample in MB.
func peakMemory() (stop func() float64) {
	runtime.GC()
	debug.FreeOSMemory()
	samples := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}}
	var peak uint64
	read := func() {
		metrics.Read(samples)
		if n := samples[0].Value.Uint64() - samples[1].Value.Uint64(); n > peak {
			peak = n
		}
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(2 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				read()
			}
		}
	}()
	return func() float64 {
		close(done)
		wg.Wait()
		read()
		return float64(peak) / 1e6
	}
}

// BenchmarkYearReport prints a year of the million-visit file (2025, about
// 500,000 visits) in each format as `frontdesk report --from 2025-01-01
// --to 2025-12-31` does (report.Stream), to io.Discard, reporting the peak
// memory the process held (MB-peak). The yardstick beside it, scan, is a
// plain database/sql scan of the year's visit rows, every column, in the
// order the report reads them, on a connection opened as the store opens
// its readers' (without SQLite's per-connection mutex). All of it runs
// with the garbage collector set as the command sets it (report.StreamGC).
// PDF is left out: Chromium lays out a year's page for minutes (see the
// README).
func BenchmarkYearReport(b *testing.B) {
	defer debug.SetGCPercent(debug.SetGCPercent(report.StreamGC)) // as the command runs
	db := benchdb.Open(b)
	ctx := context.Background()
	opt := report.Options{Lang: "zh", PrintedBy: "王主任", PrintedAt: benchdb.Now}
	b.Run("scan", func(b *testing.B) {
		// Without SQLite's per-connection mutex, as the store's readers.
		raw, err := sql.Open("sqlite3", "file:"+benchdb.Path(b)+"?mode=ro&_mutex=no")
		if err != nil {
			b.Fatal(err)
		}
		defer raw.Close()
		start, _ := db.Bounds(yearFrom)
		_, end := db.Bounds(yearTo)
		stop := peakMemory()
		for b.Loop() {
			rows, err := raw.Query(`SELECT id, receipt_no, status_code, visitor_id, name, phone, org, purpose, party_member,
				headcount, note, checked_in_at, checked_out_at, auto_closed, created_by, source, created_at
				FROM visits WHERE checked_in_at >= ? AND checked_in_at < ? ORDER BY checked_in_at, id`, start.Unix(), end.Unix())
			if err != nil {
				b.Fatal(err)
			}
			var col [17]any
			dest := make([]any, len(col))
			for i := range col {
				dest[i] = &col[i]
			}
			n := 0
			for rows.Next() {
				if err := rows.Scan(dest...); err != nil {
					b.Fatal(err)
				}
				n++
			}
			if err := rows.Err(); err != nil || n < 400_000 {
				b.Fatalf("%d visits, %v", n, err)
			}
			rows.Close()
		}
		b.ReportMetric(stop(), "MB-peak")
	})
	for _, format := range []string{"text", "csv", "html", "json"} {
		b.Run(format, func(b *testing.B) {
			stop := peakMemory()
			for b.Loop() {
				if err := report.Stream(ctx, io.Discard, db, yearFrom, yearTo, format, opt); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(stop(), "MB-peak")
		})
	}
}
