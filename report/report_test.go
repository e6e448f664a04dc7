package report_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/csv"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"frontdesk/report"
	"frontdesk/store"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func readLog(t testing.TB, db *store.DB, from, to store.Day) *store.DailyLog {
	t.Helper()
	l, err := db.DailyLog(context.Background(), from, to)
	if err != nil {
		t.Fatalf("daily log: %v", err)
	}
	return l
}

func render(t testing.TB, l *store.DailyLog, format, lang string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := report.Write(&buf, l, format, report.Options{Lang: lang, PrintedBy: "王主任", PrintedAt: printedAt}); err != nil {
		t.Fatalf("write %s: %v", format, err)
	}
	return buf.Bytes()
}

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden %s: %v (run go test ./report -update to make it)", path, err)
	}
	if !bytes.Equal(got, want) {
		gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) || i < len(wl); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("%s differs from the golden file at line %d:\n got %q\nwant %q", name, i+1, g, w)
			}
		}
		t.Fatalf("%s differs from the golden file", name)
	}
}

func TestGolden(t *testing.T) {
	db := seed(t)
	dayLog := readLog(t, db, day, day)
	rangeLog := readLog(t, db, day.AddDays(-1), day.AddDays(1))
	for _, tc := range []struct {
		name string
		l    *store.DailyLog
		lang string
	}{
		{"day", dayLog, "zh"},
		{"range", rangeLog, "zh"},
		{"day_en", dayLog, "en"},
	} {
		for _, format := range []string{"text", "csv", "html", "json"} { // pdf: pdf_test.go
			t.Run(tc.name+"/"+format, func(t *testing.T) {
				ext := map[string]string{"text": "txt", "csv": "csv", "html": "html", "json": "json"}[format]
				golden(t, tc.name+"."+ext+".golden", render(t, tc.l, format, tc.lang))
			})
		}
	}
}

func TestTextWidth(t *testing.T) {
	db := seed(t)
	for _, l := range []*store.DailyLog{readLog(t, db, day, day), readLog(t, db, day.AddDays(-1), day.AddDays(1))} {
		for _, lang := range []string{"zh", "en"} {
			out := string(render(t, l, "text", lang))
			for i, line := range strings.Split(out, "\n") {
				if w := ansi.StringWidth(line); w > report.PageWidth {
					t.Errorf("%s %s..%s line %d is %d columns wide, want at most %d: %q", lang, l.From, l.To, i+1, w, report.PageWidth, line)
				}
			}
			// The long organisation is cut with an ellipsis, not dropped.
			if lang == "zh" && !strings.Contains(out, "…") {
				t.Errorf("%s: no cell was cut with an ellipsis", lang)
			}
		}
	}
}

func TestTextAligned(t *testing.T) {
	db := seed(t)
	out := string(render(t, readLog(t, db, day, day), "text", "zh"))
	// Every visit row ends at the same screen column: the cells before
	// the last (前台 or 扫码) are padded by display width, so names of
	// different widths (张三, 区委党校参观团) do not shift the columns.
	lines := strings.Split(out, "\n")
	var starts []int
	for _, line := range lines {
		if strings.HasPrefix(line, "V-") {
			// the headcount column is right-aligned: every row ends its
			// number at the same screen column as the header's last cell
			starts = append(starts, ansi.StringWidth(strings.TrimRight(line, " ")))
		}
	}
	if len(starts) < 5 {
		t.Fatalf("visit rows: got %d, want at least 5", len(starts))
	}
	for _, s := range starts[1:] {
		if s != starts[0] {
			t.Errorf("visit rows end at different columns: %v", starts)
			break
		}
	}
}

func TestCSV(t *testing.T) {
	db := seed(t)
	for _, lang := range []string{"zh", "en"} {
		out := render(t, readLog(t, db, day.AddDays(-1), day.AddDays(1)), "csv", lang)
		if !bytes.HasPrefix(out, []byte("\xef\xbb\xbf")) {
			t.Fatalf("%s: the CSV does not start with a UTF-8 BOM: %q", lang, out[:min(len(out), 10)])
		}
		r := csv.NewReader(bytes.NewReader(out[3:]))
		r.FieldsPerRecord = -1
		records, err := r.ReadAll()
		if err != nil {
			t.Fatalf("%s: read CSV: %v", lang, err)
		}
		head := "区块"
		if lang == "en" {
			head = "Section"
		}
		want, sections := -1, 0
		seen := map[string]bool{}
		for i, rec := range records {
			if rec[0] == head {
				want = len(rec)
				sections++
				continue
			}
			if want < 0 {
				t.Fatalf("%s: row %d comes before any header: %q", lang, i+1, rec)
			}
			if len(rec) != want {
				t.Errorf("%s: row %d has %d fields, its section's header has %d: %q", lang, i+1, len(rec), want, rec)
			}
			seen[rec[0]] = true
		}
		if sections < 10 {
			t.Errorf("%s: %d sections, want the log info, summary tables, days, visits, requests, bookings, backlog, signature", lang, sections)
		}
		if lang == "zh" {
			for _, s := range []string{"三、来访登记", "四、诉求受理", "五、场地预约", "二、逐日统计", "签字"} {
				if !seen[s] {
					t.Errorf("no rows in section %q; sections: %v", s, seen)
				}
			}
		}
		// Phone numbers are whole in the manager's log and survive as text.
		if lang == "zh" && !bytes.Contains(out, []byte("13800138000")) {
			t.Errorf("the whole phone number is missing from the CSV")
		}
	}
}

