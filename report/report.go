// Package report renders the daily log (台账) in text, CSV, HTML and JSON,
// and the volunteer service-hours table and certificates. Every figure comes
// from the store's one snapshot; the renderers only lay it out.
package report

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"frontdesk/lang"
	"frontdesk/store"
)

// Options are the printing facts a log carries besides its data.
type Options struct {
	Lang      string // zh or en
	PrintedBy string
	PrintedAt time.Time
}

// Formats lists the formats Write knows. pdf is the html printed through
// headless Chromium (PDF).
var Formats = []string{"text", "csv", "html", "json", "pdf"}

// HoursFormats lists the formats WriteHours knows.
var HoursFormats = []string{"text", "html", "pdf"}

// BadFormat is the error for a format Write does not know, in both languages.
func BadFormat(format string, known []string) *store.Error {
	return &store.Error{Code: store.EINVALID, Field: "format",
		Text: lang.UnknownFormat.Format(format, lang.Text{ZH: strings.Join(known, lang.ListSep.ZH), EN: strings.Join(known, lang.ListSep.EN)})}
}

// Write renders l in format to w. The whole output is rendered before any
// of it is written, so an error never leaves half a log behind.
func Write(w io.Writer, l *store.DailyLog, format string, opt Options) error {
	return WriteContext(context.Background(), w, l, format, opt)
}

// WriteContext is Write with a context that stops a PDF's browser.
func WriteContext(ctx context.Context, w io.Writer, l *store.DailyLog, format string, opt Options) error {
	if !slices.Contains(Formats, format) {
		return BadFormat(format, Formats)
	}
	if l == nil {
		return fmt.Errorf("report: no log to write")
	}
	rec := listed(l)
	if err := pdfTooLong(format, rec.nVisits+rec.nReq+rec.nBook); err != nil {
		return err
	}
	return writeWhole(ctx, w, format, func(b io.Writer) error { return writeJSON(b, l, rec, opt) },
		func() *document { return build(l, rec, opt) })
}

// Stream writes the log of the days from..to in format to w as the store
// reads it (store.StreamLog): each visit, request and booking is laid out
// as its row is read and counted, into a spool file the output copies
// after the head, which needs the counts, so a year takes no more memory
// than a day and every record is read and laid out once. A log of several
// days is a period report, with the comparison and rankings PeriodLog adds,
// as `frontdesk report` prints it. The output is
// Write's, byte for byte; but an error part way leaves what was written
// before it, so a caller that must not show half a log writes to a file
// it renames into place only after Stream returns nil.
func Stream(ctx context.Context, w io.Writer, db *store.DB, from, to store.Day, format string, opt Options) error {
	if !slices.Contains(Formats, format) {
		return BadFormat(format, Formats)
	}
	sp, watch, err := newSpool(db, from, to, format, opt)
	if err != nil {
		return err
	}
	defer sp.close()
	return db.StreamLog(ctx, from, to, from != to, watch, func(l *store.DailyLog, rows *store.LogRows) error {
		if err := sp.finish(); err != nil {
			return err
		}
		if err := pdfTooLong(format, sp.laid); err != nil {
			return err
		}
		rec := streamed(l, rows)
		rec.spool = sp
		return writeDoc(ctx, w, format, func(b io.Writer) error { return writeJSON(b, l, rec, opt) },
			func() *document { d := build(l, rec, opt); sp.attach(d); return d })
	})
}

// maxPDFRecords is the most visits, requests and bookings a PDF report
// holds. Chromium lays out about 500 table rows a second on the 2-core
// machine (four days of the million-visit center, 7,000 records, took
// 20 s) and slower as the page grows, so a month of that center outlasts
// the print's 2 minutes; a longer period is refused at once, with what to
// do instead, rather than after the wait.
var maxPDFRecords = 20000

// pdfTooLong refuses a PDF of more than maxPDFRecords records.
func pdfTooLong(format string, records int) error {
	if format == "pdf" && records > maxPDFRecords {
		return &store.Error{Code: store.EINVALID, Field: "format", Text: lang.PDFTooLong.Format(maxPDFRecords, records)}
	}
	return nil
}

// StreamGC is the garbage collector's percent (GOGC) for a process that
// streams a long report, which `frontdesk report` sets unless GOGC is
// set: a stream's garbage is the rows read and laid out, the heap it keeps
// a few MB, and collecting at three times the heap kept rather than twice
// took a sixth off a year's text on the 2-core machine under load, for
// about 10 MB more.
const StreamGC = 200

// writeWhole renders a document in format (JSON through its own writer) into
// memory and writes it only when all of it rendered.
func writeWhole(ctx context.Context, w io.Writer, format string, writeJSON func(io.Writer) error, doc func() *document) error {
	var buf bytes.Buffer
	if err := writeDoc(ctx, &buf, format, writeJSON, doc); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// writeDoc renders a document in format (JSON through its own writer) to w,
// as it goes; a PDF is the HTML written to a file Chromium prints.
func writeDoc(ctx context.Context, w io.Writer, format string, writeJSON func(io.Writer) error, doc func() *document) error {
	var err error
	switch format {
	case "json":
		err = writeJSON(w)
	case "text":
		err = writeText(w, doc())
	case "csv":
		err = writeCSV(w, doc())
	case "html":
		err = writeHTML(w, doc())
	case "pdf":
		d := doc()
		// The center is at the left of the running head already.
		title := strings.TrimSpace(strings.TrimPrefix(d.Title, d.Center))
		err = pdfOf(ctx, w, func(f io.Writer) error { return writeHTML(f, d) },
			PDFHead{Lang: d.Lang, Center: d.Center, Title: title + " · " + d.Period})
	}
	if err != nil {
		return fmt.Errorf("render %s: %w", format, err)
	}
	return nil
}

// toPDF replaces the HTML page in buf with its PDF.
func toPDF(ctx context.Context, buf *bytes.Buffer, head PDFHead) error {
	out, err := PDF(ctx, buf.Bytes(), head)
	if err != nil {
		return err
	}
	buf.Reset()
	buf.Write(out)
	return nil
}
