package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"frontdesk/report"
	"frontdesk/store"
)

func reportFlags(m *Main, fs *flag.FlagSet) {
	fs.StringVar(&m.Date, "date", "", m.text("日期 YYYY-MM-DD，或月份 YYYY-MM；默认今天（--hours 默认本月）",
		"day YYYY-MM-DD, or month YYYY-MM; default today (this month with --hours)"))
	fs.StringVar(&m.From, "from", "", m.text("起始日期 YYYY-MM-DD", "first day YYYY-MM-DD"))
	fs.StringVar(&m.To, "to", "", m.text("结束日期 YYYY-MM-DD（默认与起始日期相同）", "last day YYYY-MM-DD (default: the first day)"))
	fs.StringVar(&m.Format, "format", "", m.text("格式：text、csv、html 或 json（--hours 为 text 或 html）；默认按 -o 的扩展名，否则 text",
		"format: text, csv, html or json (text or html with --hours); default from the -o extension, else text"))
	fs.StringVar(&m.Output, "o", "", m.text("输出文件，默认标准输出", "output file, default standard output"))
	fs.BoolVar(&m.Hours, "hours", false, m.text("输出志愿服务时长表和每人的时长证明", "print the service-hours table and a certificate per person"))
	fs.StringVar(&m.Staff, "staff", "", m.text("打印人，默认当前系统用户", "who prints it, default the system user"))
}

// runReport prints the daily log, or with --hours the service-hours table
// and certificates.
func (m *Main) runReport(ctx context.Context) error {
	formats := report.Formats
	if m.Hours {
		formats = report.HoursFormats
	}
	if err := m.outputFormat(formats); err != nil {
		return err
	}
	if err := m.requireInit(); err != nil {
		return err
	}
	from, to, err := m.reportPeriod(m.DB.Today())
	if err != nil {
		return err
	}
	opt := report.Options{Lang: m.Lang, PrintedBy: m.printedBy(), PrintedAt: m.DB.Now()}
	var buf bytes.Buffer
	if err := m.renderReport(ctx, &buf, from, to, opt); err != nil {
		return err
	}
	return m.writeOutput(buf.Bytes(), from, to)
}

// writeOutput writes a rendered report to -o, or to standard output.
func (m *Main) writeOutput(data []byte, from, to store.Day) error {
	if m.Output == "" {
		_, err := m.Stdout.Write(data)
		return err
	}
	if err := writeFileAtomic(m.Output, data); err != nil {
		return fmt.Errorf("%s", m.text(fmt.Sprintf("无法写入 %s：%v", m.Output, err), fmt.Sprintf("cannot write %s: %v", m.Output, err)))
	}
	period := from.String()
	if to != from {
		period += m.text(" 至 ", " to ") + to.String()
	}
	fmt.Fprintf(m.Stderr, m.text("已写入 %s（%s）\n", "written to %s (%s)\n"), m.Output, period)
	return nil
}

// renderReport renders the log, or the hours with --hours, into buf.
func (m *Main) renderReport(ctx context.Context, buf *bytes.Buffer, from, to store.Day, opt report.Options) error {
	if m.Hours {
		l, err := m.DB.ServiceLog(ctx, from, to)
		if err != nil {
			return err
		}
		return report.WriteHoursContext(ctx, buf, l, m.Format, opt)
	}
	// A log of several days is a period report: it compares with the
	// period before and ranks categories and communities.
	read := m.DB.PeriodLog
	if from == to {
		read = m.DB.DailyLog
	}
	l, err := read(ctx, from, to)
	if err != nil {
		return err
	}
	return report.WriteContext(ctx, buf, l, m.Format, opt)
}

