package report_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"

	"frontdesk/report"
	"frontdesk/store"
)

// printPDF prints an HTML file to PDF with headless Chromium, as a manager's
// browser would, and returns the PDF. No Chromium is a failure, not a skip.
func printPDF(t *testing.T, html []byte) []byte {
	t.Helper()
	bin, err := exec.LookPath("chromium")
	if err != nil {
		t.Fatalf("chromium is needed to print the log (apt-get install chromium): %v", err)
	}
	dir := t.TempDir()
	page, pdf := filepath.Join(dir, "log.html"), filepath.Join(dir, "log.pdf")
	if err := os.WriteFile(page, html, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
		"--user-data-dir="+filepath.Join(dir, "profile"), "--print-to-pdf="+pdf, "file://"+page)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium --print-to-pdf: %v\n%s", err, out)
	}
	b, err := os.ReadFile(pdf)
	if err != nil {
		t.Fatalf("no PDF: %v", err)
	}
	return b
}

var (
	pdfCount    = regexp.MustCompile(`/Count (\d+)`)
	pdfMediaBox = regexp.MustCompile(`/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]`)
)

// pdfPages returns the page count and whether every page is A4 (595 × 842
// points; a page without the print stylesheet would be US Letter).
func pdfPages(t *testing.T, pdf []byte) (int, bool) {
	t.Helper()
	m := pdfCount.FindSubmatch(pdf)
	if m == nil {
		t.Fatal("the PDF has no page count")
	}
	n, _ := strconv.Atoi(string(m[1]))
	boxes := pdfMediaBox.FindAllSubmatch(pdf, -1)
	a4 := len(boxes) == n
	for _, b := range boxes {
		w, _ := strconv.ParseFloat(string(b[1]), 64)
		h, _ := strconv.ParseFloat(string(b[2]), 64)
		if w < 594 || w > 596 || h < 841 || h > 843 {
			a4 = false
		}
	}
	return n, a4
}

func TestPrintToPDF(t *testing.T) {
	db := seed(t)
	t.Run("Log", func(t *testing.T) {
		html := render(t, readLog(t, db, day.AddDays(-1), day.AddDays(1)), "html", "zh")
		n, a4 := pdfPages(t, printPDF(t, html))
		if !a4 {
			t.Errorf("the pages are not A4")
		}
		// Six sections, each from a new page.
		if n < 6 {
			t.Errorf("pages: got %d, want at least 6, one per section", n)
		}
	})
	t.Run("Hours", func(t *testing.T) {
		l, err := db.ServiceLog(context.Background(), store.Day{Year: 2026, Month: 3, Day: 1}, store.Day{Year: 2026, Month: 3, Day: 31})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := report.WriteHours(&buf, l, "html", report.Options{PrintedAt: printedAt}); err != nil {
			t.Fatal(err)
		}
		n, a4 := pdfPages(t, printPDF(t, buf.Bytes()))
		if !a4 || n != 2 {
			t.Errorf("got %d pages (A4: %v), want 2 A4 pages: the table and 张三's certificate", n, a4)
		}
	})
}
