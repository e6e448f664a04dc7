package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"frontdesk/store"
)

// reportNow is the clock of the report tests: 2026-03-11 08:30 in Shanghai.
var reportNow = time.Date(2026, 3, 11, 8, 30, 0, 0, time.FixedZone("CST", 8*3600))

// reportCenter makes a center with one volunteer's morning on 2026-03-10,
// written through the store at a fixed clock.
func reportCenter(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "center.db")
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	now := reportNow.Add(-24 * time.Hour)
	db.Now = func() time.Time { return now }
	ctx := context.Background()
	if err := db.Init(ctx, store.InitInput{Center: "平城区党群服务中心", Venues: []store.VenueInput{{Name: "多功能厅", Capacity: 80}}}); err != nil {
		t.Fatal(err)
	}
	v, err := db.CheckIn(ctx, store.VisitInput{Name: "张三", Phone: "13800138000", Purpose: "volunteer", PartyMember: true, Actor: "小李"})
	if err != nil {
		t.Fatal(err)
	}
	now = now.Add(3 * time.Hour)
	if _, err := db.CheckOut(ctx, v.ID, "小李"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreateRequest(ctx, store.RequestInput{Name: "李四", Phone: "13900139000", Category: "policy",
		Description: "咨询政策", Actor: "小李"}); err != nil {
		t.Fatal(err)
	}
	return path
}

// reportRun runs `frontdesk report` with the store's clock at reportNow,
// returning stdout, stderr and the error main would print.
func reportRun(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	return reportRunAt(t, reportNow, args...)
}

// reportRunAt is reportRun with the store's clock at now.
func reportRunAt(t *testing.T, now time.Time, args ...string) (string, string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	m := &Main{Stdout: &out, Stderr: &errOut}
	err := m.ParseFlags(append([]string{"report"}, args...))
	if err == nil {
		if err = m.open(); err == nil {
			m.DB.Now = func() time.Time { return now }
			err = m.runReport(context.Background())
		}
	}
	if cerr := m.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		errOut.WriteString(m.message(err))
	}
	return out.String(), errOut.String(), err
}

