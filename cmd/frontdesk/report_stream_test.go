package main

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"frontdesk/demo"
	"frontdesk/store"
)

var updateSums = flag.Bool("update", false, "rewrite testdata/report_sums.golden from the reports as they print now")

// sumsNow is the clock of the identity test: the demo month's last evening.
var sumsNow = time.Date(2026, 3, 31, 18, 0, 0, 0, time.FixedZone("CST", 8*3600))

// sumsCenter is a month of demo data ending 2026-03-31, with a visit, a
// request and a booking of 2026-03-10 voided, so the voided list and its
// gaps in the other lists are in every report.
func sumsCenter(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "demo.db")
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	now := sumsNow
	db.Now = func() time.Time { return now }
	ctx := context.Background()
	if _, err := demo.Generate(ctx, db, 1); err != nil {
		t.Fatalf("demo: %v", err)
	}
	day := store.Day{Year: 2026, Month: 3, Day: 10}
	visits, err := db.VisitsOn(ctx, day)
	if err != nil || len(visits) < 3 {
		t.Fatalf("visits of %s: %d, %v", day, len(visits), err)
	}
	requests, err := db.Requests(ctx, store.RequestFilter{})
	if err != nil || len(requests) < 3 {
		t.Fatalf("requests: %d, %v", len(requests), err)
	}
	bookings, err := db.BookingsOn(ctx, day)
	if err != nil || len(bookings) < 1 {
		t.Fatalf("bookings of %s: %d, %v", day, len(bookings), err)
	}
	for _, v := range []struct {
		kind string
		id   int64
	}{{store.KindVisit, visits[1].ID}, {store.KindRequest, requests[len(requests)/2].ID}, {store.KindBooking, bookings[0].ID}} {
		if _, err := db.VoidRecord(ctx, v.kind, v.id, "王主任", "录入重复"); err != nil {
			t.Fatalf("void %s %d: %v", v.kind, v.id, err)
		}
	}
	return path
}

// sumsPeriods are the periods the identity test prints: a day, a month, a
// range of days, a day with nothing on it, and a range reaching before the
// first record (its previous period is empty).
var sumsPeriods = []struct {
	name string
	args []string
}{
	{"day", []string{"--date", "2026-03-10"}},
	{"month", []string{"--date", "2026-03"}},
	{"range", []string{"--from", "2026-03-05", "--to", "2026-03-20"}},
	{"empty", []string{"--date", "2026-05-01"}},
	{"early", []string{"--from", "2026-02-20", "--to", "2026-03-03"}},
}

// TestReportSums pins every report `frontdesk report` prints of a demo
// month, by the SHA-256 of its bytes: text, CSV, HTML and JSON of a day, a
// month, a range, an empty day and a range before the data, in both
// languages. The sums were taken from the reports as they were printed
// before reports streamed; a streaming writer that changes one byte fails.
func TestReportSums(t *testing.T) {
	db := sumsCenter(t)
	got := map[string]string{}
	for _, p := range sumsPeriods {
		for _, lng := range []string{"zh", "en"} {
			for _, format := range []string{"text", "csv", "html", "json"} {
				name := fmt.Sprintf("%s.%s.%s", p.name, lng, format)
				args := append([]string{"--db", db, "--lang", lng, "--format", format, "--staff", "王主任"}, p.args...)
				out, stderr, err := reportRunAt(t, sumsNow, args...)
				if err != nil {
					t.Fatalf("%s: %v\n%s", name, err, stderr)
				}
				sum := sha256.Sum256([]byte(out))
				got[name] = fmt.Sprintf("%s %d", hex.EncodeToString(sum[:]), len(out))
			}
		}
	}
	path := filepath.Join("testdata", "report_sums.golden")
	if *updateSums {
		var lines []string
		for k, v := range got {
			lines = append(lines, k+" "+v)
		}
		sort.Strings(lines)
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("%v (go test ./cmd/frontdesk -run TestReportSums -update makes it)", err)
	}
	defer f.Close()
	want := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		name, sum, _ := strings.Cut(sc.Text(), " ")
		want[name] = sum
	}
	if len(want) != len(got) {
		t.Errorf("%d sums pinned, %d reports printed", len(want), len(got))
	}
	for name, sum := range got {
		if want[name] != sum {
			t.Errorf("%s: sum and size %s, pinned %s", name, sum, want[name])
		}
	}
}
