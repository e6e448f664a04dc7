package tui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestDailyLog(t *testing.T) {
	db, clk := mustOpen(t, true)
	seed(t, db, clk)
	d := newDriver(t, db, Options{Staff: "王芳"})
	d.key("5")
	d.wantView("2026-03-10", "城南街道党群服务中心")
	if !strings.Contains(d.daily().text, "张三") {
		t.Fatalf("the log lacks the day's visits:\n%s", d.daily().text)
	}
	top := d.view()
	d.key("down", "down", "down")
	if d.view() == top {
		t.Fatal("↓ did not scroll the log")
	}
	d.key("e")
	path := filepath.Join(filepath.Dir(db.Path()), "台账-2026-03-10.csv")
	body, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("export: %v (notice %q)", err, d.m.notice)
	}
	if !bytes.HasPrefix(body, []byte("\xEF\xBB\xBF")) || !bytes.Contains(body, []byte("张三")) {
		t.Fatalf("csv lacks the BOM or the visits: %.200q", body)
	}
	d.wantView("台账-2026-03-10.csv")
	d.key("e") // exported again: a new file, the first kept
	if _, err := os.Stat(filepath.Join(filepath.Dir(db.Path()), "台账-2026-03-10-2.csv")); err != nil {
		t.Fatalf("second export: %v (notice %q)", err, d.m.notice)
	}
	d.key("p")
	// p prints the A4 PDF, not the text preview. Chromium may take longer
	// than the driver waits for a command on a loaded machine; the file
	// is written all the same.
	// The file is created before it is written, so wait for the whole
	// document (its %%EOF), not only for the name.
	var pdfs []string
	var pdf []byte
	for deadline := time.Now().Add(2 * time.Minute); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		pdfs, _ = filepath.Glob(filepath.Join(filepath.Dir(db.Path()), "台账-2026-03-10*.pdf"))
		if len(pdfs) == 1 {
			if pdf, _ = os.ReadFile(pdfs[0]); bytes.Contains(pdf, []byte("%%EOF")) {
				break
			}
		}
	}
	if len(pdfs) != 1 {
		t.Fatalf("printed files: %v, want one 台账-2026-03-10.pdf (notice %q)", pdfs, d.m.notice)
	}
	if n := d.m.notice; !strings.Contains(n, "台账-2026-03-10") && !strings.Contains(n, "lp") && !strings.Contains(n, "正在生成 PDF") {
		t.Fatalf("print notice = %q", n)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) || !bytes.Contains(pdf, []byte("%%EOF")) {
		t.Fatalf("%s is not a whole PDF: %.20q (%d bytes)", pdfs[0], pdf, len(pdf))
	}
	// The charts draw the same day's figures.
	d.key("G")
	d.wantView("来访时段分布", "诉求分类")
	d.key("G")
	d.wantView("台账预览")
	d.key("left")
	d.wantView("2026-03-09")
	if strings.Contains(d.daily().text, "张三") {
		t.Fatal("the day before shows today's visits")
	}
}

func TestQRView(t *testing.T) {
	db, _ := mustOpen(t, true)
	links := []Link{{"我要办事", "http://192.0.2.1:8080/f/request?t=abc"}, {"预约场地", "http://192.0.2.1:8080/f/booking?t=abc"},
		{"来访登记", "http://192.0.2.1:8080/f/checkin?t=abc"}}
	d := newDriver(t, db, Options{Staff: "王芳", Links: func() []Link { return links }})
	d.key("Q")
	d.wantView("我要办事", links[0].URL, "█", "1/3")
	d.dontWantView(links[1].URL) // one code a page, as large as it can be
	d.key("right")
	d.wantView(links[1].URL, "2/3")
	d.key("left", "left")
	d.wantView(links[2].URL, "3/3")
	d.key("esc")
	d.dontWantView("█")
	// Too small a window says so instead of drawing a code cut short.
	d.send(teaSize(80, 12))
	d.key("f2")
	d.wantView("窗口太小")
	d.dontWantView("█")
}
