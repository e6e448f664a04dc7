package report_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"frontdesk/report"
	"frontdesk/store"
)

// pdfText writes pdf to a file and reads it back page by page with
// pdftotext (Debian's poppler-utils); a missing tool fails the test.
func pdfText(t *testing.T, pdf []byte) []string {
	t.Helper()
	for _, tool := range []string{"pdftotext", "pdfinfo"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is not installed; the PDF tests need it: run `make test-deps` (or `apt-get install poppler-utils`)", tool)
		}
	}
	file := filepath.Join(t.TempDir(), "log.pdf")
	if err := os.WriteFile(file, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	info, err := exec.Command("pdfinfo", file).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo: %v: %s", err, info)
	}
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(info)
	if m == nil {
		t.Fatalf("pdfinfo gives no page count: %s", info)
	}
	if !regexp.MustCompile(`(?m)^Page size:.*\(A4\)`).Match(info) {
		t.Errorf("the PDF is not A4:\n%s", info)
	}
	n, _ := strconv.Atoi(string(m[1]))
	// pdftotext ends each page with a form feed.
	out, err := exec.Command("pdftotext", "-layout", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	pages := strings.Split(strings.TrimSuffix(string(out), "\f"), "\f")
	if len(pages) != n {
		t.Fatalf("pdftotext gives %d pages, pdfinfo %d", len(pages), n)
	}
	return pages
}

func writePDF(t *testing.T, l *store.DailyLog, lang string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := report.Write(&buf, l, "pdf", report.Options{Lang: lang, PrintedBy: "王主任", PrintedAt: printedAt}); err != nil {
		t.Fatalf("pdf: %v", err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
		t.Fatalf("not a PDF: %q", buf.Bytes()[:min(buf.Len(), 20)])
	}
	return buf.Bytes()
}

// TestPDF prints a week of demo data to PDF through headless Chromium and
// reads it back: every page carries the center's name and its number of
// the total, the first page the period, and the last page, alone, the
// signature line. (A week is a dozen pages; a month is sixty and takes
// Chromium half a minute.)
func TestPDF(t *testing.T) {
	db := demoDB(t)
	l, err := db.PeriodLog(context.Background(), demoEnd.AddDays(-6), demoEnd)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		lang, period, sign, pageOf string
	}{
		{"zh", "2026-03-25 至 2026-03-31", "负责人签字", "第 %d 页，共 %d 页"},
		{"en", "2026-03-25 to 2026-03-31", "Manager's signature", "Page %d of %d"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			pages := pdfText(t, writePDF(t, l, tc.lang))
			if len(pages) < 4 {
				t.Fatalf("a week's log is %d pages, want at least 4 (summary, comparison, days, records)", len(pages))
			}
			for i, p := range pages {
				if !strings.Contains(p, l.Center) {
					t.Errorf("page %d lacks the center's name %q", i+1, l.Center)
				}
				if want := fmt.Sprintf(tc.pageOf, i+1, len(pages)); !strings.Contains(p, want) {
					t.Errorf("page %d lacks %q", i+1, want)
				}
				if signed := strings.Contains(p, tc.sign); signed != (i == len(pages)-1) {
					t.Errorf("page %d of %d: signature line there is %v", i+1, len(pages), signed)
				}
			}
			if !strings.Contains(pages[0], tc.period) {
				t.Errorf("the first page lacks the period %q", tc.period)
			}
		})
	}
}

// TestHoursPDF prints the service-hours certificates: the table first,
// then each certificate on a page of its own.
func TestHoursPDF(t *testing.T) {
	db := seed(t)
	sl, err := db.ServiceLog(context.Background(), store.Day{Year: 2026, Month: 3, Day: 1}, store.Day{Year: 2026, Month: 3, Day: 31})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := report.WriteHours(&buf, sl, "pdf", report.Options{Lang: "zh", PrintedBy: "王主任", PrintedAt: printedAt}); err != nil {
		t.Fatal(err)
	}
	pages := pdfText(t, buf.Bytes())
	if len(pages) != 1+len(sl.People) {
		t.Fatalf("pages: got %d, want the table and %d certificates", len(pages), len(sl.People))
	}
	for i, p := range pages[1:] {
		if !strings.Contains(p, "志愿服务时长证明") || !strings.Contains(p, sl.People[i].Name) || !strings.Contains(p, sl.Center) {
			t.Errorf("page %d is not %s's certificate: %q", i+2, sl.People[i].Name, p)
		}
	}
}

// TestPDFWithoutChromium gets the clear error, in both languages, when no
// Chromium is on $PATH.
func TestPDFWithoutChromium(t *testing.T) {
	db := seed(t)
	t.Setenv("PATH", t.TempDir())
	var buf bytes.Buffer
	err := report.Write(&buf, readLog(t, db, day, day), "pdf", report.Options{})
	if !strings.Contains(store.ErrorMessage(err, "zh"), "找不到 Chromium") || !strings.Contains(store.ErrorMessage(err, "en"), "Chromium was not found") {
		t.Errorf("got %v, want ErrNoChromium", err)
	}
	if buf.Len() != 0 {
		t.Errorf("a failed PDF wrote %d bytes", buf.Len())
	}
}