func TestJSON(t *testing.T) {
	db := seed(t)
	out := render(t, readLog(t, db, day, day), "json", "zh")
	var doc map[string]any
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatalf("the JSON does not parse: %v", err)
	}
	for _, k := range []string{"center", "from", "to", "summary", "visits", "requests", "bookings"} {
		if _, ok := doc[k]; !ok {
			t.Errorf("missing key %q", k)
		}
	}
	if doc["center"] != "幸福里党群服务中心" || doc["from"] != "2026-03-10" || doc["to"] != "2026-03-10" {
		t.Errorf("header: got %v %v %v", doc["center"], doc["from"], doc["to"])
	}
	records := func(key string) []map[string]any {
		var out []map[string]any
		for _, r := range doc[key].([]any) {
			out = append(out, r.(map[string]any))
		}
		if len(out) == 0 {
			t.Fatalf("no %s", key)
		}
		return out
	}
	requestStatuses := map[string]bool{}
	for _, s := range store.RequestStatuses {
		requestStatuses[s.Code] = true
	}
	bookingStatuses := map[string]bool{}
	for _, s := range store.BookingStatuses {
		bookingStatuses[s.Code] = true
	}
	for _, key := range []string{"visits", "requests", "bookings"} {
		for _, r := range records(key) {
			for _, k := range []string{"id", "created_at", "source", "receipt_no"} {
				if _, ok := r[k]; !ok {
					t.Errorf("%s record lacks %q: %v", key, k, r)
				}
			}
			if s := r["source"]; s != "desk" && s != "kiosk" {
				t.Errorf("%s source: got %v, want desk or kiosk", key, s)
			}
			if ca, _ := r["created_at"].(string); !strings.HasSuffix(ca, "+08:00") {
				t.Errorf("%s created_at: got %q, want RFC 3339 with +08:00", key, ca)
			}
			switch key {
			case "requests":
				if !requestStatuses[r["status"].(string)] {
					t.Errorf("request status %v is not an English code", r["status"])
				}
			case "bookings":
				if !bookingStatuses[r["status"].(string)] {
					t.Errorf("booking status %v is not an English code", r["status"])
				}
			case "visits":
				for _, k := range []string{"name", "phone", "purpose", "headcount", "party_member", "checked_in_at", "checked_out_at"} {
					if _, ok := r[k]; !ok {
						t.Errorf("visit lacks %q: %v", k, r)
					}
				}
			}
		}
	}
	var phones []string
	for _, v := range records("visits") {
		phones = append(phones, v["phone"].(string))
	}
	if !strings.Contains(strings.Join(phones, " "), "13800138000") {
		t.Errorf("visit phones are not whole: %v", phones)
	}
	// The visit at 23:30 in Shanghai (15:30 UTC) is in the day's log.
	last := records("visits")[len(records("visits"))-1]
	if last["checked_in_at"] != "2026-03-10T23:30:00+08:00" {
		t.Errorf("last visit checked in at %v, want 2026-03-10T23:30:00+08:00", last["checked_in_at"])
	}
	sum := doc["summary"].(map[string]any)
	rr := sum["resolution_rate"].(map[string]any)
	if rr["num"] != 1.0 || rr["den"] != 5.0 {
		t.Errorf("resolution rate in JSON: got %v/%v, want 1/5", rr["num"], rr["den"])
	}
}

func TestHTML(t *testing.T) {
	db := seed(t)
	out := string(render(t, readLog(t, db, day.AddDays(-1), day.AddDays(1)), "html", "zh"))
	for _, want := range []string{"@page", "size: A4", "break-before: page", "负责人签字", "&lt;script&gt;alert(1)&lt;/script&gt;"} {
		if !strings.Contains(out, want) {
			t.Errorf("the HTML lacks %q", want)
		}
	}
	for _, bad := range []string{"<script", "http://", "https://", "<link", "src=", "@import", "href=", " style="} {
		if strings.Contains(out, bad) {
			t.Errorf("the HTML contains %q: it must load nothing from outside and run no script", bad)
		}
	}
	// The charts' patterns are referred to inside the page, never outside.
	if all, local := strings.Count(out, "url("), strings.Count(out, "url(#chart-"); all != local {
		t.Errorf("the HTML has %d url( references, of them %d to its own charts: want only its own", all, local)
	}
	if n := strings.Count(out, "<style>"); n != 1 {
		t.Errorf("<style> blocks: got %d, want the one stylesheet (a chart must bring none)", n)
	}
	// A server that forbids inline style lets this one in by its hash.
	a, b := strings.Index(out, "<style>"), strings.Index(out, "</style>")
	sum := sha256.Sum256([]byte(out[a+len("<style>") : b]))
	if h := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"; a < 0 || !strings.Contains(report.StyleHashes, h) {
		t.Errorf("the inline stylesheet's hash %s is not in StyleHashes %q", h, report.StyleHashes)
	}
	if n := strings.Count(out, "<section>"); n != 6 {
		t.Errorf("sections: got %d, want 6 (summary, days, visits, requests, bookings, backlog)", n)
	}
}

func TestWriteBadFormat(t *testing.T) {
	db := seed(t)
	err := report.Write(&bytes.Buffer{}, readLog(t, db, day, day), "docx", report.Options{})
	if store.ErrorCode(err) != store.EINVALID || !strings.Contains(store.ErrorMessage(err, "zh"), "不支持的格式") {
		t.Errorf("format docx: got %v, want an invalid-format error in Chinese", err)
	}
}