// reportPeriod reads --date, --from and --to. --date takes a day or a month;
// --from alone is one day; none gives today, or this month for --hours.
func (m *Main) reportPeriod(today store.Day) (store.Day, store.Day, error) {
	flagErr := func(name string, err error) error {
		return &store.Error{Code: store.EINVALID, Field: name,
			ZH: fmt.Sprintf("--%s：%s", name, store.ErrorMessage(err, "zh")),
			EN: fmt.Sprintf("--%s: %s", name, store.ErrorMessage(err, "en"))}
	}
	switch {
	case m.Date != "" && (m.From != "" || m.To != ""):
		return store.Day{}, store.Day{}, store.Errorf(store.EINVALID, "--date 不能与 --from、--to 同时使用",
			"--date cannot be used with --from or --to")
	case m.Date != "":
		if len(m.Date) == len("2006-01") {
			first, err := store.ParseDay(m.Date + "-01")
			if err != nil {
				return first, first, flagErr("date", store.Errorf(store.EINVALID,
					fmt.Sprintf("日期“%s”格式不对，应为 YYYY-MM-DD 或 YYYY-MM", m.Date),
					fmt.Sprintf("date %q is not YYYY-MM-DD or YYYY-MM", m.Date)))
			}
			return first, monthEnd(first), nil
		}
		d, err := store.ParseDay(m.Date)
		if err != nil {
			return d, d, flagErr("date", err)
		}
		return d, d, nil
	case m.From != "" || m.To != "":
		if m.From == "" {
			return store.Day{}, store.Day{}, store.Errorf(store.EINVALID, "使用 --to 时请同时给出 --from",
				"--to needs --from")
		}
		from, err := store.ParseDay(m.From)
		if err != nil {
			return from, from, flagErr("from", err)
		}
		to := from
		if m.To != "" {
			if to, err = store.ParseDay(m.To); err != nil {
				return from, to, flagErr("to", err)
			}
		}
		if to.Before(from) {
			return from, to, store.Errorf(store.EINVALID,
				fmt.Sprintf("结束日期 %s 早于起始日期 %s", to, from), fmt.Sprintf("--to %s is before --from %s", to, from))
		}
		return from, to, nil
	case m.Hours:
		first := store.Day{Year: today.Year, Month: today.Month, Day: 1}
		return first, monthEnd(first), nil
	}
	return today, today, nil
}

// formatOf picks the format a file name asks for: log.csv is CSV,
// log.html HTML, log.json JSON, log.pdf PDF, log.txt or a name without an
// extension text; any other extension gives "".
func formatOf(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv":
		return "csv"
	case ".html", ".htm":
		return "html"
	case ".json":
		return "json"
	case ".pdf":
		return "pdf"
	case ".txt", "":
		return "text"
	}
	return ""
}

// outputFormat settles --format against -o: without --format the file's
// extension decides, and an extension it does not know is refused rather
// than written as text; a known extension that says another format than
// --format is refused too (a .pdf holding text opens nowhere).
func (m *Main) outputFormat(known []string) error {
	byName := formatOf(m.Output)
	switch {
	case m.Format == "" && byName == "":
		return &store.Error{Code: store.EINVALID, Field: "o",
			ZH: fmt.Sprintf("-o %s：不认识的扩展名“%s”，请用 .%s，或用 --format 指明格式", m.Output, filepath.Ext(m.Output), strings.Join(extensions(known), "、.")),
			EN: fmt.Sprintf("-o %s: unknown extension %q; use .%s, or give --format", m.Output, filepath.Ext(m.Output), strings.Join(extensions(known), ", ."))}
	case m.Format == "":
		m.Format = byName
	case m.Output != "" && byName != "" && filepath.Ext(m.Output) != "" && byName != m.Format:
		return &store.Error{Code: store.EINVALID, Field: "o",
			ZH: fmt.Sprintf("-o %s 的扩展名与 --format %s 不一致", m.Output, m.Format),
			EN: fmt.Sprintf("-o %s does not match --format %s", m.Output, m.Format)}
	}
	if !slices.Contains(known, m.Format) {
		return report.BadFormat(m.Format, known)
	}
	return nil
}

// extensions names the file extensions of formats.
func extensions(formats []string) []string {
	var out []string
	for _, f := range formats {
		if f == "text" {
			f = "txt"
		}
		out = append(out, f)
	}
	return out
}

// monthEnd returns the last day of first's month.
func monthEnd(first store.Day) store.Day {
	next := time.Date(first.Year, first.Month+1, 1, 12, 0, 0, 0, time.UTC)
	return store.Day{Year: next.Year(), Month: next.Month(), Day: 1}.AddDays(-1)
}

// printedBy names who prints: --staff, else the system user.
func (m *Main) printedBy() string {
	if s := strings.TrimSpace(m.Staff); s != "" {
		return s
	}
	for _, k := range []string{"USER", "LOGNAME", "USERNAME"} {
		if u := os.Getenv(k); u != "" {
			return u
		}
	}
	return m.text("负责人", "manager")
}

// writeFileAtomic writes data to a temporary file beside path and renames it
// into place, so a reader never sees half a log and a failure leaves any old
// file as it was.
func writeFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer os.Remove(tmp) // after a successful rename there is nothing left to remove
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
