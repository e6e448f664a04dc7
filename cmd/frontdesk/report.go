package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"frontdesk/internal/tune"
	"frontdesk/lang"
	"frontdesk/report"
	"frontdesk/store"
)

func reportFlags(m *Main, fs *flag.FlagSet) {
	periodFlags(m, fs)
	fs.BoolVar(&m.Hours, "hours", false, m.tr(lang.FlagHours))
}

// periodFlags are the flags of a printed report: its period, format, file
// and who prints it (report and network report).
func periodFlags(m *Main, fs *flag.FlagSet) {
	fs.StringVar(&m.Date, "date", "", m.tr(lang.FlagDate))
	fs.StringVar(&m.From, "from", "", m.tr(lang.FlagFrom))
	fs.StringVar(&m.To, "to", "", m.tr(lang.FlagTo))
	fs.StringVar(&m.Format, "format", "", m.tr(lang.FlagFormat))
	fs.StringVar(&m.Output, "o", "", m.tr(lang.FlagOut))
	fs.StringVar(&m.Staff, "staff", "", m.tr(lang.FlagPrintedBy))
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
	render := func(w io.Writer) error {
		if m.Hours {
			l, err := m.DB.ServiceLog(ctx, from, to)
			if err != nil {
				return err
			}
			return report.WriteHoursContext(ctx, w, l, m.Format, opt)
		}
		// The log is written as it is read: a year of rows is never in
		// memory. A log of several days is a period report.
		defer tune.GC(report.StreamGC)()
		return report.Stream(ctx, w, m.DB, from, to, m.Format, opt)
	}
	return m.writeOutput(render, from, to)
}

// writeOutput writes a report as render writes it, to -o or to standard
// output, through a buffer.
func (m *Main) writeOutput(render func(io.Writer) error, from, to store.Day) error {
	if m.Output == "" {
		b := bufio.NewWriterSize(m.Stdout, 64<<10)
		if err := render(b); err != nil {
			return err
		}
		return b.Flush()
	}
	var rerr error
	err := writeFileAtomic(m.Output, func(w io.Writer) error { rerr = render(w); return rerr })
	if rerr != nil {
		return rerr // the report's own error, not the file's
	}
	if err != nil {
		return fmt.Errorf("%s", m.tr(lang.CannotWrite.Format(m.Output, err)))
	}
	period := from.String()
	if to != from {
		period += m.tr(lang.ToSpaced) + to.String()
	}
	fmt.Fprintf(m.Stderr, m.tr(lang.WrittenTo), m.Output, period)
	return nil
}

// reportPeriod reads --date, --from and --to by the store's period rule;
// none gives today, or this month for --hours.
func (m *Main) reportPeriod(today store.Day) (store.Day, store.Day, error) {
	return store.PeriodAsked{Date: m.Date, From: m.From, To: m.To, Month: m.Hours}.Parse(today)
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
			Text: lang.UnknownExtension.Format(m.Output, filepath.Ext(m.Output),
				lang.Text{ZH: strings.Join(extensions(known), lang.ListSep.ZH+"."), EN: strings.Join(extensions(known), lang.ListSep.EN+".")})}
	case m.Format == "":
		m.Format = byName
	case m.Output != "" && byName != "" && filepath.Ext(m.Output) != "" && byName != m.Format:
		return &store.Error{Code: store.EINVALID, Field: "o",
			Text: lang.ODoesNotMatchFormat.Format(m.Output, m.Format)}
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
	return m.tr(lang.Manager)
}

// writeFileAtomic writes what write writes to a temporary file beside path
// and renames it into place, so a reader never sees half a log and a failure
// leaves any old file as it was.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer os.Remove(tmp) // after a successful rename there is nothing left to remove
	b := bufio.NewWriterSize(f, 64<<10)
	if err := write(b); err != nil {
		f.Close()
		return err
	}
	if err := b.Flush(); err != nil {
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
