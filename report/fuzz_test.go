package report_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"frontdesk/report"
	"frontdesk/store"
)

// FuzzRender puts arbitrary text where people's input lands in a log (a
// name, an organisation, a request, a booking title) and renders every
// format: text stays within the page, CSV keeps its columns, JSON parses,
// and HTML never carries the text unescaped.
func FuzzRender(f *testing.F) {
	for _, s := range []string{"张三", `<script>alert(1)</script>`, "a\tb", "😀👨‍👩‍👧", "ｗｉｄｅ全角", "\u0301\u0301", strings.Repeat("长", 300), "\"quoted\",comma", "=HYPERLINK(\"x\")"} {
		f.Add(s)
	}
	db := seed(f)
	base := readLog(f, db, day, day)
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || strings.ContainsAny(s, "\r\n\x00") {
			return // the store never lets these into a record
		}
		// The markers make the text findable in the output even when it is
		// as short as "<", which every page holds anyway.
		raw := s
		s = "⟦" + s + "⟧"
		l := *base
		l.Visits = append([]store.Visit(nil), base.Visits...)
		l.Requests = append([]store.LogRequest(nil), base.Requests...)
		l.Bookings = append([]store.Booking(nil), base.Bookings...)
		if len(l.Visits) > 0 {
			l.Visits[0].Name, l.Visits[0].Org = s, s
		}
		if len(l.Visits) > 1 {
			// Unwrapped, so the text begins a cell, where a formula would.
			l.Visits[1].Name, l.Visits[1].Org = raw, raw
		}
		if len(l.Requests) > 0 {
			l.Requests[0].Description, l.Requests[0].Name = s, s
		}
		if len(l.Bookings) > 0 {
			l.Bookings[0].Title, l.Bookings[0].Org = s, s
		}
		for _, format := range report.Formats {
			var buf bytes.Buffer
			if err := report.Write(&buf, &l, format, report.Options{Lang: "zh", PrintedBy: "负责人", PrintedAt: printedAt}); err != nil {
				t.Fatalf("%s: %v", format, err)
			}
			out := buf.Bytes()
			switch format {
			case "text":
				for i, line := range strings.Split(string(out), "\n") {
					if w := ansi.StringWidth(line); w > report.PageWidth {
						t.Fatalf("text line %d is %d columns, want at most %d: %q", i, w, report.PageWidth, line)
					}
				}
			case "csv":
				if !bytes.HasPrefix(out, []byte("\ufeff")) {
					t.Fatal("CSV lacks its BOM")
				}
				r := csv.NewReader(bytes.NewReader(out[3:]))
				r.FieldsPerRecord = -1
				recs, err := r.ReadAll()
				if err != nil {
					t.Fatalf("CSV does not parse: %v", err)
				}
				for _, rec := range recs {
					for _, cell := range rec {
						if isFormula(cell) {
							t.Fatalf("CSV cell %q could run as a formula", cell)
						}
					}
				}
			case "json":
				var v map[string]any
				if err := json.Unmarshal(out, &v); err != nil {
					t.Fatalf("JSON does not parse: %v", err)
				}
			case "html":
				if strings.ContainsAny(s, "<>") && bytes.Contains(out, []byte(s)) {
					t.Fatalf("HTML carries %q unescaped", s)
				}
			}
		}
	})
}

// isFormula reports whether a spreadsheet would read cell as a formula: it
// begins with = + - @, a tab or a carriage return and is not a plain number.
func isFormula(cell string) bool {
	if cell == "" || !strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
		return false
	}
	_, err := strconv.ParseFloat(cell, 64)
	return err != nil || cell[0] == '\t' || cell[0] == '\r'
}