func TestReportCommand(t *testing.T) {
	db := reportCenter(t)
	t.Run("TextToStdout", func(t *testing.T) {
		out, _, err := reportRun(t, "--db", db, "--date", "2026-03-10", "--staff", "王主任")
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"平城区党群服务中心 每日台账", "2026-03-10（星期二）", "打印人：王主任", "打印时间：2026-03-11 08:30",
			"张三", "13800138000", "志愿服务时长（小时）  3.0", "负责人签字"} {
			if !strings.Contains(out, want) {
				t.Errorf("the log lacks %q", want)
			}
		}
	})
	t.Run("DefaultToday", func(t *testing.T) {
		out, _, err := reportRun(t, "--db", db, "--staff", "王主任")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out, "2026-03-11（星期三）") {
			t.Errorf("with no date the log is not of the clock's day 2026-03-11:\n%s", out[:min(len(out), 400)])
		}
	})
	t.Run("FileIsWrittenWhole", func(t *testing.T) {
		dir := t.TempDir()
		file := filepath.Join(dir, "log.csv")
		if err := os.WriteFile(file, []byte("old"), 0o644); err != nil {
			t.Fatal(err)
		}
		stdout, stderr, err := reportRun(t, "--db", db, "--date", "2026-03-10", "--format", "csv", "-o", file, "--staff", "王主任")
		if err != nil {
			t.Fatal(err)
		}
		if stdout != "" || !strings.Contains(stderr, "已写入 "+file) {
			t.Errorf("stdout %q, stderr %q: want nothing on stdout and where it went on stderr", stdout, stderr)
		}
		got, _ := os.ReadFile(file)
		want, _, _ := reportRun(t, "--db", db, "--date", "2026-03-10", "--format", "csv", "--staff", "王主任")
		if string(got) != want || !strings.HasPrefix(want, "\ufeff") {
			t.Errorf("the file differs from the standard output, or lacks the BOM")
		}
		entries, _ := os.ReadDir(dir)
		if len(entries) != 1 {
			t.Errorf("files left in the directory: %v, want only log.csv", entries)
		}
	})
	t.Run("FormatFromExtension", func(t *testing.T) {
		file := filepath.Join(t.TempDir(), "log.html")
		if _, _, err := reportRun(t, "--db", db, "--date", "2026-03-10", "-o", file); err != nil {
			t.Fatal(err)
		}
		got, _ := os.ReadFile(file)
		if !bytes.HasPrefix(got, []byte("<!DOCTYPE html>")) {
			t.Errorf("-o log.html without --format did not write HTML: %q", got[:min(len(got), 40)])
		}
	})
	t.Run("PDF", func(t *testing.T) {
		dir := t.TempDir()
		file := filepath.Join(dir, "台账.pdf")
		_, stderr, err := reportRun(t, "--db", db, "--date", "2026-03-10", "-o", file)
		if err != nil {
			t.Fatalf("%v: %s", err, stderr)
		}
		got, _ := os.ReadFile(file)
		if !bytes.HasPrefix(got, []byte("%PDF-")) {
			t.Errorf("-o 台账.pdf did not write a PDF: %q", got[:min(len(got), 40)])
		}
	})
	t.Run("ErrNoChromium", func(t *testing.T) {
		// No Chromium on $PATH: a clear message, and no file.
		t.Setenv("PATH", t.TempDir())
		dir := t.TempDir()
		for _, lang := range []string{"zh", "en"} {
			_, stderr, err := reportRun(t, "--db", db, "--date", "2026-03-10", "--lang", lang, "-o", filepath.Join(dir, "log.pdf"))
			want := map[string]string{"zh": "找不到 Chromium 浏览器，无法生成 PDF", "en": "Chromium was not found"}[lang]
			if err == nil || !strings.Contains(stderr, want) {
				t.Errorf("%s: got %v, %q; want an error saying %q", lang, err, stderr, want)
			}
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 0 {
			t.Errorf("a failed PDF left files: %v", entries)
		}
	})
	t.Run("Month", func(t *testing.T) {
		out, _, err := reportRun(t, "--db", db, "--date", "2026-03", "--format", "json")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out, `"from":"2026-03-01","to":"2026-03-31"`) {
			t.Errorf("--date 2026-03 is not the month: %s", out[:min(len(out), 200)])
		}
	})
	t.Run("HoursThisMonth", func(t *testing.T) {
		out, _, err := reportRun(t, "--db", db, "--hours", "--staff", "王主任")
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"志愿服务时长统计", "2026-03-01 至 2026-03-31", "志愿服务时长证明", "累计服务时长 3.0 小时"} {
			if !strings.Contains(out, want) {
				t.Errorf("the hours lack %q", want)
			}
		}
	})
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"ErrFormat", []string{"--format", "docx"}, "不支持的格式“docx”"},
		{"ErrFormatEnglish", []string{"--format", "docx", "--lang", "en"}, `unknown format "docx"`},
		{"ErrExtension", []string{"-o", filepath.Join(t.TempDir(), "台账.docx")}, "不认识的扩展名“.docx”，请用 .txt、.csv、.html、.json、.pdf"},
		{"ErrExtensionEnglish", []string{"--lang", "en", "-o", filepath.Join(t.TempDir(), "log.xlsx")}, `unknown extension ".xlsx"`},
		{"ErrExtensionAgainstFormat", []string{"--format", "text", "-o", filepath.Join(t.TempDir(), "台账.pdf")}, "的扩展名与 --format text 不一致"},
		{"ErrHoursFormat", []string{"--hours", "--format", "json"}, "不支持的格式“json”"},
		{"ErrDate", []string{"--date", "2026-13-45"}, "--date：日期“2026-13-45”格式不对"},
		{"ErrDateEnglish", []string{"--date", "10/03/2026", "--lang", "en"}, `--date: date "10/03/2026" is not YYYY-MM-DD`},
		{"ErrMonth", []string{"--date", "2026-13"}, "应为 YYYY-MM-DD 或 YYYY-MM"},
		{"ErrDateAndFrom", []string{"--date", "2026-03-10", "--from", "2026-03-01"}, "--date 不能与 --from、--to 同时使用"},
		{"ErrToBeforeFrom", []string{"--from", "2026-03-10", "--to", "2026-03-01"}, "结束日期 2026-03-01 早于起始日期 2026-03-10"},
		{"ErrToAlone", []string{"--to", "2026-03-01"}, "请同时给出 --from"},
		{"ErrTooLong", []string{"--from", "2024-01-01", "--to", "2026-03-01"}, "一次最多统计 366 天"},
		{"ErrOutputDir", []string{"-o", filepath.Join(t.TempDir(), "missing", "log.txt")}, "无法写入"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, stderr, err := reportRun(t, append([]string{"--db", db}, tc.args...)...)
			if err == nil {
				t.Fatalf("got no error, want one saying %q", tc.want)
			}
			if !strings.Contains(stderr, tc.want) {
				t.Errorf("got %q, want it to contain %q", stderr, tc.want)
			}
			if out != "" {
				t.Errorf("a failed report printed %d bytes on stdout", len(out))
			}
			for i, a := range tc.args {
				if a == "-o" {
					if _, err := os.Stat(tc.args[i+1]); !os.IsNotExist(err) {
						t.Errorf("a refused report created %s", tc.args[i+1])
					}
				}
			}
		})
	}
}
